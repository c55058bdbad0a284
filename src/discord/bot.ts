import { type Client, Events } from 'discord.js';
import { askReply } from '../../commands/ask.js';
import * as commands from '../../commands/index.js';
import type { BotContext, CommandRegistry } from '../bot/types.js';
import { createClient } from './client.js';
import { createInteractionHandler, DEFER_AFTER_MS } from './interactions.js';
import { type AskReply, createMessageHandler } from './messages.js';

export interface RunningBot {
  client: Client<true>;
  /** Disconnects from Discord; safe to call twice. */
  stop(): Promise<void>;
}

export interface BotOptions {
  registry?: CommandRegistry;
  askReply?: AskReply;
  deferAfterMs?: number;
}

/** Connection trouble is logged, never thrown: discord.js reconnects and resumes by itself. */
function logLifecycle(client: Client, ctx: BotContext): void {
  const { logger } = ctx;
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ shardId, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ err: error, shardId }, 'gateway error'));
}

/**
 * Logs in with `ctx.config.DISCORD_TOKEN` and serves commands, buttons, autocomplete and mentions until
 * `stop()`. Resolves once Discord has said the bot is ready. Used by `npm start` and the tests alike.
 */
export async function startBot(ctx: BotContext, options: BotOptions = {}): Promise<RunningBot> {
  const { config } = ctx;
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const { logger } = ctx;
  const client = createClient(config);
  logLifecycle(client, ctx);

  const onInteraction = createInteractionHandler(
    ctx,
    options.registry ?? commands,
    options.deferAfterMs ?? DEFER_AFTER_MS,
  );
  const onMessage = createMessageHandler(ctx, options.askReply ?? askReply);
  // Both handlers catch their own errors; the extra catch only guards against a bug in them.
  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch((error) => logger.error({ err: error }, 'interaction handler crashed'));
  });
  client.on(Events.MessageCreate, (message) => {
    onMessage(message).catch((error) => logger.error({ err: error }, 'message handler crashed'));
  });

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  const readyClient = await ready;
  logger.info(
    { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size },
    `ready: logged in as ${readyClient.user.tag}`,
  );

  let stopped: Promise<void> | null = null;
  return {
    client: readyClient,
    stop() {
      stopped ??= client.destroy().then(() => logger.info('disconnected from Discord'));
      return stopped;
    },
  };
}
