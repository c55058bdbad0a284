import { describe, expect, it } from 'vitest';
import { articleCheck } from '../../src/store/checks.js';
import { draftFromEntry, entryFromDraft, sameDraft } from '../../src/store/drafts.js';
import { parseDraft } from '../../src/store/schema.js';
import { DraftError } from '../../src/store/store.js';
import { fact, qa } from './fixtures.js';

/** The problems parseDraft reports for a draft, or [] when it is accepted. */
function problems(draft: unknown): readonly string[] {
  try {
    parseDraft('e', draft);
    return [];
  } catch (error) {
    if (error instanceof DraftError) return error.problems;
    throw error;
  }
}

const article = (i: number) => ({ kind: 'article' as const, paragraph: i, quote: 'q' });

describe('a draft', () => {
  it('is accepted when it is a fact with a citation, or a Q&A with a question', () => {
    expect(problems(fact('A fact.'))).toEqual([]);
    expect(problems(qa('Why?', 'Because.'))).toEqual([]);
  });

  it('keeps answers chat-sized', () => {
    expect(problems(fact('x'.repeat(600)))).toEqual([]);
    expect(problems(fact('x'.repeat(601)))).toEqual(['text: must be at most 600 characters']);
    expect(problems(qa('x'.repeat(301), 'A.'))).toEqual(['question: must be at most 300 characters']);
  });

  it('allows up to 20 phrasings of up to 300 characters each', () => {
    const phrasings = Array.from({ length: 20 }, (_, i) => `way ${i}`);
    expect(problems(fact('x', { phrasings }))).toEqual([]);
    expect(problems(fact('x', { phrasings: [...phrasings, 'one more'] }))).toEqual([
      'phrasings: at most 20 phrasings',
    ]);
    expect(problems(fact('x', { phrasings: ['y'.repeat(301)] }))).toEqual([
      'phrasings #1: must be at most 300 characters',
    ]);
  });

  it('needs between 1 and 5 citations, each with a short quote', () => {
    expect(problems(fact('x', { citations: [] }))).toEqual(['citations: needs at least one citation']);
    expect(problems(fact('x', { citations: [1, 2, 3, 4, 5, 6].map(article) }))).toEqual([
      'citations: at most 5 citations',
    ]);
    expect(problems(fact('x', { citations: [{ ...article(1), quote: 'q'.repeat(501) }] }))).toEqual([
      'citations #1 quote: must be at most 500 characters',
    ]);
  });

  it('accepts outside sources only as http(s) links with a title', () => {
    const external = {
      kind: 'external' as const,
      url: 'https://example.org/a',
      title: 'A source',
      quote: 'q',
    };
    expect(problems(fact('x', { citations: [external] }))).toEqual([]);
    expect(problems(fact('x', { citations: [{ ...external, url: 'javascript:alert(1)' }] }))).toEqual([
      'citations #1 url: must be an http(s) URL',
    ]);
    expect(
      problems(fact('x', { citations: [{ ...external, url: `https://e.org/${'a'.repeat(500)}` }] })),
    ).toEqual(['citations #1 url: must be at most 500 characters']);
    expect(problems(fact('x', { citations: [{ ...external, title: 't'.repeat(201) }] }))).toHaveLength(1);
  });

  it('must carry a real date at its own precision', () => {
    expect(problems(fact('x', { date: '2023' }))).toEqual([]);
    expect(problems(fact('x', { date: '2024-02-29' }))).toEqual([]);
    expect(problems(fact('x', { date: '2023-02-30' }))).toEqual(['date 2023-02-30 does not exist']);
    expect(problems(fact('x', { date: '2023-13' }))).toEqual(['date 2023-13 has no month 13']);
    expect(problems(fact('x', { date: 'March 2023' }))).toEqual([
      'date "March 2023" is not YYYY, YYYY-MM or YYYY-MM-DD',
    ]);
  });

  it('is a Q&A only with a question, and a fact only without one', () => {
    expect(problems({ ...fact('A.'), kind: 'qa' })).toEqual(['question: a qa entry needs a question']);
    expect(problems(fact('A.', { question: 'Why?' }))).toEqual([
      'question: a fact has no question: its text is the statement',
    ]);
  });

  it('has no fields beyond the ones moderators may set', () => {
    expect(problems({ ...fact('x'), score: 3 })).toEqual(['Unrecognized key: "score"']);
  });
});

describe('moving between drafts and engine entries', () => {
  it('turns a curated Q&A into a draft and back without losing anything but what drafts do not hold', () => {
    const entry = {
      id: 'why',
      kind: 'qa' as const,
      origin: 'curated' as const,
      title: 'Why?',
      answer: 'Because.',
      phrasings: ['how come'],
      citations: [article(2)],
      related: ['some-fact'],
      entities: [],
    };

    const draft = draftFromEntry(entry);

    expect(draft).toEqual({ ...qa('Why?', 'Because.'), phrasings: ['how come'], citations: [article(2)] });
    expect(entryFromDraft('why', draft, ['some-fact'])).toEqual({ ...entry, origin: 'moderator' });
  });

  it('compares drafts by content, whatever the key order', () => {
    const a = fact('x', { date: '2023' });
    const { kind, text, ...rest } = a;
    const reordered = { ...rest, text, kind };

    expect(sameDraft(a, reordered)).toBe(true);
    expect(sameDraft(a, fact('y'))).toBe(false);
    expect(sameDraft(null, null)).toBe(true);
  });
});

describe('the article check', () => {
  const check = articleCheck({
    title: 'T',
    published: '2023-03-24',
    source: 'S',
    summary: 'S',
    paragraphs: [{ n: 1, text: 'The MP said it was “a smear” on Thursday.' }],
  });

  it('accepts a quote that is verbatim in the cited paragraph, typographic quotes aside', () => {
    expect(
      check('e', fact('x', { citations: [{ kind: 'article', paragraph: 1, quote: '"a smear"' }] })),
    ).toEqual([]);
  });

  it('names the citation whose paragraph or quote is not in the article', () => {
    expect(
      check('e', fact('x', { citations: [article(1), { kind: 'article', paragraph: 7, quote: 'a smear' }] })),
    ).toEqual([
      'citations #1: quote not found in ¶1: "q"',
      'citations #2: paragraph 7 does not exist (the article has 1)',
    ]);
  });
});
