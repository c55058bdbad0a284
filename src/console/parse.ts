import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType as OptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandRequest, OptionValue } from '../bot/types.js';

/**
 * Console lines read against a command's own slash-command definition, so any command works here
 * as it does in Discord: `/timeline kovrig --from 2019` fills `about` positionally and `from` by name.
 */

export type ConsoleLine =
  | { kind: 'empty' }
  | { kind: 'quit' }
  | { kind: 'press'; index: number }
  | { kind: 'command'; name: string; args: string }
  | { kind: 'ask'; question: string };

/** `buttons` is how many buttons are on screen: a number in that range presses one. */
export function classifyLine(line: string, buttons: number): ConsoleLine {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  if (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= buttons) {
    return { kind: 'press', index: Number(text) - 1 };
  }
  const command = /^\/(\S+)\s*(.*)$/s.exec(text);
  if (!command) return { kind: 'ask', question: text };
  const name = (command[1] ?? '').toLowerCase();
  if (name === 'quit' || name === 'exit') return { kind: 'quit' };
  return { kind: 'command', name, args: command[2] ?? '' };
}

/**
 * Words, with "double" or 'single' quotes keeping spaces together. Discord's own `name:value`
 * (`statement:"The vote…"`) becomes `--name=value`, so what works in Discord works here too.
 */
export function tokenize(text: string): string[] {
  return [...text.matchAll(/(?:([a-z_]+):)?(?:"([^"]*)"|'([^']*)'|(\S+))/g)].map((m) => {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    return m[1] && !/^\/\//.test(value) ? `--${m[1]}=${value}` : m[1] ? `${m[1]}:${value}` : value;
  });
}

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;
type ValueOption = Exclude<
  APIApplicationCommandOption,
  { type: OptionType.Subcommand | OptionType.SubcommandGroup }
>;

const isGroup = (o: APIApplicationCommandOption) =>
  o.type === OptionType.Subcommand || o.type === OptionType.SubcommandGroup;

/** `/timeline [about] [--from X] [--to X]`, or `/fact <add|edit|…> …` for one with subcommands. */
function usageOf(path: string, options: readonly APIApplicationCommandOption[]): string {
  if (options.some(isGroup)) return `/${path} <${options.map((o) => o.name).join('|')}> …`;
  const parts = (options as ValueOption[]).map((o, i) => {
    const shown = i === 0 ? o.name : `--${o.name}${o.type === OptionType.Boolean ? '' : ' X'}`;
    return o.required ? `<${shown}>` : `[${shown}]`;
  });
  return [`/${path}`, ...parts].join(' ');
}

export function usage(definition: Definition): string {
  return usageOf(definition.name, definition.options ?? []);
}

function coerce(option: ValueOption, raw: string): OptionValue {
  switch (option.type) {
    case OptionType.Integer:
    case OptionType.Number: {
      const n = Number(raw);
      const whole = option.type === OptionType.Integer;
      if (raw.trim() === '' || !Number.isFinite(n) || (whole && !Number.isInteger(n))) {
        throw new ConsoleUsageError(`${option.name} must be ${whole ? 'a whole number' : 'a number'}`);
      }
      if (option.min_value !== undefined && n < option.min_value)
        throw new ConsoleUsageError(`${option.name} must be at least ${option.min_value}`);
      if (option.max_value !== undefined && n > option.max_value)
        throw new ConsoleUsageError(`${option.name} must be at most ${option.max_value}`);
      return n;
    }
    case OptionType.Boolean:
      if (/^(true|yes|1)$/i.test(raw)) return true;
      if (/^(false|no|0)$/i.test(raw)) return false;
      throw new ConsoleUsageError(`${option.name} must be true or false`);
    default:
      if (
        option.type === OptionType.String &&
        option.max_length !== undefined &&
        raw.length > option.max_length
      )
        throw new ConsoleUsageError(`${option.name} must be at most ${option.max_length} characters`);
      return raw;
  }
}

export class ConsoleUsageError extends Error {}

/** The subcommand and options a typed line stands for, checked as Discord would check them. */
export function parseCommandArgs(
  definition: Definition,
  args: string,
): Pick<CommandRequest, 'subcommand' | 'options'> {
  const tokens = tokenize(args);
  let options = definition.options ?? [];
  let path = definition.name;
  let subcommand: string | undefined;
  while (options.some(isGroup)) {
    const name = tokens.shift();
    const chosen = options.find((o) => o.name === name);
    if (!chosen || !isGroup(chosen)) throw new ConsoleUsageError(`Usage: ${usageOf(path, options)}`);
    subcommand = chosen.name;
    path = `${path} ${chosen.name}`;
    options = ('options' in chosen ? chosen.options : undefined) ?? [];
  }
  const help = `Usage: ${usageOf(path, options)}`;
  const valueOptions = options as ValueOption[];
  const values: Record<string, OptionValue | undefined> = {};
  const positional: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (!token.startsWith('--')) {
      positional.push(token);
      continue;
    }
    const [key = '', inline] = token.slice(2).split(/=(.*)/s);
    const option = valueOptions.find((o) => o.name === key);
    if (!option) throw new ConsoleUsageError(`Unknown option --${key}. ${help}`);
    const next = tokens[i + 1];
    const bareFlag =
      option.type === OptionType.Boolean && (next === undefined || !/^(true|false|yes|no)$/i.test(next));
    if (inline !== undefined) values[key] = coerce(option, inline);
    else if (bareFlag) values[key] = true;
    else if (next === undefined) throw new ConsoleUsageError(`--${key} needs a value`);
    else values[key] = coerce(option, tokens[++i] ?? '');
  }
  // Words without a name fill the remaining options in order; a text option takes all that are left.
  for (const option of valueOptions) {
    if (positional.length === 0) break;
    if (values[option.name] !== undefined) continue;
    const raw =
      option.type === OptionType.String ? positional.splice(0).join(' ') : (positional.shift() ?? '');
    values[option.name] = coerce(option, raw);
  }
  if (positional.length > 0) throw new ConsoleUsageError(`Too many words. ${help}`);
  const missing = valueOptions.find((o) => o.required && values[o.name] === undefined);
  if (missing) throw new ConsoleUsageError(`${missing.name} is required. ${help}`);
  return { ...(subcommand ? { subcommand } : {}), options: values };
}
