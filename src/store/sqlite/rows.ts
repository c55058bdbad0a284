import { draftJson } from '../drafts.js';
import type { EntryDraft, OverlayEntry, Revision, RevisionAction } from '../store.js';

/** Rows as SQLite returns them, and their domain types. */

export interface RevisionRow {
  guild_id: string;
  entry_id: string;
  rev: number;
  action: RevisionAction;
  before_json: string | null;
  after_json: string | null;
  actor_id: string;
  actor_name: string;
  at: string;
  note: string | null;
}

export interface OverlayRow {
  entry_id: string;
  rev: number;
  after_json: string | null;
}

export interface DeclinedRow {
  question: string;
  count: number;
  last_asked: string;
}

export interface VoteStatRow {
  entry_id: string;
  up: number;
  down: number;
}

const readDraft = (json: string | null): EntryDraft | null =>
  json === null ? null : (JSON.parse(json) as EntryDraft);

export function toRevision(row: RevisionRow): Revision {
  return {
    guildId: row.guild_id,
    entryId: row.entry_id,
    rev: row.rev,
    action: row.action,
    before: readDraft(row.before_json),
    after: readDraft(row.after_json),
    actor: { id: row.actor_id, name: row.actor_name },
    at: row.at,
    ...(row.note !== null ? { note: row.note } : {}),
  };
}

export function fromRevision(r: Revision): RevisionRow {
  return {
    guild_id: r.guildId,
    entry_id: r.entryId,
    rev: r.rev,
    action: r.action,
    before_json: draftJson(r.before),
    after_json: draftJson(r.after),
    actor_id: r.actor.id,
    actor_name: r.actor.name,
    at: r.at,
    note: r.note ?? null,
  };
}

export function toOverlayEntry(row: OverlayRow): OverlayEntry {
  return { entryId: row.entry_id, rev: row.rev, draft: readDraft(row.after_json) };
}
