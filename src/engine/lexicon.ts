import Fuse from 'fuse.js';
import { stemmer } from 'stemmer';
import type { Entity, SynonymGroup } from '../knowledge/types.js';
import { editDistance } from './editDistance.js';
import { QUESTION_WORDS, STOP_WORDS } from './stopwords.js';
import { words } from './text.js';

/** A question or phrasing reduced to what it is about. */
export interface Terms {
  /** Content terms: `@entity`, `~synonym-group`, or a word stem. */
  terms: string[];
  /** Question words present: who, when, where… */
  asks: string[];
  /**
   * Terms the question may not literally hold (a typo's fix, what a pronoun stands for), with how
   * sure we are of each (0..1): they weigh that much less.
   */
  unsure: Map<string, number>;
  /** Terms from words that match nothing the story knows. */
  unknown: string[];
}

const MAX_PHRASE = 5;

const AUXILIARIES = new Set(
  'is are was were do does did has have had can could will would should may might'.split(' '),
);
const LEAD_INS = new Set('so ok okay hey yo and but wait um uh lol bro also then'.split(' '));

/** "did he vote for it", "so is it binding": a question that wants a yes or a no. */
function isYesNo(all: readonly string[]): boolean {
  if (all.some((w) => QUESTION_WORDS.has(w))) return false;
  const first = all.find((w) => !LEAD_INS.has(w));
  return first !== undefined && AUXILIARIES.has(first);
}

/** "what year" asks when, "what city" asks where, "how come" asks why. */
const TIME_WORDS = new Set(['year', 'date', 'day', 'month', 'time']);
const PLACE_WORDS = new Set(['city', 'country', 'place', 'province', 'town']);
const TIME_UNITS = new Set(
  'time minute minutes hour hours hrs day days week weeks month months year years'.split(' '),
);
const QUANTITY_WORDS = new Set(['many', 'much', 'old', 'long', 'big', 'often', 'far']);
function askedKind(word: string, next: string | undefined, after: string | undefined): string {
  if ((word === 'what' || word === 'which') && next !== undefined) {
    if (TIME_WORDS.has(next)) return 'when';
    if (PLACE_WORDS.has(next)) return 'where';
  }
  if (word === 'how' && next === 'come') return 'why';
  // "How many", "how old", "how long" want a number: only an entry asked that way has one.
  // "How many hours before the vote" asks how long, not how many of something.
  if (
    word === 'how' &&
    (next === 'many' || next === 'much') &&
    after !== undefined &&
    TIME_UNITS.has(after)
  ) {
    return 'how long';
  }
  if (word === 'how' && next !== undefined && QUANTITY_WORDS.has(next)) return `how ${next}`;
  return word;
}
/** Fuse score (0 exact .. 1 anything) beyond which Fuse does not offer a word as a fix. */
const TYPO_THRESHOLD = 0.4;
const MIN_TYPO_LENGTH = 5;
/** Fuse matches inside longer words ("morning" in "according"); a fix must also be this close. */
const maxEdits = (length: number) => (length >= 8 ? 2 : 1);

/**
 * Knows the story's words: entity aliases, synonym groups and every word of every entry.
 * Fuse.js finds the known word a misspelt one was meant to be ("relased" → "released").
 */
export class Lexicon {
  private readonly phrases = new Map<string, string>();
  /** Names or synonyms that read the same once stemmed ("liberated" and "liberals"): data to fix. */
  readonly clashes: string[] = [];
  private readonly known = new Set<string>();
  /** Stems of known words: "talked" is not a typo when "talk" is known. */
  private readonly knownStems = new Set<string>();
  /** How often each known word occurs, to choose between equally close fixes. */
  private readonly frequency = new Map<string, number>();
  private readonly byLength = new Map<number, Fuse<string>>();
  private readonly typoCache = new Map<string, { word: string; score: number } | null>();

  /** The term for what each entity is: `@ndp` → the term of "party". */
  private readonly kinds = new Map<string, string>();

  constructor(entities: readonly Entity[], synonyms: readonly SynonymGroup[]) {
    // Entities first: when a word is both a name and a synonym, the name wins.
    for (const e of entities) {
      for (const alias of [e.name, ...e.aliases, e.id.replace(/-/g, ' ')]) this.addPhrase(alias, `@${e.id}`);
    }
    for (const g of synonyms) for (const word of g.words) this.addPhrase(word, `~${g.id}`, false);
    for (const e of entities) {
      if (e.kind === undefined) continue;
      const kind = this.analyse(e.kind).terms[0];
      // A kind that reads as the entity itself, or as nothing, says nothing more about it.
      if (kind === undefined || kind === `@${e.id}`)
        this.clashes.push(`kind "${e.kind}" of ${e.id} reads as ${kind}`);
      else this.kinds.set(`@${e.id}`, kind);
    }
  }

  /** What a named term is, as a term: an entry naming the NDP also answers "which party". */
  kindOf(term: string): string | undefined {
    return this.kinds.get(term);
  }

