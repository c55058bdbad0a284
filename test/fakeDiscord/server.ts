import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIApplicationCommand,
  type APIMessage,
  type APIRole,
  type APIUser,
  GatewayIntentBits,
} from 'discord.js';
import { FakeGateway, type GatewaySession, type IdentifyRecord } from './gateway.js';
import { buildInteraction } from './interactions.js';
import { Journal } from './journal.js';
import { buildUserMessage } from './messages.js';
import { memberWithoutUser } from './payloads.js';
import { createRestListener } from './rest.js';
import type {
  ChannelMessageRecord,
  DropOptions,
  FakeMember,
  InteractionCallbackBody,
  InteractionCallbackRecord,
  InteractionInput,
  MemberInput,
  MessageInput,
  RecordedRequest,
  RoleInput,
  WebhookRecord,
} from './types.js';
import { World, type WorldOptions } from './world.js';

export interface FakeDiscordOptions extends WorldOptions {
  /** Sent in HELLO; short so heartbeats (and zombie detection) happen within a test. */
  heartbeatIntervalMs?: number;
  /** Default timeout of every `waitFor*` and `sendInteraction`. */
  timeoutMs?: number;
}

/** The callback body the bot will POST, plus the interaction's id, token and full payload. */
export type PendingInteraction = Promise<InteractionCallbackBody> & {
  readonly id: string;
  readonly token: string;
  readonly payload: Record<string, unknown>;
};

type Predicate<T> = (item: T) => boolean;
const any = () => true;

/**
 * Delivers MESSAGE_CREATE only with the intents Discord requires, and blanks content without the
 * privileged MessageContent intent (except DMs, mentions of the bot and its own messages), so a bot
 * that forgot an intent fails here the way it would in production.
 */
function messageForSession(world: World, message: APIMessage & { guild_id?: string }) {
  return (session: GatewaySession) => {
    const needed = message.guild_id ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    if ((session.intents & needed) === 0) return null;
    const visible =
      !message.guild_id ||
      message.author.id === world.botUser.id ||
      message.mentions.some((user) => user.id === world.botUser.id) ||
      (session.intents & GatewayIntentBits.MessageContent) !== 0;
    return visible ? message : { ...message, content: '', embeds: [], attachments: [], components: [] };
  };
}

export class FakeDiscord {
  readonly world: World;
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** The guild; its id is also the @everyone role id. */
  readonly guild: { id: string; name: string; ownerId: string };
  /** The guild's text channel (#general). */
  readonly channelId: string;
  /** The default human who sends interactions and messages. */
  readonly tester: FakeMember;
  private readonly journal: Journal;
  private readonly gateway: FakeGateway;
  private readonly server: ReturnType<typeof createServer>;
  private readonly timeoutMs: number;

  constructor(parts: {
    world: World;
    journal: Journal;
    gateway: FakeGateway;
    server: ReturnType<typeof createServer>;
    port: number;
    timeoutMs: number;
  }) {
    this.world = parts.world;
    this.journal = parts.journal;
    this.gateway = parts.gateway;
    this.server = parts.server;
    this.timeoutMs = parts.timeoutMs;
    this.apiUrl = `http://127.0.0.1:${parts.port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${parts.port}/gateway`;
    this.token = this.world.token;
    this.applicationId = this.world.applicationId;
    this.botUser = this.world.botUser;
    this.guild = { id: this.world.guild.id, name: this.world.guild.name, ownerId: this.world.guild.ownerId };
    this.channelId = this.world.textChannelId;
    this.tester = this.world.tester;
  }

  get requests(): readonly RecordedRequest[] {
    return this.journal.requests.items;
  }

  get unknownRoutes(): readonly RecordedRequest[] {
    return this.journal.unknownRoutes.items;
  }

  get callbacks(): readonly InteractionCallbackRecord[] {
    return this.journal.callbacks.items;
  }

  get webhooks(): readonly WebhookRecord[] {
    return this.journal.webhooks.items;
  }

