import type { Matching } from './config.js';
import type { EntryIndex, IndexedEntry } from './entryIndex.js';
import type { Lexicon } from './lexicon.js';
import { scoreEntry, weighTerms } from './score.js';
import { cleanText, words } from './text.js';
import type { Answer, Entry } from './types.js';

export interface AskContext {
  index: EntryIndex;
  lexicon: Lexicon;
  /** What the article covers, said when a question is not answered. */
  coverage: string;
  matching: Matching;
}

interface Ranked {
  candidate: IndexedEntry;
  score: number;
}

/** "who is han dong and when were they released?" holds two questions; each is tried alone too. */
const QUESTION_BREAK =
  /[?!;\n]+|(?<!\b(?:mr|mrs|ms|dr|st|prof|sen|gen|jr|sr))\.\s+|,?\s+\b(?:and|also|plus|but)\s+(?=(?:who|what|when|where|why|how|which|is|was|are|were|did|does|do|has|had|can|will)\b)/;

/** "did he vote for it", right after an answer about Han Dong, is about Han Dong. */
const PRONOUN = /\b(?:he|him|his|she|her|hers|they|them|their|it|its)\b/;

/** What a follow-up's pronoun can stand for: the people and things the previous answer was about. */
function namedIn(entry: IndexedEntry | undefined): string[] {
  if (!entry) return [];
  // The entry's own question (or a fact's statement) names its subject; other phrasings wander.
  const own = [...(entry.phrasings[0]?.terms ?? [])].filter((t) => t.startsWith('@'));
  return [...new Set([...own, ...entry.entry.entities.map((e) => `@${e}`)])];
}

export interface AskOptions {
  /** The entry the asker's previous answer came from, for follow-ups with pronouns. */
  follows?: string;
}

export function ask(question: string, ctx: AskContext, options: AskOptions = {}): Answer {
  const base = { question, citations: [], confidence: 0, id: null };
  const text = cleanText(question).trim();
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return {
      ...base,
      answered: false,
      answer: `Ask me something about the article. ${ctx.coverage}`,
      suggestions: [],
      suggestionIds: [],
    };
  }

  // A part counts on its own only when it is itself a question, not a fragment of a longer one.
  const parts = [text, ...text.split(QUESTION_BREAK).filter((p) => p && p !== text && isQuestion(p))];
  // Tested on the words, so "hes" and "theyre" point back as "he's" and "they're" do.
  const earlier = PRONOUN.test(words(text).join(' '))
    ? namedIn(ctx.index.entries.get(options.follows ?? ''))
    : [];
  const rankings = [...new Set(parts)].map((part) => rank(part, ctx, earlier, part === text));
  rankings.sort((a, b) => (b[0]?.score ?? 0) - (a[0]?.score ?? 0));
  const ranked = preferAnswers(
    answerablePart(rankings, ctx.matching) ?? [],
    ctx.matching.gapYield,
    ctx.matching.gapKeepAbove,
  );
  const [top, second] = ranked;
  const matched = clearsGate(ranked, ctx.matching);

  // Other parts of a two-part question, and near rivals, become "Did you mean…" (gaps answer nothing).
  const others = [...rankings.slice(1).map((r) => r[0]), second, ...ranked.slice(2)]
    .filter((r): r is Ranked => r !== undefined && r.score >= ctx.matching.suggestionFloor)
    .filter((r) => r.candidate.entry.kind !== 'gap')
    .filter((r) => !matched || r.candidate !== top?.candidate)
    // With an answer given, only entries nearly as good are worth a "Did you mean…".
    .filter((r) => !matched || r.score >= (top?.score ?? 0) - ctx.matching.suggestionSpread)
    .filter((r) => !matched || !top?.candidate.entry.related.includes(r.candidate.entry.id))
    .sort((a, b) => b.score - a.score);
  const offered = [...new Map(others.map((r) => [r.candidate.entry.id, r.candidate.entry])).values()].slice(
    0,
    ctx.matching.maxSuggestions,
  );
  const suggestions = offered.map((e) => e.title);
  const suggestionIds = offered.map((e) => e.id);

  if (!matched || top === undefined) {
    return {
      ...base,
      answered: false,
      confidence: round(top?.score ?? 0),
      answer: `The article doesn't answer that. ${ctx.coverage}`,
      suggestions,
      suggestionIds,
    };
  }
  const { entry } = top.candidate;
  if (entry.kind === 'gap') {
    // A question the article leaves open: say exactly what is missing, and what it does say.
    return {
      ...base,
      answered: false,
      confidence: round(top.score),
      answer: entry.answer,
      citations: entry.citations,
      suggestions,
      suggestionIds,
    };
  }
  return {
    question,
    answered: true,
    answer: entry.answer,
    citations: entry.citations,
    confidence: round(top.score),
    id: entry.id,
    suggestions,
    suggestionIds,
    origin: entry.origin,
  };
}

/**
 * The best entry is the answer when it clears the minimum confidence and beats its first true
 * rival by a margin, or is sure. A fact the top Q&A draws on says the same thing: it is no rival.
 * Once a real answer is preferred over a gap, the gap is no rival either; nor is an entry resting
 * on the same quote, which can only say the same thing.
 */
