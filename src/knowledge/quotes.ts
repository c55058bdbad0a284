/**
 * Quotes are verbatim, but people type straight quotes and plain hyphens where the article
 * has typographic ones. We compare on a folded form and keep the article's own characters.
 */
const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u00A0': ' ',
};

const fold = (s: string) => s.replace(/[\u2018\u2019\u201C\u201D\u2013\u2014\u00A0]/g, (c) => FOLD[c] ?? c);

/**
 * What is wrong with an article citation, or null when it points at a real paragraph and quotes it
 * verbatim. Shared by the story pack's check and the check of moderators' drafts.
 */
export function citationProblem(
  paragraphs: ReadonlyMap<number, string>,
  c: { paragraph: number; quote: string },
): string | null {
  const text = paragraphs.get(c.paragraph);
  if (text === undefined)
    return `paragraph ${c.paragraph} does not exist (the article has ${paragraphs.size})`;
  return findQuote(text, c.quote) === null ? `quote not found in ¶${c.paragraph}: "${c.quote}"` : null;
}

/** The article's own wording of `quote` inside `paragraph`, or null when it is not there verbatim. */
export function findQuote(paragraph: string, quote: string): string | null {
  const at = fold(paragraph).indexOf(fold(quote.trim()));
  return at === -1 || quote.trim() === '' ? null : paragraph.slice(at, at + quote.trim().length);
}
