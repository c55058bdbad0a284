import Database from 'better-sqlite3';
import type { DraftCheck } from '../checks.js';
import { canonicalDraft } from '../drafts.js';
import { planImport, validateImport } from '../importPlan.js';
import { parseDraft } from '../schema.js';
import {
  type Actor,
  DraftError,
  type EntryDraft,
  type ImportOptions,
  type ImportPlan,
  type KnowledgeStore,
  type RecordChange,
  type Revision,
  StaleEditError,
} from '../store.js';
import { connect } from './connect.js';
import { feedbackQueries } from './feedback.js';
import { revisionQueries } from './revisions.js';
import { fromRevision } from './rows.js';

export interface SqliteStoreOptions {
  /** Extra checks on every draft written, by record and import (e.g. articleCheck(story.article)). */
  check?: DraftCheck;
  /** The clock, for tests. */
  now?: () => Date;
}

// Longer questions are pasted text, not questions; the log keeps their start.
const MAX_DECLINED_LENGTH = 300;

/** A KnowledgeStore in one SQLite file, shared safely by several processes. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): KnowledgeStore {
  const db = connect(path);
  const revisions = revisionQueries(db);
  const feedback = feedbackQueries(db);
  const now = options.now ?? (() => new Date());

  const append = (revision: Revision): Revision => {
    revisions.insert(fromRevision(revision));
    return revision;
  };

  /** The change was based on a revision that is no longer the latest: say who changed what since. */
  const stale = ({ guildId, entryId, baseRev = 0 }: RecordChange) =>
    new StaleEditError(
      entryId,
      baseRev,
      revisions.latestRev(guildId, entryId),
      revisions.since(guildId, entryId, baseRev),
    );

  // Read-check-insert under a write lock taken up front (BEGIN IMMEDIATE), so two processes saving
  // the same entry from the same base cannot both pass the check; the primary key is the backstop.
  const recordTx = db.transaction((change: RecordChange, after: EntryDraft | null): Revision => {
    const { guildId, entryId } = change;
    const base = change.baseRev ?? 0;
    const current = revisions.latestRev(guildId, entryId);
    if (current !== base) throw stale(change);
    return append({
      guildId,
      entryId,
      rev: current + 1,
      action: change.action,
      before: change.before && canonicalDraft(change.before),
      after,
      actor: { id: change.actor.id, name: change.actor.name },
      at: now().toISOString(),
      ...(change.note !== undefined ? { note: change.note } : {}),
    });
  });

  const importTx = db.transaction(
    (
      guildId: string,
      data: ReturnType<typeof validateImport>,
      actor: Actor,
      options: ImportOptions,
    ): ImportPlan => {
      const { plan, writes } = planImport(data, revisions.overlay(guildId), options.curated);
      if (options.dryRun) return plan;
      const at = now().toISOString();
      for (const write of writes) {
        append({
          guildId,
          entryId: write.entryId,
          rev: revisions.latestRev(guildId, write.entryId) + 1,
          action: 'import',
          before: write.before,
          after: write.after,
          actor: { id: actor.id, name: actor.name },
          at,
          note: `imported from guild ${data.guildId} (exported ${data.exportedAt})`,
        });
      }
      return plan;
    },
  );

  // One snapshot, so the overlay and the history agree even while another process writes.
  const exportTx = db.transaction((guildId: string) => ({
    format: 1 as const,
    guildId,
    exportedAt: now().toISOString(),
    entries: revisions.overlay(guildId),
    revisions: revisions.all(guildId),
  }));

  return {
    overlay: (guildId) => revisions.overlay(guildId),

    record(change) {
      requireId('guildId', change.guildId);
      requireId('entryId', change.entryId);
      const after = change.after === null ? null : parseDraft(change.entryId, change.after);
      const misfit = actionMisfit(change.action, after);
      if (misfit) throw new DraftError(change.entryId, [misfit]);
      const problems = after && options.check ? options.check(change.entryId, after) : [];
      if (problems.length > 0) throw new DraftError(change.entryId, problems);
      try {
        return recordTx.immediate(change, after);
      } catch (error) {
        // A writer outside this code (another version of the bot) may still have got in first.
        if (!isPrimaryKeyClash(error)) throw error;
        throw stale(change);
      }
    },

    history: (guildId, entryId) => revisions.history(guildId, entryId),
    recentChanges: (guildId, limit) => revisions.recent(guildId, count(limit)),
    revision: (guildId, entryId, rev) => revisions.one(guildId, entryId, rev),

    logDeclined(guildId, normalized, at = now()) {
      const question = normalized.trim().slice(0, MAX_DECLINED_LENGTH);
      if (question === '') return;
      feedback.logDeclined(guildId, question, at.toISOString());
    },
    topDeclined: (guildId, limit) => feedback.topDeclined(guildId, count(limit)),
    dismissDeclined: (guildId, normalized) => feedback.dismissDeclined(guildId, normalized.trim()),

    vote(guildId, entryId, userId, value) {
      if (value !== 1 && value !== -1) throw new RangeError(`A vote is 1 or -1, not ${String(value)}`);
      feedback.vote(guildId, entryId, userId, value, now().toISOString());
    },
    voteStats: (guildId, limit) => feedback.voteStats(guildId, count(limit)),

    exportGuild: (guildId) => exportTx.deferred(guildId),

    importGuild(guildId, data, actor, importOptions) {
      requireId('guildId', guildId);
      const parsed = validateImport(data, options.check);
      return importOptions.dryRun
        ? importTx.deferred(guildId, parsed, actor, importOptions)
        : importTx.immediate(guildId, parsed, actor, importOptions);
    },

    close() {
      if (db.open) db.close();
    },
  };
}

/** Why this action cannot carry this `after`, or null when it fits. */
function actionMisfit(action: Revision['action'], after: EntryDraft | null): string | null {
  if (action === 'retire')
    return after === null ? null : 'a retirement has no new content: pass after = null';
  if (after === null && action !== 'revert' && action !== 'import') {
    return `"${action}" needs the entry's new content; to take it down, retire it`;
  }
  return null;
}

function requireId(name: string, value: string): void {
  if (typeof value !== 'string' || value.trim() === '')
    throw new TypeError(`${name} must be a non-empty string`);
}

// SQLite reads a negative LIMIT as "no limit"; a caller asking for -1 items means none.
const count = (limit: number) => Math.max(0, Math.floor(limit));

function isPrimaryKeyClash(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
