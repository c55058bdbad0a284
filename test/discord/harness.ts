import { Writable } from 'node:stream';
import { type Logger, pino } from 'pino';
import { Conversations } from '../../src/bot/conversations.js';
import { Cooldown } from '../../src/bot/cooldown.js';
import { createGuildKnowledge } from '../../src/bot/knowledge.js';
import type { BotContext } from '../../src/bot/types.js';
import { loadStoryFromEnv } from '../../src/cli/run.js';
import { type Config, readConfig } from '../../src/config/env.js';
import { type BotOptions, type RunningBot, startBot } from '../../src/discord/bot.js';
import type { Story } from '../../src/knowledge/types.js';
import { type FakeDiscord, startFakeDiscord } from '../fakeDiscord/index.js';

let story: Story | undefined;

/** The curated story, loaded once per test file. */
export function testStory(): Story {
  story ??= loadStoryFromEnv({});
  return story;
}

/** A logger that keeps its lines for assertions instead of printing them. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

export function testContext(config: Config, logger: Logger = pino({ level: 'silent' })): BotContext {
  return {
    knowledge: createGuildKnowledge(testStory()),
    config,
    logger,
    cooldown: new Cooldown(config.ASK_COOLDOWN_COUNT, config.ASK_COOLDOWN_SECONDS),
    conversations: new Conversations(),
  };
}

export interface Harness {
  fake: FakeDiscord;
  bot: RunningBot;
  ctx: BotContext;
  close(): Promise<void>;
}

/** A fresh fake Discord and the real bot logged into it, silent unless given a logger. */
export async function startHarness(
  options: { env?: Record<string, string>; logger?: Logger; bot?: BotOptions } = {},
): Promise<Harness> {
  const fake = await startFakeDiscord();
  const config = readConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'silent',
    // Tests ask many questions as one user; the cooldown has its own tests.
    ASK_COOLDOWN_COUNT: '1000',
    ...options.env,
  });
  const ctx = testContext(config, options.logger);
  try {
    const bot = await startBot(ctx, options.bot);
    return {
      fake,
      bot,
      ctx,
      async close() {
        await bot.stop();
        await fake.close();
      },
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

/** Every custom_id of the buttons in a message body. */
export function customIds(body: { components?: unknown[] } | undefined): string[] {
  const rows = (body?.components ?? []) as Array<{
    components?: Array<{ custom_id?: string; disabled?: boolean }>;
  }>;
  return rows
    .flatMap((row) => row.components ?? [])
    .flatMap((c) => (c.custom_id && !c.disabled ? [c.custom_id] : []));
}

export const EPHEMERAL = 64;
