import { createEngine, type Engine } from '../engine/engine.js';
import type { Story } from '../knowledge/types.js';

/**
 * What each server knows: the curated story, plus (once moderators edit) that server's own
 * overlay. Engines are built on first use per server and kept, so a question costs no rebuild.
 */
export interface GuildKnowledge {
  readonly story: Story;
  engineFor(guildId: string | null): Engine;
}

export function createGuildKnowledge(story: Story): GuildKnowledge {
  const curated = createEngine(story);
  const engines = new Map<string, Engine>();
  return {
    story,
    engineFor(guildId) {
      if (guildId === null) return curated;
      let engine = engines.get(guildId);
      if (!engine) {
        engine = createEngine(story);
        engines.set(guildId, engine);
      }
      return engine;
    },
  };
}
