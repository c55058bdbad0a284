import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuildKnowledge } from '../../src/bot/knowledge.js';
import { loadStory } from '../../src/knowledge/load.js';
import { openSqliteStore } from '../../src/store/sqlite/open.js';
import type { KnowledgeStore } from '../../src/store/store.js';

const story = loadStory();
let dir = '';
let store: KnowledgeStore | undefined;
afterEach(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const draft = {
  kind: 'fact' as const,
  text: 'The special rapporteur is David Johnston.',
  phrasings: ['who is the special rapporteur'],
  citations: [
    { kind: 'external' as const, url: 'https://example.org/j', title: 'Example', quote: 'David Johnston' },
  ],
  entities: [],
};

describe('Each server’s knowledge', () => {
  it('is the shared curated engine until its moderators change something, then its own', () => {
    dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    store = openSqliteStore(join(dir, 'bot.db'));
    const knowledge = createGuildKnowledge(story, store);
    const quiet = knowledge.engineFor('200000000000000001');
    expect(knowledge.engineFor('200000000000000002')).toBe(quiet);
    expect(knowledge.engineFor(null)).toBe(quiet);

    const actor = { id: '1', name: 'Alice' };
    const revision = store.record({
      guildId: '200000000000000001',
      entryId: 'rapporteur-named',
      action: 'add',
      before: null,
      after: draft,
      actor,
    });
    knowledge.applied('200000000000000001', 'rapporteur-named', revision.after);

    const changed = knowledge.engineFor('200000000000000001');
    expect(changed).not.toBe(quiet);
    expect(changed.ask('who is the special rapporteur').id).toBe('rapporteur-named');
    expect(knowledge.engineFor('200000000000000002').ask('who is the special rapporteur').id).not.toBe(
      'rapporteur-named',
    );
  });
});
