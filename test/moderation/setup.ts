import pino from 'pino';
import fact from '../../commands/fact.js';
import { Conversations } from '../../src/bot/conversations.js';
import { Cooldown } from '../../src/bot/cooldown.js';
import { createGuildKnowledge } from '../../src/bot/knowledge.js';
import type { BotContext, CommandRequest, Reply } from '../../src/bot/types.js';
import { readConfig } from '../../src/config/env.js';
import { loadStory } from '../../src/knowledge/load.js';
import { articleCheck } from '../../src/store/checks.js';
import type { KnowledgeStore } from '../../src/store/store.js';
import { alice, bob, useTempDir } from '../store/fixtures.js';

export const story = loadStory();
export const GUILD = '200000000000000001';
export const OTHER_GUILD = '200000000000000002';
export const MOD_ROLE = '300000000000000001';

export { alice, bob };

export interface Bot {
  ctx: BotContext;
  store: KnowledgeStore;
  path: (name: string) => string;
  /** A fresh bot on the same database, as after a restart. */
  restart(): BotContext;
}

function contextFor(store: KnowledgeStore): BotContext {
  const config = readConfig({ MODERATOR_ROLE_IDS: MOD_ROLE });
  return {
    knowledge: createGuildKnowledge(story, store),
    config,
    logger: pino({ level: 'silent' }),
    cooldown: new Cooldown(1000, 1),
    conversations: new Conversations(),
  };
}

/** A bot on a real SQLite database in a fresh temp folder, per test. */
export function useBot(): () => Bot {
  const temp = useTempDir();
  return () => {
    const open = () => temp.open('bot.db', { check: articleCheck(story.article) });
    const store = open();
    return {
      ctx: contextFor(store),
      store,
      path: temp.path,
      restart: () => contextFor(open()),
    };
  };
}

/** A moderator (Manage Messages) in GUILD, unless overridden. */
export function modRequest(
  subcommand: string,
  options: CommandRequest['options'] = {},
  overrides: Partial<CommandRequest> = {},
): CommandRequest {
  return {
    subcommand,
    options,
    user: alice,
    guildId: GUILD,
    member: { manageMessages: true, roleIds: [] },
    ...overrides,
  };
}

export async function runFact(ctx: BotContext, request: CommandRequest): Promise<Reply> {
  return fact.execute(request, ctx);
}
