import { describe, expect, it } from 'vitest';
import source from '../../commands/source.js';
import type { Reply } from '../../src/bot/types.js';
import { UserFacingError } from '../../src/bot/types.js';
import { formatDate } from '../../src/knowledge/dates.js';
import { embedOf, expectWithinLimits, request, setup, shown, story } from './setup.js';

const ctx = setup();
const { article } = story;

describe('/source', () => {
  const reply = source.execute(request(), ctx) as Reply;
  const field = (name: string) => embedOf(reply).fields?.find((f) => f.name === name)?.value ?? '';

  it('names the article, its date and what it says', () => {
    expect(shown(embedOf(reply).title ?? '')).toBe(article.title);
    expect(field('Published')).toBe(formatDate(article.published));
    expect(shown(embedOf(reply).description ?? '')).toBe(article.summary);
  });

  it('explains how answers are cited and how many paragraphs there are', () => {
    expect(field('How answers are cited')).toMatch(/¶N.*word for word/);
    expect(field('Paragraphs')).toBe(String(article.paragraphs.length));
    expectWithinLimits(reply);
  });
});

describe('/source paragraph', () => {
  it('shows ¶7 verbatim', () => {
    const reply = source.execute(request({ paragraph: 7 }), ctx) as Reply;
    expect(embedOf(reply).title).toBe('¶7');
    expect(shown(embedOf(reply).description ?? '')).toBe(article.paragraphs[6]?.text);
  });

  it.each([0, 99, -1])('refuses ¶%i, naming the paragraphs there are', (n) => {
    const run = () => source.execute(request({ paragraph: n }), ctx);
    expect(run).toThrow(UserFacingError);
    expect(run).toThrow(`The article has paragraphs 1 to ${article.paragraphs.length}.`);
  });
});
