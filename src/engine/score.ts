import type { Matching } from './config.js';
import type { EntryIndex, IndexedEntry } from './entryIndex.js';
import type { Terms } from './lexicon.js';

/** Question words that name what kind of answer is wanted. */
const DISCRIMINATING_ASKS = new Set(['who', 'when', 'where', 'why', 'how']);
/** "What"/"which" want a thing or a name: an entry asked only with when/where/why/how gives neither. */
const THING_ANSWERS = new Set(['what', 'which']);

/** True when the question wants a kind of answer (a time, a reason…) that the entry is never asked for. */
function asksDiffer(asked: readonly string[], entryAsks: ReadonlySet<string>): boolean {
  // A yes/no question fits an entry asked any way: the answer says yes or no and why.
  if (asked.length === 0 || asked.includes('yesno') || entryAsks.size === 0) return false;
  const specific = asked.filter((a) => DISCRIMINATING_ASKS.has(a) || a.startsWith('how '));
  if (specific.length > 0) return !specific.some((a) => entryAsks.has(a));
  return ![...entryAsks].some((a) => THING_ANSWERS.has(a));
}

/** A question's terms with their weights, and how much weight an answer must explain. */
export interface Weighed {
  weights: Map<string, number>;
  /**
   * The weight of the question's few most telling terms: an answer explaining that much weight
   * explains the question. Past those, more words (the context a long message gives before it
   * asks) should not make every answer look partial.
   */
  needed: number;
}

/** Each question term with its weight: rare terms weigh more, guessed typo fixes less. */
export function weighTerms(question: Terms, index: EntryIndex, matching: Matching): Weighed {
  const weights = new Map<string, number>();
  const unknown = new Set(question.unknown);
  for (const term of question.terms) {
    const sureness = question.unsure.get(term) ?? 1;
    const strangeness = unknown.has(term) ? matching.unknownWeight : 1;
    weights.set(term, index.weight(term) * sureness * strangeness);
  }
  const needed = [...weights.values()]
    .sort((a, b) => b - a)
    .slice(0, matching.questionTerms)
    .reduce((sum, w) => sum + w, 0);
  return { weights, needed };
}

/**
 * How well an entry answers a question, 0..1: the best of its phrasings, by how much of the
 * question it explains (recall) and how much of the phrasing the question uses (precision).
 */
export function scoreEntry(
  question: Terms,
  { weights, needed }: Weighed,
  candidate: IndexedEntry,
  index: EntryIndex,
  matching: Matching,
): number {
  if (needed === 0) return 0;
  const explained = (w: number) => Math.min(1, w / needed);

  const beta2 = matching.recallBias ** 2;
  let best = 0;
  for (const phrasing of candidate.phrasings) {
    let matched = 0;
    let matchedIdf = 0;
    for (const [term, qw] of weights) {
      if (!phrasing.terms.has(term)) continue;
      matched += qw;
      matchedIdf += index.weight(term);
    }
    if (matched === 0) continue;
    const recall = explained(matched);
    const precision = matchedIdf / index.weightOf(phrasing);
    const f = ((1 + beta2) * precision * recall) / (beta2 * precision + recall);
    // A Q&A's answer mentions much besides what it answers: a match there counts for less.
    const discount = phrasing.statement && candidate.entry.kind !== 'fact' ? matching.answerTextDiscount : 1;
    best = Math.max(best, f * discount);
  }

  let bag = 0;
  let inContext = 0;
  for (const [term, w] of weights) {
    if (candidate.askedTerms.has(term)) bag += w;
    else if (candidate.contextTerms.has(term)) inContext += w;
  }
  // The bag is the union of many phrasings, so several entries often cover a short question
  // equally; the one with a single way of asking that fits the question best is the likelier one.
  const fit = 1 - matching.phrasingFit + matching.phrasingFit * best;
  best = Math.max(best, explained(bag) * matching.bagDiscount * fit);
  // Words found only in the cited paragraph ("what city…" → "Toronto") are evidence, but weaker.
  best = Math.max(best, explained(bag + inContext * matching.contextWeight) * matching.contextDiscount);

  if (asksDiffer(question.asks, candidate.asks)) best *= matching.askMismatchPenalty;

  // The people and things a question names must be in the entry somewhere, however common they are:
  // "when will the inquiry start" is not answered by an entry that only shares the word "start".
  let named = 0;
  let namedFound = 0;
  for (const [term, w] of weights) {
    if (!term.startsWith('@') && !term.startsWith('~')) continue;
    named += w;
    if (candidate.terms.has(term)) namedFound += w;
  }
  if (named > 0) best *= Math.sqrt(namedFound / named);
  // A match on plain words alone ("tell me a JOKE") is weak: the story is about named people and things.
  if (namedFound === 0) best *= matching.plainWordsOnly;
  if (isVague(question, weights, candidate)) best *= matching.vagueQuestion;
  if (candidate.entry.kind === 'fact' && candidate.entry.origin === 'curated') best *= matching.factPrior;
  return best;
}

/**
 * One word that names no one, not even asked ("tell me a joke", "/help"), is too little to go on,
 * unless the entry is asked by that very word (a moderator's "rules" entry). "Who is johnston?"
 * asks about a name the story may hold; "released?" asks yes or no.
 */
function isVague(question: Terms, weights: Map<string, number>, candidate: IndexedEntry): boolean {
  const [term] = weights.keys();
  if (weights.size !== 1 || term === undefined || term.startsWith('@') || question.asks.length > 0)
    return false;
  return !candidate.phrasings.some((p) => !p.statement && p.terms.size === 1 && p.terms.has(term));
}
