import type { APIApplicationCommand } from 'discord.js';
import { DiscordHttpError, invalidFormBody, unknown } from './errors.js';
import type { RouteContext, RouteResult } from './router.js';
import type { World } from './world.js';

const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function toCommand(
  world: World,
  input: Record<string, unknown>,
  index: number,
  scope: string,
  previous: APIApplicationCommand[],
) {
  const type = Number(input.type ?? 1);
  const name = String(input.name ?? '');
  const description = String(input.description ?? '');
  // Slash commands must be lowercase with a 1-100 character description; bad definitions fail the whole PUT.
  if (!COMMAND_NAME.test(name) || (type === 1 && name !== name.toLowerCase())) {
    throw invalidFormBody([index, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid`);
  }
  if (type === 1 && (description.length < 1 || description.length > 100)) {
    throw invalidFormBody(
      [index, 'description'],
      'BASE_TYPE_BAD_LENGTH',
      'Must be between 1 and 100 in length.',
    );
  }
  const existing = previous.find((command) => command.name === name && command.type === type);
  return {
    name_localizations: null,
    description_localizations: null,
    default_member_permissions: null,
    contexts: null,
    integration_types: [0],
    nsfw: false,
    ...input,
    // Discord keeps a command's id across overwrites when name and type stay the same.
    id: existing?.id ?? world.nextId(),
    application_id: world.applicationId,
    ...(scope === 'global' ? {} : { guild_id: scope }),
    name,
    description,
    type,
    version: world.nextId(),
  } as APIApplicationCommand;
}

export function commandScope(ctx: RouteContext): string {
  if (ctx.params.app !== ctx.world.applicationId) throw unknown('Application');
  const guild = ctx.params.guild;
  if (guild === undefined) return 'global';
  if (guild !== ctx.world.guild.id) throw new DiscordHttpError(403, 50001, 'Missing Access');
  return guild;
}

export function overwriteCommands(ctx: RouteContext): RouteResult {
  const scope = commandScope(ctx);
  if (!Array.isArray(ctx.request.body)) throw invalidFormBody([], 'LIST_TYPE_CONVERT', 'Must be an array.');
  const previous = ctx.world.commands.get(scope) ?? [];
  const stored = ctx.request.body.map((input, index) => toCommand(ctx.world, input, index, scope, previous));
  ctx.world.commands.set(scope, stored);
  return { body: stored };
}

export function createCommand(ctx: RouteContext): RouteResult {
  const scope = commandScope(ctx);
  const previous = ctx.world.commands.get(scope) ?? [];
  const command = toCommand(
    ctx.world,
    (ctx.request.body ?? {}) as Record<string, unknown>,
    0,
    scope,
    previous,
  );
  ctx.world.commands.set(scope, [...previous.filter((existing) => existing.id !== command.id), command]);
  return { status: previous.some((existing) => existing.id === command.id) ? 200 : 201, body: command };
}
