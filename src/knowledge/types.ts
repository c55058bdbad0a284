/** The domain of one story: what the article says and what we curated from it. */

/** A partial ISO date: `2018`, `2018-12` or `2023-03-23`. */
export type PartialDate = string;

/** Where an answer comes from: an article paragraph, or an outside source a moderator named. */
export type Citation =
  | { kind: 'article'; paragraph: number; quote: string }
  | { kind: 'external'; url: string; title: string; quote: string };

export interface Paragraph {
  /** 1-based, in article order. */
  n: number;
  text: string;
}

export interface Article {
  title: string;
  published: PartialDate;
  source: string;
  summary: string;
  paragraphs: Paragraph[];
}

/** One atomic statement the article supports. Dated facts are the timeline. */
export interface Fact {
  id: string;
  statement: string;
  date?: PartialDate;
  /** How the date was read from the article, e.g. "Thursday" before a Friday publication. */
  dateNote?: string;
  /** Short label for the timeline, e.g. "Parliament approves the motion". */
  event?: string;
  entities: string[];
  citations: Citation[];
  /** Extra ways a reader might ask for this fact. */
  phrasings: string[];
}

/** A curated question with its chat-sized answer. */
export interface QaEntry {
  id: string;
  question: string;
  phrasings: string[];
  answer: string;
  citations: Citation[];
  facts: string[];
}

/**
 * A question readers ask that the article leaves open ("how many votes did it get?"). Matching
 * it lets the bot say precisely what the article does not say, instead of a near-miss answer.
 */
export interface Gap {
  id: string;
  question: string;
  phrasings: string[];
  /** What the article does not say, and what it does say instead. */
  answer: string;
  /** Where the article comes closest. */
  citations: Citation[];
}

/** Names that mean one thing in the story: NDP / NPD / New Democrats. */
export interface Entity {
  id: string;
  name: string;
  /** What the entity is ("party", "company"): "what party…" is answered by an entry naming one. */
  kind?: string | undefined;
  aliases: string[];
}

/** Plain-English words that mean the same here: freed / released. */
export interface SynonymGroup {
  id: string;
  words: string[];
}

export interface Story {
  id: string;
  article: Article;
  facts: Fact[];
  qa: QaEntry[];
  gaps: Gap[];
  entities: Entity[];
  synonyms: SynonymGroup[];
}
