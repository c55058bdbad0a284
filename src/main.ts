import 'dotenv/config';
import type { Logger } from 'pino';
import { Conversations } from './bot/conversations.js';
import { Cooldown } from './bot/cooldown.js';
import { createGuildKnowledge } from './bot/knowledge.js';
import type { BotContext } from './bot/types.js';
import { loadStoryFromEnv } from './cli/run.js';
import { type Config, ConfigError, readConfig } from './config/env.js';
import { runConsole } from './console/session.js';
import { startBot } from './discord/bot.js';
import { StoryPackError } from './knowledge/errors.js';
import type { Story } from './knowledge/types.js';
import { createLogger } from './log.js';
import { articleCheck } from './store/checks.js';
import { openSqliteStore } from './store/sqlite/open.js';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, else a local console in a terminal. */

const NO_TOKEN =
  'DISCORD_TOKEN is not set: copy .env.example to .env and set it (or run `npm start` in a terminal to try the bot in a local console)';

/** Something the running process holds open, closed in order on shutdown. */
type Closer = () => void | Promise<void>;

/** The bot's world: the story, this machine's moderator store, and the shared cooldown. */
function buildContext(config: Config, logger: Logger, story: Story): { ctx: BotContext; closers: Closer[] } {
  const store = openSqliteStore(config.DATABASE_PATH, { check: articleCheck(story.article) });
  const ctx: BotContext = {
    knowledge: createGuildKnowledge(story, store),
    config,
    logger,
    cooldown: new Cooldown(config.ASK_COOLDOWN_COUNT, config.ASK_COOLDOWN_SECONDS),
    conversations: new Conversations(),
  };
  return { ctx, closers: [() => store.close()] };
}

/** A database that cannot be opened is a message naming the path and what to set, and exit 1. */
function buildContextOrExplain(config: Config, logger: Logger, story: Story) {
  try {
    return buildContext(config, logger, story);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

async function closeAll(closers: readonly Closer[], logger: Logger): Promise<boolean> {
  let clean = true;
  for (const close of closers) {
    try {
      await close();
    } catch (error) {
      clean = false;
      logger.error({ err: error }, 'could not close cleanly');
    }
  }
  return clean;
}

/** SIGINT/SIGTERM: disconnect, close what is open, exit 0; a hung close still ends the process. */
function exitOnSignal(closers: readonly Closer[], logger: Logger): void {
  let closing = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took over 10 s; exiting anyway');
      process.exit(1);
    }, 10_000).unref();
    const clean = await closeAll(closers, logger);
    process.exit(clean ? 0 : 1);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function loadStoryOrExplain(): Story | null {
  try {
    return loadStoryFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof StoryPackError)) throw error;
    console.error(error.message);
    return null;
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const story = loadStoryOrExplain();
  if (!story) process.exit(1);

  if (config.DISCORD_TOKEN) {
    const logger = createLogger(config.LOG_LEVEL);
    const { ctx, closers } = buildContextOrExplain(config, logger, story);
    // A bug that escapes every handler is logged; one bad interaction must not end the bot.
    process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
    try {
      const bot = await startBot(ctx);
      closers.unshift(() => bot.stop());
    } catch (error) {
      logger.fatal({ err: error }, 'could not connect to Discord');
      console.error(
        `Could not connect to Discord: ${error instanceof Error ? error.message : String(error)}`,
      );
      await closeAll(closers, logger);
      process.exit(1);
    }
    exitOnSignal(closers, logger);
    return;
  }

  if (process.stdin.isTTY && process.stdout.isTTY) {
    // JSON log lines would garble the conversation: the console logs to stderr.
    const logger = createLogger(config.LOG_LEVEL, 2);
    const { ctx, closers } = buildContextOrExplain(config, logger, story);
    await runConsole(ctx);
    process.exit((await closeAll(closers, logger)) ? 0 : 1);
  }

  console.error(NO_TOKEN);
  process.exit(1);
}

await main();
