import pino from 'pino';
import { expect } from 'vitest';
import { Conversations } from '../../src/bot/conversations.js';
import { Cooldown } from '../../src/bot/cooldown.js';
import { createGuildKnowledge } from '../../src/bot/knowledge.js';
import type { BotContext, CommandRequest, Reply } from '../../src/bot/types.js';
import { readConfig } from '../../src/config/env.js';
import { factEntry } from '../../src/engine/entries.js';
import { loadStory } from '../../src/knowledge/load.js';
import type { Fact } from '../../src/knowledge/types.js';

export const story = loadStory();
export const GUILD = '200000000000000001';

/** A real bot context: the curated story, the default cooldown, a silent log. */
export function setup({ cooldown }: { cooldown?: Cooldown } = {}): BotContext {
  const config = readConfig({});
  return {
    knowledge: createGuildKnowledge(story),
    config,
    logger: pino({ level: 'silent' }),
    cooldown: cooldown ?? new Cooldown(config.ASK_COOLDOWN_COUNT, config.ASK_COOLDOWN_SECONDS),
    conversations: new Conversations(),
  };
}

export function request(
  options: CommandRequest['options'] = {},
  overrides: Partial<CommandRequest> = {},
): CommandRequest {
  return {
    options,
    user: { id: '100000000000000001', name: 'Ada' },
    guildId: GUILD,
    member: { manageMessages: false, roleIds: [] },
    ...overrides,
  };
}

/** A moderator's fact in this server (through the engine's own door, as the store will add them). */
export function addFact(ctx: BotContext, fact: Partial<Fact> & Pick<Fact, 'id' | 'statement'>): void {
  ctx.knowledge.engineFor(GUILD).upsert(
    factEntry({
      entities: [],
      phrasings: [],
      citations: [{ kind: 'article', paragraph: 1, quote: 'approved a motion' }],
      ...fact,
    }),
  );
}

/** Markdown escapes undone: what the reader sees. */
export const shown = (text: string) => text.replace(/\\(.)/g, '$1');

/** Every Discord limit a reply can break, counted here independently of src/bot/limits.ts. */
export function expectWithinLimits(reply: Reply): void {
  if (reply.content !== undefined) expect(reply.content.length).toBeLessThanOrEqual(2000);
  const embeds = reply.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.trim().length).toBeGreaterThan(0);
      expect(field.value.trim().length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.length).toBeLessThanOrEqual(1024);
      total += field.name.length + field.value.length;
    }
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
    total += embed.author?.name.length ?? 0;
  }
  expect(total).toBeLessThanOrEqual(6000);
  const rows = reply.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of buttonsOf(row)) {
      // Discord wants a label or an emoji on every button.
      expect((button.label?.length ?? 0) + (button.emoji?.name?.length ?? 0)).toBeGreaterThan(0);
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(80);
      expect(button.custom_id.length).toBeGreaterThan(0);
      expect(button.custom_id.length).toBeLessThanOrEqual(100);
      expect(ids.has(button.custom_id)).toBe(false);
      ids.add(button.custom_id);
    }
  }
}

export interface Button {
  label?: string;
  emoji?: { name?: string };
  custom_id: string;
  disabled?: boolean;
}

export function buttonsOf(row: NonNullable<Reply['components']>[number]): Button[] {
  return row.components.map((c) => c as unknown as Button);
}

export function buttons(reply: Reply): Button[] {
  return (reply.components ?? []).flatMap(buttonsOf);
}

export function embedOf(reply: Reply) {
  const embed = reply.embeds?.[0];
  if (!embed) throw new Error('the reply has no embed');
  return embed;
}