  get channelMessages(): readonly ChannelMessageRecord[] {
    return this.journal.channelMessages.items;
  }

  /** Query parameters of every gateway connection (v, encoding, compress). */
  get gatewayConnections(): readonly Record<string, string>[] {
    return this.gateway.connections.items;
  }

  /** The DM channel between the bot and `user` (default: the tester). */
  dmChannelId(user: APIUser = this.tester.user): string {
    return this.world.dmChannelFor(user).id;
  }

  waitForIdentify(timeoutMs = this.timeoutMs): Promise<IdentifyRecord> {
    return this.gateway.identifies.waitFor(
      any,
      timeoutMs,
      () => `fakeDiscord: no IDENTIFY within ${timeoutMs} ms${this.journal.trail()}`,
    );
  }

  /** Resolves once READY and GUILD_CREATE went out; await the client's own `clientReady` to know it processed them. */
  async waitForReady(timeoutMs = this.timeoutMs): Promise<void> {
    await this.gateway.readies.waitFor(
      any,
      timeoutMs,
      () => `fakeDiscord: the bot did not get ready within ${timeoutMs} ms${this.journal.trail()}`,
    );
  }

  /** Resolves when the bot has resumed after the latest `dropConnection()`, with the number of replayed events. */
  async waitForResume(timeoutMs = this.timeoutMs): Promise<{ replayed: number }> {
    const drop = this.gateway.drops;
    const resume = await this.gateway.resumes.waitFor(
      (candidate) => candidate.afterDrop >= drop,
      timeoutMs,
      () => `fakeDiscord: the bot did not RESUME within ${timeoutMs} ms`,
    );
    return { replayed: resume.replayed };
  }

  /**
   * Dispatches INTERACTION_CREATE and resolves with the bot's callback body (`{ type, data }`), or rejects
   * after `timeoutMs`. The returned promise also carries `id` and `token` for `waitForWebhook`.
   */
  sendInteraction(input: InteractionInput = {}, options: { timeoutMs?: number } = {}): PendingInteraction {
    const { payload, state } = buildInteraction(this.world, input);
    this.world.interactions.set(state.id, state);
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const label = state.commandName ? `/${state.commandName}` : `component "${input.customId ?? 'button'}"`;
    const callback = this.journal.callbacks
      .waitFor(
        (record) => record.interactionId === state.id,
        timeoutMs,
        () =>
          `fakeDiscord: the bot did not answer interaction ${label} (id ${state.id}) within ${timeoutMs} ms` +
          `${this.rejectedCallbackHint(state.id)}${this.journal.trail()}`,
      )
      .then((record) => record.body);
    return Object.assign(callback, { id: state.id, token: state.token, payload });
  }

  /** Explains a callback the fake refused (too late, too long...), since the bot may have swallowed the error. */
  private rejectedCallbackHint(interactionId: string): string {
    const rejected = this.journal.requests.items.find(
      (request) => request.path.startsWith(`/interactions/${interactionId}/`) && request.status >= 400,
    );
    if (!rejected) return '';
    const late =
      rejected.status === 404 ? ` (later than the ${this.world.interactionDeadlineMs} ms deadline?)` : '';
    return `; its callback was refused with ${rejected.status} ${JSON.stringify(rejected.response)}${late}`;
  }

  /** The first follow-up/edit/delete through an interaction's webhook that matches `predicate` (past or future). */
  waitForWebhook(
    interaction: string | { token: string },
    predicate: Predicate<WebhookRecord> = any,
    timeoutMs = this.timeoutMs,
  ): Promise<WebhookRecord> {
    const token = typeof interaction === 'string' ? interaction : interaction.token;
    return this.journal.webhooks.waitFor(
      (record) => record.token === token && predicate(record),
      timeoutMs,
      () =>
        `fakeDiscord: no matching webhook call for that interaction within ${timeoutMs} ms${this.journal.trail()}`,
    );
  }

