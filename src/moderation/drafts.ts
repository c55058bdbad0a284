import { UserFacingError } from '../bot/types.js';
import { dateProblem } from '../knowledge/dates.js';
import { findQuote } from '../knowledge/quotes.js';
import type { Article, Citation } from '../knowledge/types.js';

/** A moderator's source for a fact, as typed: a paragraph of the article, or an outside page. */
export interface SourceInput {
  paragraph?: number;
  quote?: string;
  url?: string;
  title?: string;
}

export const NEEDS_SOURCE =
  'A fact needs a source: `paragraph` and `quote` from the article, or `url`, `source_title` and `quote`.';

/** The citation a source input stands for, with an article quote in the article's own characters. */
export function citationFrom(article: Article, source: SourceInput): Citation {
  const quote = source.quote?.trim() ?? '';
  if (source.paragraph !== undefined) {
    if (source.url !== undefined) throw new UserFacingError('Give either a paragraph or a url, not both.');
    const paragraph = article.paragraphs.find((p) => p.n === source.paragraph);
    if (!paragraph)
      throw new UserFacingError(`The article has paragraphs 1 to ${article.paragraphs.length}.`);
    if (quote === '') throw new UserFacingError(NEEDS_SOURCE);
    const verbatim = findQuote(paragraph.text, quote);
    if (verbatim === null)
      throw new UserFacingError(
        `quote not found in ¶${paragraph.n}: copy it word for word from the article.`,
      );
    return { kind: 'article', paragraph: paragraph.n, quote: verbatim };
  }
  if (source.url !== undefined) {
    const title = source.title?.trim() ?? '';
    if (title === '' || quote === '') throw new UserFacingError(NEEDS_SOURCE);
    if (!isHttpUrl(source.url))
      throw new UserFacingError('The source url must start with http:// or https://.');
    return { kind: 'external', url: source.url.trim(), title, quote };
  }
  throw new UserFacingError(NEEDS_SOURCE);
}

export function hasSource(source: SourceInput): boolean {
  return source.paragraph !== undefined || source.url !== undefined || source.quote !== undefined;
}

/** The statement as given, trimmed, or a UserFacingError when nothing is left. */
export function checkedStatement(statement: string): string {
  const trimmed = statement.trim();
  if (trimmed === '') throw new UserFacingError('The statement must not be empty.');
  return trimmed;
}

/** The date as given, or a UserFacingError saying why it is not a real date. */
export function checkedDate(date: string): string {
  const trimmed = date.trim();
  const problem = dateProblem(trimmed);
  if (problem) throw new UserFacingError(problem);
  return trimmed;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const SLUG_MAX = 48;

/** A readable id from a statement: "Han Dong left the Liberals" → "han-dong-left-the-liberals". */
export function slugFrom(statement: string): string {
  const words = statement
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug === '' ? words[0]?.slice(0, SLUG_MAX) || 'fact' : slug;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}
