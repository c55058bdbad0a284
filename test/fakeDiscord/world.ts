import {
  type APIApplicationCommand,
  type APIChannel,
  type APIMessage,
  type APIRole,
  type APIUser,
  PermissionFlagsBits,
} from 'discord.js';
import { botToken, createSnowflakes } from './ids.js';
import {
  ALL_PERMISSIONS,
  buildDmChannel,
  buildMember,
  buildRole,
  buildTextChannel,
  buildUser,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
} from './payloads.js';
import type { FakeMember, MemberInput, RoleInput } from './types.js';

export interface WorldOptions {
  token?: string;
  guildName?: string;
  everyonePermissions?: bigint;
  botPermissions?: bigint;
  roles?: RoleInput[];
  members?: MemberInput[];
  /** How long the bot has for its first interaction response; later callbacks get 10062 like on Discord. */
  interactionDeadlineMs?: number;
}

/** What the fake knows about one interaction it dispatched, to validate callbacks and webhooks. */
export interface InteractionState {
  id: string;
  token: string;
  type: number;
  createdAt: number;
  commandName: string | null;
  channelId: string;
  guildId: string | null;
  /** The message a component interaction sits on; the target of UPDATE_MESSAGE callbacks. */
  componentMessage: APIMessage | null;
  responded: boolean;
  original: APIMessage | null;
  followups: Map<string, APIMessage>;
}

export function toPermissionBits(value: bigint | string | undefined, fallback: bigint): bigint {
  return value === undefined ? fallback : BigInt(value);
}

/**
 * The fake's server state: one guild with a text channel, the bot, an owner and a `tester` member, plus
 * everything the bot registered or posted. Pure data; the REST and gateway modules do the I/O.
 */
export class World {
  readonly nextId = createSnowflakes();
  readonly applicationId = this.nextId();
  readonly token: string;
  readonly interactionDeadlineMs: number;
  readonly botUser: APIUser;
  readonly ownerUser: APIUser;
  readonly tester: FakeMember;
  readonly guild: { id: string; name: string; ownerId: string; createdAt: string };
  readonly textChannelId: string;
  readonly users = new Map<string, APIUser>();
  readonly roles: APIRole[] = [];
  readonly members = new Map<string, FakeMember>();
  readonly channels = new Map<string, APIChannel>();
  /** Registered commands by scope: 'global' or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly messages = new Map<string, APIMessage>();
  readonly interactions = new Map<string, InteractionState>();

  constructor(options: WorldOptions = {}) {
    this.token = options.token ?? botToken(this.applicationId);
    this.interactionDeadlineMs = options.interactionDeadlineMs ?? 3000;
    // The bot user shares the application's id, as on Discord.
    this.botUser = this.addUser(buildUser(this.applicationId, 'FakeBot', true));
    this.ownerUser = this.addUser(buildUser(this.nextId(), 'owner', false, 'Server Owner'));
    const guildId = this.nextId();
    this.guild = {
      id: guildId,
      name: options.guildName ?? 'Fake Guild',
      ownerId: this.ownerUser.id,
      createdAt: new Date().toISOString(),
    };
    // @everyone's id is the guild id; discord.js relies on that for permission maths.
    this.roles.push(
      buildRole(guildId, '@everyone', options.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS, 0),
    );
    const botRole = buildRole(
      this.nextId(),
      'FakeBot',
      options.botPermissions ?? DEFAULT_BOT_PERMISSIONS,
      1,
      {
        managed: true,
        tags: { bot_id: this.botUser.id },
      },
    );
    this.roles.push(botRole);
    for (const role of options.roles ?? []) this.addRole(role);

    this.textChannelId = this.nextId();
    this.channels.set(this.textChannelId, buildTextChannel(this.textChannelId, guildId, 'general', 0));

    this.members.set(this.botUser.id, buildMember(this.botUser, [botRole.id], this.guild.createdAt));
    this.members.set(this.ownerUser.id, buildMember(this.ownerUser, [], this.guild.createdAt));
    this.tester = this.addMember({ username: 'tester', globalName: 'Test User' });
    for (const member of options.members ?? []) this.addMember(member);
  }

  addUser(user: APIUser): APIUser {
    this.users.set(user.id, user);
    return user;
  }

  addRole(input: RoleInput): APIRole {
    const permissions = toPermissionBits(input.permissions, 0n);
    const role = buildRole(this.nextId(), input.name, permissions, this.roles.length, {
      color: input.color ?? 0,
    });
    this.roles.push(role);
    return role;
  }

  addMember(input: MemberInput = {}): FakeMember {
    const id = input.id ?? this.nextId();
    const user = this.addUser(
      buildUser(
        id,
        input.username ?? `user${this.members.size}`,
        input.bot ?? false,
        input.globalName ?? null,
      ),
    );
    const member = buildMember(user, input.roles ?? [], new Date().toISOString(), input.nick ?? null);
    this.members.set(id, member);
    return member;
  }

  /** Guild-wide permissions from @everyone plus the given roles, as Discord computes them (no overwrites). */
  permissionsOf(userId: string, roleIds: readonly string[]): bigint {
    if (userId === this.guild.ownerId) return ALL_PERMISSIONS;
    let bits = 0n;
    for (const role of this.roles) {
      if (role.id === this.guild.id || roleIds.includes(role.id)) bits |= BigInt(role.permissions);
    }
    return bits & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : bits;
  }

  /** The DM channel between the bot and `user`, created on first use like `POST /users/@me/channels`. */
  dmChannelFor(user: APIUser): APIChannel {
    for (const channel of this.channels.values()) {
      if ('recipients' in channel && channel.recipients?.some((recipient) => recipient.id === user.id)) {
        return channel;
      }
    }
    const channel = buildDmChannel(this.nextId(), user);
    this.channels.set(channel.id, channel);
    return channel;
  }

  guildIdOf(channelId: string): string | null {
    const channel = this.channels.get(channelId);
    return channel && 'guild_id' in channel ? (channel.guild_id ?? null) : null;
  }

  interactionByToken(token: string): InteractionState | undefined {
    for (const interaction of this.interactions.values()) {
      if (interaction.token === token) return interaction;
    }
    return undefined;
  }
}
