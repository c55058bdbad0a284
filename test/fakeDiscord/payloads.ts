import {
  type APIChannel,
  type APIRole,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  type GuildMemberFlags,
  PermissionFlagsBits,
  type RoleFlags,
  type UserFlags,
} from 'discord.js';

// Typed "no flags" values: discord-api-types declares flags as enums, which a bare 0 doesn't satisfy.
const NO_USER_FLAGS = 0 as UserFlags;
const NO_CHANNEL_FLAGS = 0 as ChannelFlags;

import type { FakeMember } from './types.js';

/** Every permission bit; owners and administrators get these. */
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

// What a fresh server grants @everyone, trimmed to what a Q&A bot and its users touch.
export const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.ChangeNickname;

export const DEFAULT_BOT_PERMISSIONS = DEFAULT_EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageMessages;

export function buildUser(
  id: string,
  username: string,
  bot = false,
  globalName: string | null = null,
): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: globalName,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    flags: NO_USER_FLAGS,
    public_flags: NO_USER_FLAGS,
  };
}

export function buildRole(
  id: string,
  name: string,
  permissions: bigint,
  position: number,
  extra: Partial<APIRole> = {},
): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...extra,
  };
}

export function buildTextChannel(id: string, guildId: string, name: string, position: number): APIChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: NO_CHANNEL_FLAGS,
  };
}

export function buildDmChannel(id: string, recipient: APIUser): APIChannel {
  return {
    id,
    type: ChannelType.DM,
    name: null,
    last_message_id: null,
    flags: NO_CHANNEL_FLAGS,
    recipients: [recipient],
  };
}

export function buildMember(
  user: APIUser,
  roles: string[],
  joinedAt: string,
  nick: string | null = null,
): FakeMember {
  return {
    user,
    nick,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A member as it appears inside MESSAGE_CREATE: without `user` (a `user: null` there crashes discord.js). */
export function memberWithoutUser(member: FakeMember): Omit<FakeMember, 'user'> {
  const { user: _user, ...rest } = member;
  return rest;
}
