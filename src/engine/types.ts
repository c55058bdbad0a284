import type { Citation, PartialDate } from '../knowledge/types.js';

/** Something the engine can answer with: a curated Q&A, or a fact (curated or a moderator's). */
export interface Entry {
  id: string;
  /** A gap is a question the article leaves open: matching one declines, saying what is missing. */
  kind: 'qa' | 'fact' | 'gap';
  /** Curated from the article, or added by a server's moderators (newer: preferred on a tie). */
  origin: 'curated' | 'moderator';
  /** The curated question, or the fact's statement. */
  title: string;
  answer: string;
  /** Ways of asking that should lead here (besides the title). */
  phrasings: string[];
  citations: Citation[];
  /** Facts a Q&A answer draws on: they do not compete with it. */
  related: string[];
  date?: PartialDate;
  dateNote?: string;
  event?: string;
  entities: string[];
}

export interface Answer {
  question: string;
  answered: boolean;
  answer: string;
  citations: Citation[];
  /** 0..1: how well the question matched the entry it was answered from. */
  confidence: number;
  id: string | null;
  /** Titles of other entries the question might have meant, best first. */
  suggestions: string[];
  /** The ids of those entries, in the same order (for "Did you mean…" buttons). */
  suggestionIds: string[];
  /** Whose entry answered: the curated pack, or this server's moderators. */
  origin?: 'curated' | 'moderator';
}

export interface TimelineEvent {
  id: string;
  date: PartialDate;
  /** The date as people say it, at its own precision: "December 2018". */
  when: string;
  event: string;
  statement: string;
  dateNote?: string;
  citations: Citation[];
}

export interface TimelineQuery {
  entity?: string;
  from?: PartialDate;
  to?: PartialDate;
}
