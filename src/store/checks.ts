import { findQuote } from '../knowledge/quotes.js';
import type { Article } from '../knowledge/types.js';
import type { EntryDraft } from './store.js';

/** Checks a draft against what the store cannot know by itself: returns problems, empty when fine. */
export type DraftCheck = (entryId: string, draft: EntryDraft) => string[];

/** Article citations must point at a real paragraph and quote it verbatim, as in the curated pack. */
export function articleCheck(article: Article): DraftCheck {
  const paragraphs = new Map(article.paragraphs.map((p) => [p.n, p.text]));
  return (_entryId, draft) =>
    draft.citations.flatMap((c, i) => {
      if (c.kind !== 'article') return [];
      const text = paragraphs.get(c.paragraph);
      if (text === undefined) {
        return [
          `citations #${i + 1}: paragraph ${c.paragraph} does not exist (the article has ${paragraphs.size})`,
        ];
      }
      return findQuote(text, c.quote) === null
        ? [`citations #${i + 1}: quote not found in ¶${c.paragraph}: "${c.quote}"`]
        : [];
    });
}
