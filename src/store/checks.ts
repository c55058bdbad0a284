import { citationProblem } from '../knowledge/quotes.js';
import type { Article } from '../knowledge/types.js';
import type { EntryDraft } from './store.js';

/** Checks a draft against what the store cannot know by itself: returns problems, empty when fine. */
export type DraftCheck = (entryId: string, draft: EntryDraft) => string[];

/** Article citations must point at a real paragraph and quote it verbatim, as in the curated pack. */
export function articleCheck(article: Article): DraftCheck {
  const paragraphs = new Map(article.paragraphs.map((p) => [p.n, p.text]));
  return (_entryId, draft) =>
    draft.citations.flatMap((c, i) => {
      const problem = c.kind === 'article' ? citationProblem(paragraphs, c) : null;
      return problem ? [`citations #${i + 1}: ${problem}`] : [];
    });
}
