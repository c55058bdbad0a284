/**
 * The matcher's knobs in one place. Tuned on the tuning sets (data/eval/tuning*.yaml); the
 * development set's totals chose between changes; the held-out set only measures. See README.
 */
export const MATCHING: Matching = Object.freeze({
  /** Below this an entry is not taken as the answer. */
  minConfidence: 0.45,
  /** The best entry must beat the runner-up by this much… */
  minMargin: 0.02,
  /** …unless it is this sure, in which case the runner-up becomes a suggestion. */
  sureConfidence: 0.55,
  /** How much more recall counts than precision in a phrasing's match (F-beta). */
  recallBias: 1,
  /** An answer must explain as much weight as this many of the question's most telling terms carry. */
  questionTerms: 5,
  /** A phrasing matched only as a bag of all an entry's words counts for less than one phrasing. */
  bagDiscount: 0.85,
  /** How much of a bag match rests on the best single phrasing's fit, to part entries the bag ties. */
  phrasingFit: 0.1,
  /**
   * How much a word the story never uses counts against a match, relative to a rare story word.
   * High: "how OLD is meng" must not be answered by "who is meng". Low: "what COMPANY does meng
   * work for" should be.
   */
  unknownWeight: 1,
  /** A match on a Q&A's answer text rather than on a way of asking it. */
  answerTextDiscount: 0.8,
  /** Asking "when" of an entry that answers "who" is a different question. */
  askMismatchPenalty: 0.5,
  /** A fact's statement is an answer, not a question: a curated Q&A is preferred on a tie. */
  factPrior: 0.92,
  /** A match that needs the cited paragraph's words counts for at most this… */
  contextDiscount: 0.6,
  /** …and each word found only there for this much of a word found in the entry. */
  contextWeight: 0.7,
  /** A match sharing no name or story concept with the question counts for this much. */
  plainWordsOnly: 0.7,
  /** A question of one plain word counts for this much more: too vague to answer outright. */
  vagueQuestion: 0.6,
  /** How much the previous answer's names count in a follow-up ("did he…"), against a named one. */
  followUpWeight: 0.5,
  /** A gap outranks a real answer only by more than this… */
  gapYield: 0.15,
  /** …unless the gap matches this well: then the question is the gap's own, short of an exact tie. */
  gapKeepAbove: 0.95,
  /** Entries scored in full after the cheap overlap pass. */
  candidateLimit: 20,
  /** Suggestions offered as "Did you mean…". */
  maxSuggestions: 3,
  suggestionFloor: 0.35,
  /** Beside an answer, suggestions must score within this of it. */
  suggestionSpread: 0.2,
});

export interface Matching {
  minConfidence: number;
  minMargin: number;
  sureConfidence: number;
  recallBias: number;
  questionTerms: number;
  bagDiscount: number;
  phrasingFit: number;
  answerTextDiscount: number;
  unknownWeight: number;
  askMismatchPenalty: number;
  factPrior: number;
  gapYield: number;
  gapKeepAbove: number;
  followUpWeight: number;
  plainWordsOnly: number;
  vagueQuestion: number;
  contextDiscount: number;
  contextWeight: number;
  candidateLimit: number;
  maxSuggestions: number;
  suggestionFloor: number;
  suggestionSpread: number;
}
