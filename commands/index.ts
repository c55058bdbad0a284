import type { Command, ComponentHandler } from '../src/bot/types.js';
import ask from './ask.js';
import fact from './fact.js';
import feedback from './feedback.js';
import help from './help.js';
import source from './source.js';
import timeline from './timeline.js';
import unanswered from './unanswered.js';

/** Every slash command, listed by hand so that adding one is a visible, reviewed change. */
export const commands: readonly Command[] = [ask, timeline, source, help, fact, unanswered];

const byName = new Map(commands.map((c) => [c.data.name, c]));
/** Buttons not tied to one command: 👍/👎 on any answer. */
const sharedComponents: readonly ComponentHandler[] = [feedback];

/** Every button handler, each owning the `customId`s that start with its prefix. */
export const componentHandlers: readonly ComponentHandler[] = [
  ...commands.flatMap((c) => c.components ?? []),
  ...sharedComponents,
];

const byPrefix = new Map(componentHandlers.map((h) => [h.prefix, h]));

export function findCommand(name: string): Command | undefined {
  return byName.get(name);
}

/** The handler owning a button's `customId` (`prefix:arg:arg…`), with the args after the prefix. */
export function findComponentHandler(
  customId: string,
): { handler: ComponentHandler; args: string[] } | undefined {
  const [prefix = '', ...args] = customId.split(':');
  const handler = byPrefix.get(prefix);
  return handler ? { handler, args } : undefined;
}
