import { PermissionFlagsBits } from 'discord.js';
import { commandScope, createCommand, overwriteCommands } from './commandRoutes.js';
import { DiscordHttpError, invalidFormBody, unknown } from './errors.js';
import { buildGuild } from './events.js';
import {
  deleteWebhookMessage,
  editWebhookMessage,
  followUp,
  interactionCallback,
  webhookInteraction,
  webhookMessage,
} from './interactionRoutes.js';
import { buildBotMessage, validateMessageBody } from './messages.js';
import { messageBody, type Route, type RouteContext, type RouteResult, route } from './router.js';

// ---- channels ----

function channelOf(ctx: RouteContext) {
  const channel = ctx.world.channels.get(ctx.params.channel ?? '');
  if (!channel) throw unknown('Channel');
  return channel;
}

function createChannelMessage(ctx: RouteContext): RouteResult {
  const { world, request } = ctx;
  const channel = channelOf(ctx);
  const body = messageBody(ctx);
  const botMember = world.members.get(world.botUser.id);
  const botPermissions = world.permissionsOf(world.botUser.id, botMember?.roles ?? []);
  if ('guild_id' in channel && (botPermissions & PermissionFlagsBits.SendMessages) === 0n) {
    throw new DiscordHttpError(403, 50013, 'Missing Permissions');
  }
  validateMessageBody(body, request.files, { requireContent: true });
  const reference = body.message_reference;
  if (reference?.message_id && reference.fail_if_not_exists !== false) {
    const target = world.messages.get(reference.message_id);
    if (!target || target.channel_id !== channel.id) {
      throw invalidFormBody(['message_reference'], 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message');
    }
  }
  const message = buildBotMessage(world, { channelId: channel.id, body, files: request.files });
  ctx.journal.channelMessages.push({ channelId: channel.id, body, files: request.files, message });
  ctx.publish(message);
  return { body: message };
}

function getChannelMessage(ctx: RouteContext): RouteResult {
  const channel = channelOf(ctx);
  const message = ctx.world.messages.get(ctx.params.message ?? '');
  if (!message || message.channel_id !== channel.id) throw unknown('Message');
  return { body: message };
}

// ---- users, guilds, gateway ----

function createDm(ctx: RouteContext): RouteResult {
  const recipient = ctx.world.users.get(
    String((ctx.request.body as { recipient_id?: string } | null)?.recipient_id),
  );
  if (!recipient) throw unknown('User');
  return { body: ctx.world.dmChannelFor(recipient) };
}

function guildOf(ctx: RouteContext): void {
  if (ctx.params.guild !== ctx.world.guild.id) throw unknown('Guild');
}

export const routes: Route[] = [
  route('GET', '/gateway', false, (ctx) => ({ body: { url: ctx.gatewayUrl } })),
  route('GET', '/gateway/bot', true, (ctx) => ({
    body: {
      url: ctx.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 1 },
    },
  })),
  route('GET', '/users/@me', true, (ctx) => ({ body: ctx.world.botUser })),
  route('POST', '/users/@me/channels', true, createDm),
  route('GET', '/users/:user', true, (ctx) => {
    const user = ctx.world.users.get(ctx.params.user ?? '');
    if (!user) throw unknown('User');
    return { body: user };
  }),
  route('GET', '/applications/@me', true, (ctx) => ({
    body: {
      id: ctx.world.applicationId,
      name: ctx.world.botUser.username,
      icon: null,
      description: '',
      summary: '',
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      owner: ctx.world.ownerUser,
      team: null,
      bot: ctx.world.botUser,
    },
  })),
  route('GET', '/applications/:app/commands', true, (ctx) => ({
    body: ctx.world.commands.get(commandScope(ctx)) ?? [],
  })),
  route('PUT', '/applications/:app/commands', true, overwriteCommands),
  route('POST', '/applications/:app/commands', true, createCommand),
  route('GET', '/applications/:app/guilds/:guild/commands', true, (ctx) => ({
    body: ctx.world.commands.get(commandScope(ctx)) ?? [],
  })),
  route('PUT', '/applications/:app/guilds/:guild/commands', true, overwriteCommands),
  route('POST', '/applications/:app/guilds/:guild/commands', true, createCommand),
  route('POST', '/interactions/:id/:token/callback', false, interactionCallback),
  route('POST', '/webhooks/:app/:token', false, followUp),
  route('GET', '/webhooks/:app/:token/messages/:message', false, (ctx) => ({
    body: webhookMessage(webhookInteraction(ctx), ctx.params.message ?? ''),
  })),
  route('PATCH', '/webhooks/:app/:token/messages/:message', false, editWebhookMessage),
  route('DELETE', '/webhooks/:app/:token/messages/:message', false, deleteWebhookMessage),
  route('GET', '/channels/:channel', true, (ctx) => ({ body: channelOf(ctx) })),
  route('POST', '/channels/:channel/messages', true, createChannelMessage),
  route('GET', '/channels/:channel/messages/:message', true, getChannelMessage),
  route('POST', '/channels/:channel/typing', true, (ctx) => {
    channelOf(ctx);
    return { status: 204 };
  }),
  route('GET', '/guilds/:guild', true, (ctx) => {
    guildOf(ctx);
    return { body: { ...buildGuild(ctx.world), approximate_member_count: ctx.world.members.size } };
  }),
  route('GET', '/guilds/:guild/roles', true, (ctx) => {
    guildOf(ctx);
    return { body: ctx.world.roles };
  }),
  route('GET', '/guilds/:guild/members/:user', true, (ctx) => {
    guildOf(ctx);
    const member = ctx.world.members.get(ctx.params.user ?? '');
    if (!member) throw unknown('Member');
    return { body: member };
  }),
];
