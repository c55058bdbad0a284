import { type APIAttachment, type APIMessage, type APIUser, ChannelType, MessageType } from 'discord.js';
import { DiscordHttpError, invalidFormBody } from './errors.js';
import { buildMember, memberWithoutUser } from './payloads.js';
import type { MessageBody, MessageInput, RecordedFile } from './types.js';
import type { World } from './world.js';

// Discord's limits; a bot that streams long answers hits them in production, so the fake enforces them too.
const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldValue: 1024,
  total: 6000,
};

function maxLength(path: Array<string | number>, max: number): DiscordHttpError {
  return invalidFormBody(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
}

/**
 * Rejects bodies Discord would reject. `prefix` is where the message sits in the request (`data` for
 * interaction callbacks); `requireContent` is for creating messages, where an empty one is an error.
 */
export function validateMessageBody(
  body: MessageBody,
  files: RecordedFile[],
  { prefix = [], requireContent = false }: { prefix?: string[]; requireContent?: boolean } = {},
): void {
  if (typeof body.content === 'string' && body.content.length > LIMITS.content) {
    throw maxLength([...prefix, 'content'], LIMITS.content);
  }
  const embeds = body.embeds ?? [];
  if (embeds.length > LIMITS.embeds) throw maxLength([...prefix, 'embeds'], LIMITS.embeds);
  let total = 0;
  embeds.forEach((embed, index) => {
    const at = [...prefix, 'embeds', index];
    const title = String(embed.title ?? '');
    const description = String(embed.description ?? '');
    const fields = (embed.fields ?? []) as Array<{ name?: string; value?: string }>;
    if (title.length > LIMITS.title) throw maxLength([...at, 'title'], LIMITS.title);
    if (description.length > LIMITS.description) throw maxLength([...at, 'description'], LIMITS.description);
    if (fields.length > LIMITS.fields) throw maxLength([...at, 'fields'], LIMITS.fields);
    fields.forEach((field, fieldIndex) => {
      if (String(field.value ?? '').length > LIMITS.fieldValue) {
        throw maxLength([...at, 'fields', fieldIndex, 'value'], LIMITS.fieldValue);
      }
      total += String(field.name ?? '').length + String(field.value ?? '').length;
    });
    total += title.length + description.length;
  });
  if (total > LIMITS.total)
    throw invalidFormBody(
      [...prefix, 'embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      'Embed size exceeds maximum size of 6000',
    );
  const empty =
    !body.content &&
    embeds.length === 0 &&
    files.length === 0 &&
    !(body.components ?? []).length &&
    !body.poll;
  if (requireContent && empty) throw new DiscordHttpError(400, 50006, 'Cannot send an empty message');
}

function attachmentsFor(files: RecordedFile[], world: World, channelId: string): APIAttachment[] {
  return files.map((file) => {
    const id = world.nextId();
    const url = `https://cdn.fake-discord.invalid/attachments/${channelId}/${id}/${file.filename}`;
    return {
      id,
      filename: file.filename,
      size: file.data.length,
      url,
      proxy_url: url,
      content_type: file.contentType,
    };
  });
}

export interface BotMessageOptions {
  channelId: string;
  body: MessageBody;
  files: RecordedFile[];
  type?: MessageType;
  /** Interaction responses come from the application's webhook. */
  viaWebhook?: boolean;
}

/** A message authored by the bot, as REST returns it after a send. */
export function buildBotMessage(world: World, options: BotMessageOptions): APIMessage {
  const { body } = options;
  const reference = body.message_reference?.message_id;
  const referenced = reference ? world.messages.get(reference) : undefined;
  const message: APIMessage = {
    id: world.nextId(),
    channel_id: options.channelId,
    author: world.botUser,
    content: body.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachmentsFor(options.files, world, options.channelId),
    embeds: (body.embeds ?? []) as APIMessage['embeds'],
    components: (body.components ?? []) as APIMessage['components'],
    pinned: false,
    type: options.type ?? (reference ? MessageType.Reply : MessageType.Default),
    flags: body.flags ?? 0,
    ...(reference
      ? {
          message_reference: { type: 0, message_id: reference, channel_id: options.channelId },
          referenced_message: referenced ?? null,
        }
      : {}),
    ...(options.viaWebhook ? { webhook_id: world.applicationId, application_id: world.applicationId } : {}),
  };
  world.messages.set(message.id, message);
  return message;
}

/** Applies an edit (PATCH body) to a stored message; omitted fields stay as they were. */
export function editMessage(
  world: World,
  message: APIMessage,
  body: MessageBody,
  files: RecordedFile[],
): APIMessage {
  const keptAttachments = Array.isArray(body.attachments)
    ? message.attachments.filter((attachment) => body.attachments?.some((kept) => kept.id === attachment.id))
    : message.attachments;
  const edited: APIMessage = {
    ...message,
    ...(body.content !== undefined ? { content: body.content ?? '' } : {}),
    ...(body.embeds !== undefined ? { embeds: (body.embeds ?? []) as APIMessage['embeds'] } : {}),
    ...(body.components !== undefined
      ? { components: (body.components ?? []) as APIMessage['components'] }
      : {}),
    // An edit ends the "Bot is thinking..." state of a deferred reply (flag 128, LOADING).
    flags: ((body.flags ?? message.flags ?? 0) & ~128) | ((message.flags ?? 0) & 64),
    attachments: [...keptAttachments, ...attachmentsFor(files, world, message.channel_id)],
    edited_timestamp: new Date().toISOString(),
  };
  world.messages.set(edited.id, edited);
  return edited;
}

function mentionedUsers(world: World, content: string, extra: APIUser[]): APIUser[] {
  const found = new Map<string, APIUser>();
  for (const match of content.matchAll(/<@!?(\d+)>/g)) {
    const user = match[1] ? world.users.get(match[1]) : undefined;
    if (user) found.set(user.id, user);
  }
  for (const user of extra) found.set(user.id, user);
  return [...found.values()];
}

/** A MESSAGE_CREATE payload for a message a human writes, stored so replies can reference it. */
export function buildUserMessage(world: World, input: MessageInput) {
  const author = input.author ?? world.tester.user;
  const channelId = input.dm ? world.dmChannelFor(author).id : (input.channelId ?? world.textChannelId);
  const guildId = input.dm ? null : world.guildIdOf(channelId);
  const content = input.mentionBot ? `<@${world.botUser.id}> ${input.content}` : input.content;
  const knownMember = world.members.get(author.id) ?? buildMember(author, [], new Date().toISOString());
  const member = {
    ...knownMember,
    roles: input.member?.roles ?? knownMember.roles,
    nick: input.member?.nick !== undefined ? input.member.nick : knownMember.nick,
  };
  const mentions = mentionedUsers(world, content, input.mentions ?? []).map((user) => {
    const mentioned = world.members.get(user.id);
    return guildId && mentioned ? { ...user, member: memberWithoutUser(mentioned) } : user;
  });
  const referenced = input.replyTo ? world.messages.get(input.replyTo) : undefined;
  const message = {
    id: input.id ?? world.nextId(),
    channel_id: channelId,
    // discord.js uses channel_type to build DM channels it has not cached (with Partials.Channel).
    channel_type: input.dm ? ChannelType.DM : ChannelType.GuildText,
    ...(guildId ? { guild_id: guildId, member: memberWithoutUser(member) } : {}),
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions,
    mention_roles: [...content.matchAll(/<@&(\d+)>/g)].map((match) => match[1]),
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: input.replyTo ? MessageType.Reply : MessageType.Default,
    flags: 0,
    ...(input.replyTo
      ? {
          message_reference: { type: 0, message_id: input.replyTo, channel_id: channelId, guild_id: guildId },
          referenced_message: referenced ?? null,
        }
      : {}),
  };
  world.messages.set(message.id, message as unknown as APIMessage);
  return message;
}