function clearsGate(ranked: readonly Ranked[], matching: Matching): boolean {
  const [top] = ranked;
  if (top === undefined || top.score < matching.minConfidence) return false;
  const rival = ranked.find(
    (r) =>
      r !== top &&
      !top.candidate.entry.related.includes(r.candidate.entry.id) &&
      !sameEvidence(top.candidate.entry, r.candidate.entry) &&
      !(r.candidate.entry.kind === 'gap' && top.candidate.entry.kind !== 'gap'),
  );
  return top.score - (rival?.score ?? 0) >= matching.minMargin || top.score >= matching.sureConfidence;
}

/**
 * "how many MPs backed it? which party tabled the motion?": when only a gap fits the best-scoring
 * part and the article answers another part, that part is the one to answer. A part that would
 * not clear the gate anyway leaves the gap to say what the article does not say.
 */
function answerablePart(rankings: Ranked[][], matching: Matching): Ranked[] | undefined {
  const [first] = rankings;
  if (first?.[0]?.candidate.entry.kind !== 'gap') return first;
  return rankings.find((r) => r[0]?.candidate.entry.kind !== 'gap' && clearsGate(r, matching)) ?? first;
}

/**
 * A gap ("the article doesn't say…") wins only clearly: when a real answer scores nearly as well,
 * the question is more likely one the article answers, in words the gap happens to share.
 */
function preferAnswers(ranked: Ranked[], yieldBy: number, keepAbove: number): Ranked[] {
  const [top] = ranked;
  if (top?.candidate.entry.kind !== 'gap') return ranked;
  // A question asked just as the gap is asked keeps the gap ("how many MPs voted for it"), unless
  // it is asked just as well for an answer: "han dong denied it?" is answered, not declined.
  const within = top.score >= keepAbove ? TIE : yieldBy;
  const answer = ranked.find((r) => r.candidate.entry.kind !== 'gap' && r.score >= top.score - within);
  return answer ? [answer, ...ranked.filter((r) => r !== answer)] : ranked;
}

function rank(text: string, ctx: AskContext, earlier: readonly string[] = [], whole = true): Ranked[] {
  const terms = ctx.lexicon.analyse(text);
  // A part naming nothing from the story that asks no more than yes or no ("…? is that true?")
  // leans on the rest of the message; "who presented it?" is still a question of its own.
  const leans = terms.asks.length === 0 || (terms.asks.length === 1 && terms.asks[0] === 'yesno');
  if (!whole && leans && !terms.terms.some((t) => t.startsWith('@') || t.startsWith('~'))) return [];
  // A pronoun with no name beside it points back at what the previous answer was about.
  if (earlier.length > 0 && !terms.terms.some((t) => t.startsWith('@'))) {
    for (const term of earlier) {
      if (terms.terms.includes(term)) continue;
      terms.terms.push(term);
      terms.unsure.set(term, ctx.matching.followUpWeight);
    }
  }
  if (terms.terms.length === 0) return [];
  const weighed = weighTerms(terms, ctx.index, ctx.matching);
  return ctx.index
    .candidates(terms.terms, ctx.matching.candidateLimit)
    .map((candidate) => ({
      candidate,
      score: scoreEntry(terms, weighed, candidate, ctx.index, ctx.matching),
      titleFit: titleFit(candidate, weighed.weights),
    }))
    .sort((a, b) => b.score - a.score || originRank(a) - originRank(b) || b.titleFit - a.titleFit)
    .map(({ candidate, score }) => ({ candidate, score }));
}

/**
 * On a tie, the entry whose own question the words fit best: "joly?" is "Who is Mélanie Joly?"
 * more than "What did Mélanie Joly say?", which has words the question lacks.
 */
function titleFit(candidate: IndexedEntry, weights: Map<string, number>): number {
  const title = candidate.phrasings[0];
  if (!title || title.terms.size === 0) return 0;
  let shared = 0;
  for (const term of title.terms) if (weights.has(term)) shared += 1;
  return shared / title.terms.size;
}

/** Two entries citing the same words of the same paragraph. */
function sameEvidence(a: Entry, b: Entry): boolean {
  return a.citations.some((ca) =>
    b.citations.some(
      (cb) =>
        ca.kind === 'article' &&
        cb.kind === 'article' &&
        ca.paragraph === cb.paragraph &&
        (ca.quote.includes(cb.quote) || cb.quote.includes(ca.quote)),
    ),
  );
}

const QUESTION_START =
  /^\W*(?:(?:so|ok|okay|and|also|but|then|plus|hey|yo)\s+)*(?:who|what|when|where|why|how|which|whats|whos|is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b/;

const isQuestion = (part: string) => QUESTION_START.test(part.trim());

/** On a tie a moderator's entry wins: it is the newer word on the story. */
const originRank = (r: Ranked) => (r.candidate.entry.origin === 'moderator' ? 0 : 1);

/** Scores this close are the same score. */
const TIE = 1e-6;

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;
