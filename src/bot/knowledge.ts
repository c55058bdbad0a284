import { createEngine, type Engine } from '../engine/engine.js';
import { storyEntries } from '../engine/entries.js';
import type { Entry } from '../engine/types.js';
import type { Story } from '../knowledge/types.js';
import { entryFromDraft } from '../store/drafts.js';
import type { EntryDraft, KnowledgeStore } from '../store/store.js';

/**
 * What each server knows: the curated story, plus that server's moderator overlay from the store.
 * Servers without changes share one curated engine; a server with changes gets its own, built from
 * the store on first use and updated in place by each committed change (never the shared one).
 */
export interface GuildKnowledge {
  readonly story: Story;
  /** Absent when the bot runs without a database: moderation is off, feedback is not kept. */
  readonly store?: KnowledgeStore;
  engineFor(guildId: string | null): Engine;
  /** The story pack's own version of an entry, if it has one. */
  curated(entryId: string): Entry | undefined;
  /** Tells a server's cached engine about a change the store has committed (null = retired). */
  applied(guildId: string, entryId: string, draft: EntryDraft | null): void;
  /** Logs a question the bot could not answer, for /unanswered. */
  noteDeclined(guildId: string, question: string): void;
  vote(guildId: string, entryId: string, userId: string, value: 1 | -1): void;
}

// Longer text is pasted, not asked; the store keeps the same length.
const DECLINED_MAX = 300;

/** How a declined question is logged, so "Who PAID  for it?" and "who paid for it?" count together. */
export function normaliseQuestion(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, DECLINED_MAX).trim();
}

/** Servers with their own changes whose engines stay built; others are rebuilt from the store on use. */
const MAX_CACHED_ENGINES = 200;

export function createGuildKnowledge(story: Story, store?: KnowledgeStore): GuildKnowledge {
  const curatedEngine = createEngine(story);
  const curatedEntries = new Map(storyEntries(story).map((e) => [e.id, e]));
  const engines = new Map<string, Engine>();

  // A Q&A's related facts are not in drafts: a server's version keeps the curated ones.
  const apply = (engine: Engine, entryId: string, draft: EntryDraft | null) => {
    if (draft === null) engine.retire(entryId);
    else engine.upsert(entryFromDraft(entryId, draft, curatedEntries.get(entryId)?.related ?? []));
  };

  return {
    story,
    ...(store ? { store } : {}),
    engineFor(guildId) {
      if (guildId === null) return curatedEngine;
      const cached = engines.get(guildId);
      if (cached) {
        // Most recently used last: the first key is the one to evict.
        engines.delete(guildId);
        engines.set(guildId, cached);
        return cached;
      }
      // A server whose moderators changed nothing shares the curated engine: no copy per server.
      const overlay = store?.overlay(guildId) ?? [];
      if (overlay.length === 0) return curatedEngine;
      const engine = createEngine(story);
      for (const { entryId, draft } of overlay) apply(engine, entryId, draft);
      engines.set(guildId, engine);
      if (engines.size > MAX_CACHED_ENGINES) engines.delete(engines.keys().next().value as string);
      return engine;
    },
    curated: (entryId) => curatedEntries.get(entryId),
    applied(guildId, entryId, draft) {
      // A server not yet cached reads the change from the store when first asked.
      const engine = engines.get(guildId);
      if (engine) apply(engine, entryId, draft);
    },
    noteDeclined(guildId, question) {
      const normalised = normaliseQuestion(question);
      if (store && normalised !== '') store.logDeclined(guildId, normalised);
    },
    vote(guildId, entryId, userId, value) {
      store?.vote(guildId, entryId, userId, value);
    },
  };
}
