import type { Lexicon } from './lexicon.js';
import type { Entry } from './types.js';

/** One way of asking for an entry, reduced to terms. */
export interface Phrasing {
  terms: Set<string>;
  asks: Set<string>;
  /** Statements (a fact, an answer) say rather than ask: question words do not apply to them. */
  statement: boolean;
  /** The weight of all its terms, kept once weights are frozen and no longer change. */
  weight?: number;
}

export interface IndexedEntry {
  entry: Entry;
  phrasings: Phrasing[];
  /** Every term the entry knows: what the index finds it by. */
  terms: Set<string>;
  /** Terms of the ways of asking for it (for a fact, its statement too): a question may mix them. */
  askedTerms: Set<string>;
  /** Terms of the article paragraphs the entry cites: weak evidence, never used to find it. */
  contextTerms: Set<string>;
  asks: Set<string>;
}

/**
 * An inverted index from terms to entries, updated in place: adding or retiring an entry
 * touches only that entry's postings, so a moderator's change is live at once.
 */
export class EntryIndex {
  readonly entries = new Map<string, IndexedEntry>();
  private readonly postings = new Map<string, Set<string>>();

  constructor(
    private readonly lexicon: Lexicon,
    /** The text of an article paragraph, for the context of entries that cite it. */
    private readonly paragraphText: (n: number) => string | undefined = () => undefined,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  upsert(entry: Entry): void {
    this.remove(entry.id);
    for (const text of [entry.title, entry.answer, ...entry.phrasings]) this.lexicon.learn(text);
    const asked = [entry.kind === 'fact' ? null : entry.title, ...entry.phrasings].filter((t) => t !== null);
    const phrasings: Phrasing[] = [
      ...asked.map((text) => this.toPhrasing(text, false)),
      this.toPhrasing(entry.kind === 'fact' ? entry.title : entry.answer, true),
    ];
    const terms = new Set(phrasings.flatMap((p) => [...p.terms]));
    // A Q&A's answer names many things; only its questions say what it is an answer to.
    const askedTerms = new Set(
      phrasings.filter((p) => !p.statement || entry.kind === 'fact').flatMap((p) => [...p.terms]),
    );
    // A statement's own "where" or "when" does not make it an answer to that kind of question.
    const asks = new Set(phrasings.filter((p) => !p.statement).flatMap((p) => [...p.asks]));
    const cited = entry.citations.flatMap((c) =>
      c.kind === 'article' ? [this.paragraphText(c.paragraph)] : [],
    );
    const contextTerms = new Set(cited.flatMap((text) => (text ? this.lexicon.analyse(text).terms : [])));
    this.entries.set(entry.id, { entry, phrasings, terms, askedTerms, contextTerms, asks });
    for (const term of terms) {
      const ids = this.postings.get(term) ?? new Set<string>();
      this.postings.set(term, ids);
      ids.add(entry.id);
    }
  }

  remove(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    for (const term of old.terms) {
      const ids = this.postings.get(term);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(term);
    }
    this.entries.delete(id);
  }

  /** Each term's weight in the curated story, once frozen; a term it never uses weighs `unseen`. */
  private frozen: { weights: Map<string, number>; unseen: number } | undefined;

  /**
   * From now on terms weigh as they do in the entries indexed so far (the curated story). Weighed
   * against the whole base instead, ten thousand other facts would make every name in the story look
   * rare and every everyday word common: "what's the capital of canada" would read as a question
   * about Canada, and scores tuned on the story would drift with each fact a moderator adds. A story
   * with no entries has nothing to weigh against, and keeps weighing live.
   */
  freezeWeights(): void {
    if (this.entries.size === 0) return;
    const size = this.entries.size;
    this.frozen = {
      weights: new Map([...this.postings].map(([term, ids]) => [term, idf(size, ids.size)])),
      unseen: idf(size, 0),
    };
  }

  /** The weight of all a phrasing's terms: computed on every question until weights are frozen. */
  weightOf(phrasing: Phrasing): number {
    if (phrasing.weight !== undefined) return phrasing.weight;
    let sum = 0;
    for (const term of phrasing.terms) sum += this.weight(term);
    if (this.frozen) phrasing.weight = sum;
    return sum;
  }

  /** How telling a term is: rare terms say more about which entry is meant. */
  weight(term: string): number {
    if (this.frozen) return this.frozen.weights.get(term) ?? this.frozen.unseen;
    return idf(this.entries.size, this.postings.get(term)?.size ?? 0);
  }

  /** Entries sharing at least one term with the question, roughly best first, at most `limit`. */
  candidates(terms: readonly string[], limit: number): IndexedEntry[] {
    const overlap = new Map<string, number>();
    for (const term of terms) {
      const ids = this.postings.get(term);
      if (!ids) continue;
      // Rarity in the whole base, not the story: a word in thousands of entries finds too many.
      const w = idf(this.entries.size, ids.size);
      for (const id of ids) overlap.set(id, (overlap.get(id) ?? 0) + w);
    }
    return [...overlap.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id]) => this.entries.get(id) as IndexedEntry);
  }

  /** A way of asking, as terms; naming the NDP also says "party", the kind of thing it is. */
  private toPhrasing(text: string, statement: boolean): Phrasing {
    const t = this.lexicon.analyse(text);
    const kinds = t.terms.flatMap((term) => this.lexicon.kindOf(term) ?? []);
    return { terms: new Set([...t.terms, ...kinds]), asks: new Set(t.asks), statement };
  }
}

/**
 * Inverse document frequency of a term in `df` of `size` entries. A term no entry has is as telling
 * as a rare one, not more: one odd word should not sink a question.
 */
function idf(size: number, df: number): number {
  return Math.log(1 + (size + 1) / (Math.max(df, 1) + 0.5));
}
