import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/engine/lexicon.js';
import { loadStory } from '../../src/knowledge/load.js';

describe("The story's names and synonyms", () => {
  it('do not clash once stemmed ("liberated" must not read as "liberals")', () => {
    const story = loadStory();
    expect(new Lexicon(story.entities, story.synonyms).clashes).toEqual([]);
  });
});
