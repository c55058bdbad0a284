import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/engine/lexicon.js';
import { loadStory } from '../../src/knowledge/load.js';

const story = loadStory();
const lexicon = new Lexicon(story.entities, story.synonyms);

describe("The story's names and synonyms", () => {
  it('do not clash once stemmed ("liberated" must not read as "liberals")', () => {
    expect(lexicon.clashes).toEqual([]);
  });

  it('never read a synonym as a different name or group, even when it is too short to stand alone', () => {
    const astray = story.synonyms.flatMap((group) =>
      group.words
        .map((word) => ({ word, terms: lexicon.analyse(word).terms }))
        .filter(({ terms }) => terms.some((t) => /^[@~]/.test(t) && t !== `~${group.id}`))
        .map(({ word, terms }) => `"${word}" (${group.id}) reads as ${terms.join(' ')}`),
    );
    expect(astray).toEqual([]);
  });
});

describe('Typo fixes', () => {
  it('leave alone a word the story uses, even only inside a phrase ("looking into" is not "locking")', () => {
    expect(lexicon.analyse('who is looking into it').terms).not.toContain('~arrested');
  });

  it('fix a misspelt story word', () => {
    expect(lexicon.analyse('kovrig relased').terms).toEqual(['@two-michaels', '~released']);
  });
});