  /** Teaches the lexicon the words of a text, so misspellings of them can be recognised. */
  learn(text: string): void {
    for (const word of words(text)) {
      if (STOP_WORDS.has(word) || QUESTION_WORDS.has(word)) continue;
      this.frequency.set(word, (this.frequency.get(word) ?? 0) + 1);
      if (this.known.has(word)) continue;
      this.known.add(word);
      this.knownStems.add(stemmer(word));
      if (word.length < MIN_TYPO_LENGTH - 1 || /\d/.test(word)) continue;
      let fuse = this.byLength.get(word.length);
      if (!fuse) {
        fuse = new Fuse<string>([], { includeScore: true, ignoreLocation: true, threshold: TYPO_THRESHOLD });
        this.byLength.set(word.length, fuse);
      }
      fuse.add(word);
      this.forgetFixesNear(word);
    }
  }

  analyse(text: string): Terms {
    const unsure = new Map<string, number>();
    const unknown: string[] = [];
    const asks = new Set<string>();
    const stems: { stem: string; sureness: number; word: string }[] = [];
    const all = words(text);
    if (isYesNo(all)) asks.add('yesno');
    for (const [i, raw] of all.entries()) {
      if (QUESTION_WORDS.has(raw)) {
        asks.add(askedKind(raw, all[i + 1], all[i + 2]));
        continue;
      }
      // A lone letter ("quick q:", "the u.s.") names nothing a question could be about.
      if (STOP_WORDS.has(raw) || /^\p{L}$/u.test(raw)) continue;
      let word = raw;
      let sureness = 1;
      if (!this.known.has(raw) && !this.knownStems.has(stemmer(raw))) {
        const fix = this.correct(raw);
        if (fix) {
          word = fix.word;
          sureness = 1 - fix.score;
        }
      }
      stems.push({ stem: stemmer(word), sureness, word });
    }

    const terms: string[] = [];
    for (let i = 0; i < stems.length; ) {
      let matched = false;
      for (let n = Math.min(MAX_PHRASE, stems.length - i); n >= 1; n--) {
        const slice = stems.slice(i, i + n);
        const term = this.phrases.get(slice.map((s) => s.stem).join(' '));
        if (term === undefined) continue;
        terms.push(term);
        const sureness = Math.min(...slice.map((s) => s.sureness));
        if (sureness < 1) unsure.set(term, sureness);
        i += n;
        matched = true;
        break;
      }
      if (matched) continue;
      const s = stems[i] as (typeof stems)[number];
      terms.push(s.stem);
      if (s.sureness < 1) unsure.set(s.stem, s.sureness);
      if (!this.known.has(s.word) && !this.knownStems.has(s.stem)) unknown.push(s.stem);
      i += 1;
    }
    return { terms: [...new Set(terms)], asks: [...asks], unsure, unknown };
  }

  /**
   * Names keep their meaning without their little words ("the prime minister" = "prime minister");
   * a plain phrase does not ("good for" is not "good"), so `mayShrink` is false for synonyms.
   */
  private addPhrase(phrase: string, term: string, mayShrink = true): void {
    // Its words are the story's words even when the phrase cannot stand as a term: "looking" in
    // "looking into" must not be taken for a misspelt "locking".
    this.learn(phrase);
    const all = words(phrase);
    const stems = all.filter((w) => !STOP_WORDS.has(w)).map((w) => stemmer(w));
    if (stems.length === 0) return;
    if (!mayShrink && all.length > 1 && stems.length === 1) return;
    const key = stems.join(' ');
    const owner = this.phrases.get(key);
    if (owner === undefined) this.phrases.set(key, term);
    else if (owner !== term) this.clashes.push(`"${phrase}" reads as ${owner}, not ${term}`);
  }

  /**
   * A newly known word can only change the fix of a cached word it is close to; forgetting just
   * those keeps a moderator's change from making the next question pay for the whole cache.
   */
  private forgetFixesNear(word: string): void {
    for (const cached of this.typoCache.keys()) {
      const allowed = maxEdits(cached.length);
      if (
        Math.abs(cached.length - word.length) <= allowed &&
        editDistance(cached, word, allowed) <= allowed
      ) {
        this.typoCache.delete(cached);
      }
    }
  }

  private correct(word: string): { word: string; score: number } | null {
    if (word.length < MIN_TYPO_LENGTH || /\d/.test(word)) return null;
    const cached = this.typoCache.get(word);
    if (cached !== undefined) return cached;
    let best: { word: string; score: number } | null = null;
    const allowed = maxEdits(word.length);
    for (let length = word.length - allowed; length <= word.length + allowed; length++) {
      for (const hit of this.byLength.get(length)?.search(word, { limit: 5 }) ?? []) {
        const edits = editDistance(word, hit.item, allowed);
        if (edits > allowed) continue;
        const score = edits / word.length;
        // Equally close: the word the story uses more is the likelier intent ("relased" → released, not related).
        const better =
          best === null ||
          score < best.score ||
          (score === best.score &&
            (this.frequency.get(hit.item) ?? 0) > (this.frequency.get(best.word) ?? 0));
        if (better) best = { word: hit.item, score };
      }
    }
    if (this.typoCache.size > 5000) this.typoCache.clear();
    this.typoCache.set(word, best);
    return best;
  }
}