  /** Dispatches MESSAGE_CREATE from a human (default: the tester in #general) and returns the payload. */
  sendMessage(input: MessageInput | string): APIMessage & { guild_id?: string } {
    const message = buildUserMessage(this.world, typeof input === 'string' ? { content: input } : input);
    const typed = message as unknown as APIMessage & { guild_id?: string };
    this.gateway.dispatch('MESSAGE_CREATE', messageForSession(this.world, typed));
    return typed;
  }

  /** The first message the bot POSTed to a channel that matches `predicate` (past or future). */
  waitForChannelMessage(
    predicate: Predicate<ChannelMessageRecord> = any,
    timeoutMs = this.timeoutMs,
  ): Promise<ChannelMessageRecord> {
    return this.journal.channelMessages.waitFor(
      predicate,
      timeoutMs,
      () =>
        `fakeDiscord: the bot posted no matching channel message within ${timeoutMs} ms${this.journal.trail()}`,
    );
  }

  /** The first REST request matching `predicate` (past or future). */
  waitForRequest(
    predicate: Predicate<RecordedRequest>,
    timeoutMs = this.timeoutMs,
  ): Promise<RecordedRequest> {
    return this.journal.requests.waitFor(
      predicate,
      timeoutMs,
      () => `fakeDiscord: no matching REST request within ${timeoutMs} ms${this.journal.trail()}`,
    );
  }

  /** Sends any gateway event to the bot; returns its sequence number. */
  dispatch(event: string, data: unknown): number | null {
    return this.gateway.dispatch(event, data);
  }

  /** Closes the bot's gateway socket (4000 by default) so it resumes; events meanwhile are replayed. */
  dropConnection(options: DropOptions = {}): Promise<void> {
    return this.gateway.drop(options);
  }

  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.world.commands.get(guildId ?? 'global') ?? [];
  }

  /** Adds a guild member (e.g. with a moderator role) to use as `user` in interactions and messages. */
  addMember(input: MemberInput = {}): FakeMember {
    const member = this.world.addMember(input);
    const session = this.gateway.session;
    if (session && session.intents & GatewayIntentBits.GuildMembers) {
      this.gateway.dispatch('GUILD_MEMBER_ADD', { ...member, guild_id: this.guild.id });
    }
    return member;
  }

  /** Adds a role; pass `permissions` to test permission checks. Sent as GUILD_ROLE_CREATE when connected. */
  addRole(input: RoleInput): APIRole {
    const role = this.world.addRole(input);
    if (this.gateway.session) this.gateway.dispatch('GUILD_ROLE_CREATE', { guild_id: this.guild.id, role });
    return role;
  }

  /** Echo of the bot's own messages, as Discord sends them (bots should ignore their own messages). */
  publish(message: APIMessage): void {
    if (!this.gateway.session) return;
    const guildId = this.world.guildIdOf(message.channel_id);
    const botMember = this.world.members.get(this.botUser.id);
    const withGuild =
      guildId && botMember
        ? { ...message, guild_id: guildId, member: memberWithoutUser(botMember) }
        : message;
    this.gateway.dispatch('MESSAGE_CREATE', messageForSession(this.world, withGuild));
  }

  async close(): Promise<void> {
    this.journal.close('fakeDiscord was closed');
    await this.gateway.close('fakeDiscord was closed');
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Starts the fake on 127.0.0.1 (random port): REST under `apiUrl`, gateway at `gatewayUrl`. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = new World(options);
  const journal = new Journal();
  let fake: FakeDiscord | null = null;
  let gatewayUrl = '';
  const listener = createRestListener({
    world,
    journal,
    gatewayUrl: () => gatewayUrl,
    publish: (message) => fake?.publish(message),
  });
  const server = createServer((req, res) => {
    listener(req, res).catch(() => res.destroy());
  });
  const gateway = new FakeGateway(server, world, options.heartbeatIntervalMs ?? 1000);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake = new FakeDiscord({ world, journal, gateway, server, port, timeoutMs: options.timeoutMs ?? 5000 });
  gatewayUrl = fake.gatewayUrl;
  gateway.url = gatewayUrl;
  return fake;
}
