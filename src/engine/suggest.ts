import Fuse from 'fuse.js';
import type { Entry } from './types.js';

/**
 * Autocomplete: curated questions that fit a half-typed one. Exact prefix first, then Fuse.js
 * over the questions and their phrasings (typos allowed), at most `limit`.
 */
export class QuestionSuggester {
  private fuse: Fuse<{ title: string; text: string }> | null = null;
  private titles: string[] = [];

  constructor(private readonly entries: () => Entry[]) {}

  /** Call when entries change; the search index is rebuilt on the next use. */
  invalidate(): void {
    this.fuse = null;
  }

  suggest(partial: string, limit = 25): string[] {
    const fuse = this.index();
    const typed = partial.trim().toLowerCase().slice(0, 100);
    if (typed === '') return this.titles.slice(0, limit);
    const out = new Set(this.titles.filter((t) => t.toLowerCase().startsWith(typed)));
    for (const hit of fuse.search(typed, { limit: limit * 3 })) out.add(hit.item.title);
    return [...out].slice(0, limit);
  }

  private index(): Fuse<{ title: string; text: string }> {
    if (this.fuse) return this.fuse;
    const qa = this.entries().filter((e) => e.kind === 'qa');
    this.titles = qa.map((e) => e.title);
    const docs = qa.flatMap((e) => [e.title, ...e.phrasings].map((text) => ({ title: e.title, text })));
    this.fuse = new Fuse(docs, { keys: ['text'], ignoreLocation: true, threshold: 0.4 });
    return this.fuse;
  }
}
