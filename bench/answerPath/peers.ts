import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Answer, Entry } from '../../src/engine/types.js';
import { isRight } from '../../src/eval/evaluate.js';
import type { EvalQuestion } from '../../src/eval/questions.js';

/** What evaluate() needs: something that answers a question. */
export interface Asker {
  ask(question: string): Answer;
}

function answerWith(question: string, entry: Entry | undefined, confidence = 0): Answer {
  const base = { question, suggestions: [], suggestionIds: [] };
  if (!entry) return { ...base, answered: false, answer: '', citations: [], confidence: 0, id: null };
  return {
    ...base,
    answered: true,
    answer: entry.answer,
    citations: entry.citations,
    confidence,
    id: entry.id,
  };
}

/** Plain Fuse.js, default options, over each entry's question/statement and phrasings: top hit answers. */
export function fusePeer(entries: readonly Entry[]): Asker {
  const fuse = new Fuse(entries, { keys: ['title', 'phrasings'] });
  return {
    ask: (question) => {
      const top = fuse.search(question, { limit: 1 })[0];
      return answerWith(question, top?.item, top ? 1 - (top.score ?? 0) : 0);
    },
  };
}

interface MiniDoc {
  id: string;
  title: string;
  phrasings: string;
  answer: string;
}

/** MiniSearch BM25 (fuzzy 0.2, prefix) over title, phrasings and answer; top hit answers if it scores ≥ minScore. */
export class MiniSearchPeer implements Asker {
  private readonly search: MiniSearch<MiniDoc>;
  private readonly byId: Map<string, Entry>;

  constructor(entries: readonly Entry[]) {
    this.byId = new Map(entries.map((e) => [e.id, e]));
    this.search = new MiniSearch<MiniDoc>({
      fields: ['title', 'phrasings', 'answer'],
      storeFields: ['id'],
      searchOptions: { fuzzy: 0.2, prefix: true },
    });
    this.search.addAll(
      entries.map((e) => ({ id: e.id, title: e.title, phrasings: e.phrasings.join('\n'), answer: e.answer })),
    );
  }

  entry(id: string): Entry | undefined {
    return this.byId.get(id);
  }

  /** The top hit's id and BM25 score, or null when nothing matches. */
  top(question: string): { id: string; score: number } | null {
    const hit = this.search.search(question)[0];
    return hit ? { id: String(hit.id), score: hit.score } : null;
  }

  ask(question: string, minScore = 0): Answer {
    const top = this.top(question);
    if (!top || top.score < minScore) return answerWith(question, undefined);
    return answerWith(question, this.byId.get(top.id), top.score);
  }

  /** The same index, declining when the top hit scores below `minScore`. */
  withThreshold(minScore: number): Asker {
    return { ask: (question) => this.ask(question, minScore) };
  }
}

/**
 * The score threshold that gets the most TUNING questions right (answered correctly, or declined
 * when it should be). Ties go to the lower threshold. Never sees the held-out set.
 */
export function pickThreshold(peer: MiniSearchPeer, tuning: readonly EvalQuestion[]): number {
  const tops = tuning.map((q) => ({ q, top: peer.top(q.q) }));
  const candidates = [0, ...new Set(tops.flatMap((t) => (t.top ? [t.top.score] : [])))].sort((a, b) => a - b);
  let best = 0;
  let bestRight = -1;
  for (const threshold of candidates) {
    let right = 0;
    for (const { q, top } of tops) {
      const entry = top && top.score >= threshold ? peer.entry(top.id) : undefined;
      if (isRight(q, answerWith(q.q, entry))) right++;
    }
    if (right > bestRight) {
      bestRight = right;
      best = threshold;
    }
  }
  return best;
}
