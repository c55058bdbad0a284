import { cpus } from 'node:os';
import { ApplicationCommandOptionType } from 'discord.js';
import { pino } from 'pino';
import * as commands from '../commands/index.js';
import { Conversations } from '../src/bot/conversations.js';
import { Cooldown } from '../src/bot/cooldown.js';
import { createGuildKnowledge } from '../src/bot/knowledge.js';
import type { Command } from '../src/bot/types.js';
import { loadStoryFromEnv } from '../src/cli/run.js';
import { readConfig } from '../src/config/env.js';
import { startBot } from '../src/discord/bot.js';
import { startFakeDiscord } from '../test/fakeDiscord/index.js';

/**
 * `npm run bench:discord`: /ask latency through the real bot wiring, measured from the fake Discord
 * dispatching INTERACTION_CREATE to it receiving the callback POST (gateway, discord.js, command,
 * engine, REST). Fake and bot share this process and the loopback interface.
 */

const WARMUP = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 300);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const story = loadStoryFromEnv();
const questions = story.qa.map((qa) => qa.question);
const fake = await startFakeDiscord({ timeoutMs: 10_000 });
const config = readConfig({
  DISCORD_TOKEN: fake.token,
  DISCORD_API_URL: fake.apiUrl,
  LOG_LEVEL: 'silent',
  ASK_COOLDOWN_COUNT: '1000',
  ASK_COOLDOWN_SECONDS: '1',
});
// The command's own share (engine and rendering), to tell it apart from the Discord round trip.
const commandTimings: number[] = [];
function timed(command: Command | undefined): Command | undefined {
  if (!command) return undefined;
  return {
    ...command,
    execute(request, ctx) {
      const started = performance.now();
      const reply = command.execute(request, ctx);
      commandTimings.push(performance.now() - started);
      return reply;
    },
  };
}
const registry = { ...commands, findCommand: (name: string) => timed(commands.findCommand(name)) };

const bot = await startBot(
  {
    knowledge: createGuildKnowledge(story),
    config,
    logger: pino({ level: 'silent' }),
    cooldown: new Cooldown(config.ASK_COOLDOWN_COUNT, config.ASK_COOLDOWN_SECONDS),
    conversations: new Conversations(),
  },
  { registry },
);

const timings: number[] = [];
try {
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const value = questions[i % questions.length] ?? 'Who is Han Dong?';
    const started = performance.now();
    const reply = await fake.sendInteraction({
      name: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value }],
    });
    const ms = performance.now() - started;
    if (reply.type !== 4 || !reply.data?.embeds?.length) throw new Error(`unexpected reply to "${value}"`);
    if (i >= WARMUP) timings.push(ms);
  }
} finally {
  await bot.stop();
  await fake.close();
}

const sorted = [...timings].sort((a, b) => a - b);
const fmt = (ms: number) => ms.toFixed(2);
console.log(`/ask interaction latency, ${RUNS} sequential interactions after ${WARMUP} warm-up`);
console.log(`  median ${fmt(percentile(sorted, 50))} ms`);
console.log(`  p95    ${fmt(percentile(sorted, 95))} ms`);
console.log(`  p99    ${fmt(percentile(sorted, 99))} ms`);
console.log(`  max    ${fmt(sorted.at(-1) ?? Number.NaN)} ms`);
const commandSorted = commandTimings.slice(WARMUP).sort((a, b) => a - b);
console.log(`  of which the /ask command itself: median ${fmt(percentile(commandSorted, 50))} ms`);
console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), node ${process.version}`,
);
