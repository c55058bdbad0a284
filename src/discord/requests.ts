import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  GuildMember,
  type Message,
  type MessageComponentInteraction,
  PermissionFlagsBits,
} from 'discord.js';
import type {
  AutocompleteRequest,
  CommandRequest,
  ComponentRequest,
  MemberRights,
  OptionValue,
  Requester,
} from '../bot/types.js';

/** Who is asking, where, and with which rights: the part every request shares. */
type RequestBase = Pick<CommandRequest, 'user' | 'guildId' | 'channelId' | 'member'>;

function requester(user: { id: string; displayName: string }): Requester {
  return { id: user.id, name: user.displayName };
}

/** Role ids without @everyone (whose id is the guild's), from a cached member or a raw API member. */
function roleIdsOf(member: GuildMember | { roles: string[] }, guildId: string): string[] {
  const ids = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return ids.filter((id) => id !== guildId);
}

/**
 * Manage Messages across the server, not just in this channel: a channel-level grant must not let
 * someone change the facts every channel sees. Computed from the member's roles when the guild is
 * cached; Discord's per-channel figure is the fallback.
 */
function serverWideManageMessages(interaction: BaseInteraction): boolean {
  const { member, guild } = interaction;
  if (member instanceof GuildMember) return member.permissions.has(PermissionFlagsBits.ManageMessages);
  if (member && guild && Array.isArray(member.roles)) {
    if (guild.ownerId === interaction.user.id) return true;
    const roles = [guild.id, ...member.roles].flatMap((id) => guild.roles.cache.get(id) ?? []);
    if (roles.length > 0) {
      return roles.some(
        (r) =>
          r.permissions.has(PermissionFlagsBits.Administrator) ||
          r.permissions.has(PermissionFlagsBits.ManageMessages),
      );
    }
  }
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) ?? false;
}

function interactionBase(interaction: BaseInteraction): RequestBase {
  const { guildId, member } = interaction;
  return {
    user: requester(interaction.user),
    guildId: guildId ?? null,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    member:
      guildId && member
        ? {
            manageMessages: serverWideManageMessages(interaction),
            roleIds: roleIdsOf(member, guildId),
          }
        : null,
  };
}

/** Options of the invoked (sub)command; groups are walked through to their subcommand. */
function flattenOptions(
  data: readonly CommandInteractionOption[],
): Pick<CommandRequest, 'subcommand' | 'options'> {
  const [first] = data;
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup)
    return flattenOptions(first.options ?? []);
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    return { subcommand: first.name, options: flattenOptions(first.options ?? []).options };
  }
  const options: Record<string, OptionValue | undefined> = {};
  for (const option of data) options[option.name] = option.value;
  return { options };
}

export function commandRequest(interaction: ChatInputCommandInteraction): CommandRequest {
  return { ...interactionBase(interaction), ...flattenOptions(interaction.options.data) };
}

export function autocompleteRequest(interaction: AutocompleteInteraction): AutocompleteRequest {
  const focused = interaction.options.getFocused(true);
  return {
    ...interactionBase(interaction),
    ...flattenOptions(interaction.options.data),
    focused: { name: focused.name, value: String(focused.value) },
  };
}

export function componentRequest(interaction: MessageComponentInteraction, args: string[]): ComponentRequest {
  return { ...interactionBase(interaction), options: {}, args };
}

/** A question asked by mentioning the bot (or in a DM), as the /ask command would receive it. */
export function messageRequest(message: Message, question: string): CommandRequest {
  const { member, guildId } = message;
  const rights: MemberRights | null =
    guildId && member
      ? {
          // Server-wide rights: the channel may be a thread the cache has not seen.
          manageMessages: member.permissions.has(PermissionFlagsBits.ManageMessages),
          roleIds: roleIdsOf(member, guildId),
        }
      : null;
  return {
    options: { question },
    user: requester(member ?? message.author),
    guildId,
    channelId: message.channelId,
    member: rights,
  };
}
