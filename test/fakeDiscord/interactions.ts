import {
  type APIApplicationCommand,
  type APIMessage,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
} from 'discord.js';
import { randomToken } from './ids.js';
import { buildBotMessage } from './messages.js';
import { buildMember } from './payloads.js';
import type { InteractionInput } from './types.js';
import { type InteractionState, toPermissionBits, type World } from './world.js';

const KIND_TO_TYPE = {
  command: InteractionType.ApplicationCommand,
  autocomplete: InteractionType.ApplicationCommandAutocomplete,
  component: InteractionType.MessageComponent,
} as const;

const SELECT_MENUS: readonly ComponentType[] = [
  ComponentType.StringSelect,
  ComponentType.UserSelect,
  ComponentType.RoleSelect,
  ComponentType.MentionableSelect,
  ComponentType.ChannelSelect,
];

function findCommand(world: World, name: string, guildId: string | null): APIApplicationCommand | undefined {
  const scopes = guildId ? [guildId, 'global'] : ['global'];
  for (const scope of scopes) {
    const command = world.commands.get(scope)?.find((candidate) => candidate.name === name);
    if (command) return command;
  }
  return undefined;
}

// Context-menu commands need `data: { target_id, resolved }`, which callers pass through `input.data`.
function buildData(world: World, input: InteractionInput, guildId: string | null) {
  if ((input.kind ?? 'command') === 'component') {
    const componentType = input.componentType ?? ComponentType.Button;
    return {
      custom_id: input.customId ?? 'button',
      component_type: componentType,
      ...(SELECT_MENUS.includes(componentType)
        ? { values: input.values ?? [], resolved: input.resolved }
        : {}),
      ...input.data,
    };
  }
  const name = input.name ?? 'ping';
  const command = findCommand(world, name, guildId);
  return {
    id: command?.id ?? world.nextId(),
    name,
    type: input.commandType ?? ApplicationCommandType.ChatInput,
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    ...(input.options ? { options: input.options } : {}),
    ...(input.resolved ? { resolved: input.resolved } : {}),
    ...input.data,
  };
}

/**
 * Builds a complete INTERACTION_CREATE payload (everything discord.js reads) plus the fake's bookkeeping
 * for it. Guild interactions carry `member` with computed permissions; DMs carry `user` instead.
 */
export function buildInteraction(world: World, input: InteractionInput) {
  const kind = input.kind ?? 'command';
  const user = input.user ?? world.tester.user;
  const channel = input.dm
    ? world.dmChannelFor(user)
    : world.channels.get(input.channelId ?? world.textChannelId);
  if (!channel) throw new Error(`fakeDiscord: unknown channel ${input.channelId}`);
  const guildId = input.dm ? null : world.guildIdOf(channel.id);

  const id = input.id ?? world.nextId();
  const token = input.token ?? randomToken('fake-interaction.');
  const botMember = world.members.get(world.botUser.id);
  const appPermissions = toPermissionBits(
    input.appPermissions,
    world.permissionsOf(world.botUser.id, botMember?.roles ?? []),
  );

  let who: Record<string, unknown>;
  if (guildId) {
    const known = world.members.get(user.id) ?? buildMember(user, [], new Date().toISOString());
    const roles = input.member?.roles ?? known.roles;
    const permissions = toPermissionBits(input.member?.permissions, world.permissionsOf(user.id, roles));
    who = {
      member: {
        ...known,
        roles,
        nick: input.member?.nick !== undefined ? input.member.nick : known.nick,
        joined_at: input.member?.joinedAt ?? known.joined_at,
        permissions: permissions.toString(),
        user,
      },
    };
  } else {
    who = { user };
  }

  // Components sit on a message the bot sent earlier; update() and deferUpdate() act on it.
  const componentMessage: APIMessage | null =
    kind === 'component'
      ? {
          ...buildBotMessage(world, { channelId: channel.id, body: { content: 'Pick one' }, files: [] }),
          ...input.message,
        }
      : null;
  if (componentMessage) world.messages.set(componentMessage.id, componentMessage);

  const payload = {
    id,
    application_id: world.applicationId,
    type: KIND_TO_TYPE[kind],
    token,
    version: 1,
    data: buildData(world, input, guildId),
    channel,
    channel_id: channel.id,
    ...(guildId
      ? {
          guild_id: guildId,
          guild: { id: guildId, locale: 'en-US', features: [] },
          guild_locale: input.guildLocale ?? 'en-US',
        }
      : {}),
    ...who,
    ...(componentMessage ? { message: componentMessage } : {}),
    app_permissions: appPermissions.toString(),
    locale: input.locale ?? 'en-US',
    entitlements: [],
    // Guild install; Discord sends "0" for the guild when a guild-installed app is used in its bot DM.
    authorizing_integration_owners: { '0': guildId ?? '0' },
    context: guildId ? InteractionContextType.Guild : InteractionContextType.BotDM,
    attachment_size_limit: 10 * 1024 * 1024,
  };

  const state: InteractionState = {
    id,
    token,
    type: payload.type,
    createdAt: Date.now(),
    commandName: kind === 'component' ? null : (input.name ?? 'ping'),
    channelId: channel.id,
    guildId,
    componentMessage,
    responded: false,
    original: null,
    followups: new Map(),
  };
  return { payload, state };
}
