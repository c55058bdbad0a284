import type { APIGuildMember, APIMessage, APIUser, ApplicationCommandType, ComponentType } from 'discord.js';

/** A guild member as the fake stores it: always with its user, unlike some gateway payloads. */
export type FakeMember = APIGuildMember & { user: APIUser };

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** One REST call the bot made. `path` is decoded and relative to `/api/v10`, e.g. `/webhooks/1/t/messages/@original`. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  /** The JSON body, or `payload_json` of a multipart body; `null` when there was none. */
  body: unknown;
  files: RecordedFile[];
  status: number;
  /** The JSON the fake answered with (undefined for 204). */
  response: unknown;
}

/** What bots send as message content (interaction data, webhook and channel message bodies). */
export interface MessageBody {
  content?: string;
  embeds?: Array<Record<string, unknown>>;
  components?: unknown[];
  flags?: number;
  attachments?: Array<Record<string, unknown>>;
  message_reference?: { message_id?: string; channel_id?: string; fail_if_not_exists?: boolean };
  allowed_mentions?: unknown;
  [key: string]: unknown;
}

/** The body of `POST /interactions/:id/:token/callback`, e.g. `{ type: 4, data: { content } }`. */
export interface InteractionCallbackBody {
  type: number;
  data?: MessageBody & { choices?: Array<{ name: string; value: string | number }>; custom_id?: string };
}

export interface InteractionCallbackRecord {
  interactionId: string;
  token: string;
  body: InteractionCallbackBody;
  files: RecordedFile[];
}

/** A follow-up (POST), edit (PATCH) or deletion (DELETE) through an interaction webhook. */
export interface WebhookRecord {
  token: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  /** `@original` for the interaction's first response, otherwise the follow-up message id. */
  messageId: string;
  body: MessageBody;
  files: RecordedFile[];
  /** The message as it stands after the call; null after DELETE. */
  message: APIMessage | null;
}

/** A message the bot created with `POST /channels/:id/messages` (channel.send, message.reply). */
export interface ChannelMessageRecord {
  channelId: string;
  body: MessageBody;
  files: RecordedFile[];
  message: APIMessage;
}

export interface MemberInput {
  id?: string;
  username?: string;
  globalName?: string;
  bot?: boolean;
  /** Role ids besides @everyone. */
  roles?: string[];
  nick?: string;
}

export interface RoleInput {
  name: string;
  /** Permission bits, e.g. `PermissionFlagsBits.ManageGuild` or `'8'`. */
  permissions?: bigint | string;
  color?: number;
}

/** Overrides for the member who triggers an interaction or message. */
export interface MemberOverrides {
  roles?: string[];
  /** Effective channel permissions sent in the interaction; computed from roles when omitted. */
  permissions?: bigint | string;
  nick?: string | null;
  joinedAt?: string;
}

export interface InteractionInput {
  /** `command` (type 2, default), `autocomplete` (type 4) or `component` (type 3). */
  kind?: 'command' | 'autocomplete' | 'component';
  /** Command name for commands and autocomplete; the registered command's id is used when it exists. */
  name?: string;
  commandType?: ApplicationCommandType;
  /** Raw option objects, e.g. `[{ name: 'question', type: 3, value: 'Who?' }]` (add `focused: true` for autocomplete). */
  options?: unknown[];
  resolved?: Record<string, unknown>;
  customId?: string;
  componentType?: ComponentType;
  values?: string[];
  /** The message a component sits on; a plain bot message is made up when omitted. */
  message?: Partial<APIMessage>;
  /** Merged last into `data`, for anything the fields above don't cover. */
  data?: Record<string, unknown>;
  /** Who invokes it; defaults to the fake's `tester`. */
  user?: APIUser;
  member?: MemberOverrides;
  /** A DM with the bot: no guild, `user` instead of `member`. */
  dm?: boolean;
  channelId?: string;
  locale?: string;
  guildLocale?: string;
  appPermissions?: bigint | string;
  id?: string;
  token?: string;
}

export interface MessageInput {
  content: string;
  /** Defaults to the fake's `tester`. */
  author?: APIUser;
  /** Prefix the content with a mention of the bot (`<@botId> `). */
  mentionBot?: boolean;
  /** Extra mentioned users; `<@id>` mentions of known users in the content are found automatically. */
  mentions?: APIUser[];
  channelId?: string;
  dm?: boolean;
  /** Makes it a reply (type 19) to this message id. */
  replyTo?: string;
  member?: MemberOverrides;
  id?: string;
}

export interface DropOptions {
  /** Close code sent to the bot; 4000 (unknown error) makes discord.js resume. */
  code?: number;
  /** Kill the TCP connection without a close frame instead (the bot sees 1006 and resumes). */
  terminate?: boolean;
}
