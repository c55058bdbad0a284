import { type APIMessage, MessageType } from 'discord.js';
import { DiscordHttpError, invalidFormBody, unknown } from './errors.js';
import { buildBotMessage, editMessage, validateMessageBody } from './messages.js';
import { messageBody, type RouteContext, type RouteResult } from './router.js';
import type { InteractionCallbackBody } from './types.js';
import type { InteractionState } from './world.js';

function responseMessageType(state: InteractionState): MessageType {
  return state.commandName ? MessageType.ChatInputCommand : MessageType.Default;
}

function isEphemeral(message: APIMessage): boolean {
  return ((message.flags ?? 0) & 64) !== 0;
}

export function interactionCallback(ctx: RouteContext): RouteResult {
  const { world, request } = ctx;
  const state = world.interactions.get(ctx.params.id ?? '');
  if (!state || state.token !== ctx.params.token) throw unknown('interaction');
  // Discord forgets interactions that were not answered in time; bots must defer slow work.
  if (Date.now() - state.createdAt > world.interactionDeadlineMs) throw unknown('interaction');
  if (state.responded) throw new DiscordHttpError(400, 40060, 'Interaction has already been acknowledged.');
  const body = (request.body ?? {}) as InteractionCallbackBody;
  const data = body.data ?? {};
  const viaWebhook = true;
  switch (body.type) {
    case 4:
      validateMessageBody(data, request.files, { prefix: ['data'], requireContent: true });
      state.original = buildBotMessage(world, {
        channelId: state.channelId,
        body: data,
        files: request.files,
        type: responseMessageType(state),
        viaWebhook,
      });
      if (!isEphemeral(state.original)) ctx.publish(state.original);
      break;
    case 5:
      // The "Bot is thinking..." placeholder (flag 128, LOADING), ephemeral if the deferral asked for it.
      state.original = buildBotMessage(world, {
        channelId: state.channelId,
        body: { flags: 128 | ((data.flags ?? 0) & 64) },
        files: [],
        type: responseMessageType(state),
        viaWebhook,
      });
      break;
    case 6:
      state.original = state.componentMessage;
      break;
    case 7:
      validateMessageBody(data, request.files, { prefix: ['data'] });
      state.original =
        state.componentMessage && editMessage(world, state.componentMessage, data, request.files);
      break;
    case 8:
      if ((data.choices ?? []).length > 25) {
        throw invalidFormBody(['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      }
      break;
    default:
      break;
  }
  state.responded = true;
  ctx.journal.callbacks.push({ interactionId: state.id, token: state.token, body, files: request.files });
  if (request.query.with_response !== 'true') return { status: 204 };
  const message = body.type === 4 || body.type === 5 || body.type === 7 ? state.original : null;
  return {
    body: {
      interaction: {
        id: state.id,
        type: state.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: body.type === 5,
              response_message_ephemeral: isEphemeral(message),
            }
          : {}),
      },
      resource: { type: body.type, ...(message ? { message } : {}) },
    },
  };
}

// ---- interaction webhooks (follow-ups and edits, authorised by the interaction token) ----

export function webhookInteraction(ctx: RouteContext): InteractionState {
  const state =
    ctx.params.app === ctx.world.applicationId
      ? ctx.world.interactionByToken(ctx.params.token ?? '')
      : undefined;
  if (!state) throw unknown('Webhook');
  return state;
}

export function webhookMessage(state: InteractionState, messageId: string): APIMessage {
  const message = messageId === '@original' ? state.original : state.followups.get(messageId);
  if (!message) throw unknown('Message');
  return message;
}

function storeWebhookMessage(state: InteractionState, messageId: string, message: APIMessage): void {
  if (messageId === '@original' || message.id === state.original?.id) state.original = message;
  else state.followups.set(message.id, message);
}

export function followUp(ctx: RouteContext): RouteResult {
  const state = webhookInteraction(ctx);
  const body = messageBody(ctx);
  const { files } = ctx.request;
  validateMessageBody(body, files, { requireContent: true });
  let messageId: string;
  let message: APIMessage;
  if (state.original && ((state.original.flags ?? 0) & 128) !== 0) {
    // As on Discord, the first follow-up after a deferral fills in the "thinking" message instead.
    messageId = '@original';
    message = editMessage(ctx.world, state.original, body, files);
  } else {
    message = buildBotMessage(ctx.world, {
      channelId: state.channelId,
      body,
      files,
      type: responseMessageType(state),
      viaWebhook: true,
    });
    messageId = message.id;
    if (!isEphemeral(message)) ctx.publish(message);
  }
  storeWebhookMessage(state, messageId, message);
  ctx.journal.webhooks.push({ token: state.token, method: 'POST', messageId, body, files, message });
  return { body: message };
}

export function editWebhookMessage(ctx: RouteContext): RouteResult {
  const state = webhookInteraction(ctx);
  const messageId = ctx.params.message ?? '';
  const body = messageBody(ctx);
  validateMessageBody(body, ctx.request.files);
  const message = editMessage(ctx.world, webhookMessage(state, messageId), body, ctx.request.files);
  storeWebhookMessage(state, messageId, message);
  ctx.journal.webhooks.push({
    token: state.token,
    method: 'PATCH',
    messageId,
    body,
    files: ctx.request.files,
    message,
  });
  return { body: message };
}

export function deleteWebhookMessage(ctx: RouteContext): RouteResult {
  const state = webhookInteraction(ctx);
  const messageId = ctx.params.message ?? '';
  const message = webhookMessage(state, messageId);
  if (messageId === '@original') state.original = null;
  else state.followups.delete(messageId);
  ctx.world.messages.delete(message.id);
  ctx.journal.webhooks.push({
    token: state.token,
    method: 'DELETE',
    messageId,
    body: {},
    files: [],
    message: null,
  });
  return { status: 204 };
}
