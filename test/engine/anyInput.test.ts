import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Answer } from '../../src/engine/types.js';
import { loadStory } from '../../src/knowledge/load.js';

const engine = createEngine(loadStory());

function expectWellFormed(a: Answer, question: string) {
  expect(a.question).toBe(question);
  expect(typeof a.answered).toBe('boolean');
  expect(a.answer.length).toBeGreaterThan(0);
  expect(a.confidence).toBeGreaterThanOrEqual(0);
  expect(a.confidence).toBeLessThanOrEqual(1);
  expect(a.suggestions).toHaveLength(a.suggestionIds.length);
  if (a.answered) {
    expect(a.id).not.toBeNull();
    expect(a.citations.length).toBeGreaterThan(0);
  } else {
    // A decline may still cite where the article comes closest (a known gap), never an answer id.
    expect(a.id).toBeNull();
  }
}

describe('Any string is a question', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['6,000 characters', 'why did han dong leave '.repeat(261)],
    ['emoji only', '🇨🇦🤔🔥'],
    ['zero-width characters', '\u200B\u200C\u200D\uFEFF'],
    ['markdown', '**bold** _it_ `code` > quote ||spoiler||'],
    ['mass mentions', '@everyone @here <@123456789012345678> <@&123456789012345678>'],
    ['another script', '加拿大议会通过了什么动议？'],
  ])('gives a well-formed answer for %s', (_, q) => {
    expectWellFormed(engine.ask(q), q);
  });

  it('declines a question with nothing in it rather than guessing', () => {
    for (const q of ['', '   ', '🤔', '@everyone', '\u200B']) expect(engine.ask(q).answered).toBe(false);
  });

  it('never throws and always gives a well-formed answer (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc
            .array(
              fc.constantFrom('han', 'dong', 'kovrig', 'when', 'who', '?', ' ', 'é', '@everyone', '**'),
              {
                maxLength: 30,
              },
            )
            .map((ws) => ws.join(' ')),
        ),
        (q) => expectWellFormed(engine.ask(q), q),
      ),
      { numRuns: 400 },
    );
  });

  it('reads only the first 500 characters of a long paste, so it stays cheap', () => {
    // Past character 500 the paste turns to music and weather: none of it may count.
    const question = 'why did han dong leave the liberal party';
    const long = `${question}${' '.repeat(500 - question.length)}${' play some music, what is the weather'.repeat(150)}`;
    expect(engine.ask(long).answered).toBe(true);
    expect(engine.ask(long).id).toBe(engine.ask(question).id);
  });
});
