import type { Entry } from '../engine/types.js';
import type { Citation } from '../knowledge/types.js';
import type { EntryDraft } from './store.js';

/** The same draft always serialises the same way, so equality is a string comparison. */
export function canonicalDraft(draft: EntryDraft): EntryDraft {
  return {
    kind: draft.kind,
    ...(draft.question !== undefined ? { question: draft.question } : {}),
    text: draft.text,
    ...(draft.date !== undefined ? { date: draft.date } : {}),
    ...(draft.dateNote !== undefined ? { dateNote: draft.dateNote } : {}),
    ...(draft.event !== undefined ? { event: draft.event } : {}),
    phrasings: [...draft.phrasings],
    citations: draft.citations.map(canonicalCitation),
    entities: [...draft.entities],
  };
}

function canonicalCitation(c: Citation): Citation {
  return c.kind === 'article'
    ? { kind: 'article', paragraph: c.paragraph, quote: c.quote }
    : { kind: 'external', url: c.url, title: c.title, quote: c.quote };
}

export function draftJson(draft: EntryDraft | null): string | null {
  return draft === null ? null : JSON.stringify(canonicalDraft(draft));
}

/** Equal content; two retirements (null) are equal too. */
export function sameDraft(a: EntryDraft | null, b: EntryDraft | null): boolean {
  return draftJson(a) === draftJson(b);
}

/** What a moderator edits, starting from what the engine answers with (e.g. a curated entry). */
export function draftFromEntry(entry: Entry): EntryDraft {
  return canonicalDraft({
    kind: entry.kind,
    ...(entry.kind !== 'fact' ? { question: entry.title } : {}),
    text: entry.answer,
    date: entry.date,
    dateNote: entry.dateNote,
    event: entry.event,
    phrasings: entry.phrasings,
    citations: entry.citations,
    entities: entry.entities,
  });
}

/**
 * What the engine answers with, from a stored draft. Drafts do not hold a Q&A's related facts,
 * so the caller passes the curated ones along (or none for a moderator's own entry).
 */
export function entryFromDraft(id: string, draft: EntryDraft, related: string[] = []): Entry {
  return {
    id,
    kind: draft.kind,
    // A server's version of an entry is its moderators' word, even when it began as curated.
    origin: 'moderator',
    title: draft.kind !== 'fact' ? (draft.question ?? draft.text) : draft.text,
    answer: draft.text,
    phrasings: [...draft.phrasings],
    citations: [...draft.citations],
    related,
    ...(draft.date !== undefined ? { date: draft.date } : {}),
    ...(draft.dateNote !== undefined ? { dateNote: draft.dateNote } : {}),
    ...(draft.event !== undefined ? { event: draft.event } : {}),
    entities: [...draft.entities],
  };
}
