import type { Story } from '../knowledge/types.js';
import { type AskOptions, ask } from './ask.js';
import { MATCHING, type Matching } from './config.js';
import { storyEntries } from './entries.js';
import { EntryIndex } from './entryIndex.js';
import { Lexicon } from './lexicon.js';
import { QuestionSuggester } from './suggest.js';
import { timeline } from './timeline.js';
import type { Answer, Entry, TimelineEvent, TimelineQuery } from './types.js';

/**
 * The answer engine for one story (and, in the bot, one server's view of it). Pure: no I/O,
 * no Discord. Indexes are built once here and updated in place by upsert/retire.
 */
export interface Engine {
  /** `follows`: the entry the asker's previous answer came from, so "did he…" can be followed. */
  ask(question: string, options?: AskOptions): Answer;
  timeline(query?: TimelineQuery): TimelineEvent[];
  /** Curated questions that fit what someone has typed so far, for autocomplete. */
  suggest(partial: string, limit?: number): string[];
  entry(id: string): Entry | undefined;
  entries(): Entry[];
  /** Adds or replaces an entry; the next question sees it. */
  upsert(entry: Entry): void;
  retire(id: string): void;
}

export function createEngine(
  story: Story,
  extra: readonly Entry[] = [],
  matching: Matching = MATCHING,
): Engine {
  const lexicon = new Lexicon(story.entities, story.synonyms);
  const paragraphs = new Map(story.article.paragraphs.map((p) => [p.n, p.text]));
  const index = new EntryIndex(lexicon, (n) => paragraphs.get(n));
  for (const entry of storyEntries(story)) index.upsert(entry);
  // Terms weigh as they do in the curated story, however many entries join it (see freezeWeights).
  index.freezeWeights();
  for (const entry of extra) index.upsert(entry);
  const coverage = `It covers: ${story.article.summary}`;
  const suggester = new QuestionSuggester(allEntries);

  return {
    ask: (question, options) => ask(question, { index, lexicon, coverage, matching }, options),
    timeline: (query = {}) => timeline(allEntries(), query, lexicon),
    suggest: (partial, limit = 25) => suggester.suggest(partial, limit),
    entry: (id) => index.entries.get(id)?.entry,
    entries: allEntries,
    upsert: (entry) => {
      index.upsert(entry);
      suggester.invalidate();
    },
    retire: (id) => {
      index.remove(id);
      suggester.invalidate();
    },
  };

  function allEntries(): Entry[] {
    return [...index.entries.values()].map((e) => e.entry);
  }
}
