import { QUESTION_WORDS, STOP_WORDS } from './stopwords.js';

/**
 * Turns what people type into plain lower-case words: accents folded ("Mélanie" = "melanie"),
 * contractions opened, Discord mentions, links, markdown and emoji dropped.
 */

const CONTRACTIONS: Record<string, string> = {
  "won't": 'will not',
  "can't": 'can not',
  "n't": ' not',
  "'re": ' are',
  "'ve": ' have',
  "'ll": ' will',
  "'d": ' would',
  "'m": ' am',
  "'s": ' is',
};
/** Contractions written without the apostrophe, as chat often does. */
const BARE_CONTRACTIONS: Record<string, string> = {
  whats: 'what is',
  whos: 'who is',
  wheres: 'where is',
  whens: 'when is',
  hows: 'how is',
  whys: 'why is',
  thats: 'that is',
  isnt: 'is not',
  wasnt: 'was not',
  didnt: 'did not',
  doesnt: 'does not',
  dont: 'do not',
  arent: 'are not',
  werent: 'were not',
  hasnt: 'has not',
  havent: 'have not',
  wont: 'will not',
  cant: 'can not',
  wouldnt: 'would not',
  couldnt: 'could not',
  shouldnt: 'should not',
  wouldve: 'would have',
  couldve: 'could have',
  shouldve: 'should have',
  theyre: 'they are',
  theyve: 'they have',
  youre: 'you are',
  hes: 'he is',
  shes: 'she is',
  im: 'i am',
  ive: 'i have',
  tryna: 'trying to',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  wat: 'what',
  wut: 'what',
  abt: 'about',
  bc: 'because',
  cuz: 'because',
  pls: 'please',
  plz: 'please',
  w: 'with',
  govt: 'government',
  gov: 'government',
  govmt: 'government',
};
const POSSESSIVE_NOUN = /(\p{L})'s\b/gu;

/** Chat idioms that add words but no topic: "why in the first place", "what happened in the end". */
const IDIOMS =
  /\b(?:good (?:morning|afternoon|evening|day|night)|in the first place|in the end|at the end of the day|in (?:this|the) (?:story|article|news)|in all (?:this|of this)|(?:talking|talked) about|by the way|or what|or not|at all|right now|these days|for real|to be honest|tbh|idk|imo|fyi)\b/g;

/** The longest question we read; the rest of a 6,000-character paste adds nothing but cost. */
export const MAX_QUESTION_CHARS = 500;

export function cleanText(input: string): string {
  return input
    .slice(0, MAX_QUESTION_CHARS * 2)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u200B-\u200F\u2060\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .toLowerCase()
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/@(?:everyone|here)\b/g, ' ')
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+/g, ' ')
    .slice(0, MAX_QUESTION_CHARS);
}

/** Words of a cleaned text, contractions expanded. "who's" and "whos" both give ["who", "is"]. */
export function words(input: string): string[] {
  let text = cleanText(input)
    // "n.d.p.", "c.s.i.s.": initials with dots are one word, as "ndp" is.
    .replace(/\b(?:\p{L}\.){2,}/gu, (initials) => initials.replaceAll('.', ''))
    // "people keep talking about": "keep" before a verb in -ing says it goes on, not that anyone is
    // kept ("keep anything secret" is still keeping).
    .replace(/\b(?:keep|keeps|kept) (?=\p{L}+ing\b)(?!\p{L}*thing\b)/gu, '')
    .replace(IDIOMS, ' ')
    // "y/n" only says a yes or a no will do, as the question's own form already does; read letter
    // by letter, its "y" would be "why".
    .replace(/\by\s*\/\s*n\b/g, ' ')
    // "let the two canadians go" is "release the two canadians", whatever stands between.
    .replace(/\blet ((?:[\p{L}'-]+ ){1,4})(?:go|free|out)\b/gu, 'release $1')
    .replace(/\bset ((?:[\p{L}'-]+ ){1,4})free\b/gu, 'release $1');
  text = text.replace(/\b(who|what|where|when|how|why|that|it|he|she|there|here)'s\b/g, '$1 is');
  for (const [from, to] of Object.entries(CONTRACTIONS)) text = text.split(from).join(to);
  text = text.replace(POSSESSIVE_NOUN, '$1');
  const out: string[] = [];
  for (const typed of text.split(/[^\p{L}\p{N}]+/u)) {
    if (typed === '') continue;
    const word = undrawn(typed);
    const expanded = BARE_CONTRACTIONS[word];
    if (expanded) out.push(...expanded.split(' '));
    else out.push(word);
  }
  return out;
}

/**
 * "sooo", "whyyy", "freeeed": a letter typed three times or more is drawn out. Squeezed to one it
 * must be a word we know as such ("so", "why"); otherwise two keep "freed" a word to match or fix.
 */
function undrawn(word: string): string {
  if (!/(\p{L})\1{2}/u.test(word)) return word;
  const one = word.replace(/(\p{L})\1{2,}/gu, '$1');
  if (STOP_WORDS.has(one) || QUESTION_WORDS.has(one) || one in BARE_CONTRACTIONS) return one;
  return word.replace(/(\p{L})\1{2,}/gu, '$1$1');
}
