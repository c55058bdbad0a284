import type { Database } from 'better-sqlite3';
import type { OverlayEntry, Revision } from '../store.js';
import { type OverlayRow, type RevisionRow, toOverlayEntry, toRevision } from './rows.js';

/** Prepared once per connection: the revision log and the overlay derived from it. */
export function revisionQueries(db: Database) {
  const latestRev = db.prepare<[string, string], { rev: number }>(
    'SELECT COALESCE(MAX(rev), 0) AS rev FROM revisions WHERE guild_id = ? AND entry_id = ?',
  );
  const insert = db.prepare<RevisionRow>(
    `INSERT INTO revisions (guild_id, entry_id, rev, action, before_json, after_json, actor_id, actor_name, at, note)
     VALUES (@guild_id, @entry_id, @rev, @action, @before_json, @after_json, @actor_id, @actor_name, @at, @note)`,
  );
  // SQLite fills bare columns from the row that holds MAX(rev): the latest revision per entry.
  const overlay = db.prepare<[string], OverlayRow>(
    `SELECT entry_id, MAX(rev) AS rev, after_json FROM revisions
     WHERE guild_id = ? GROUP BY entry_id ORDER BY entry_id`,
  );
  const history = db.prepare<[string, string], RevisionRow>(
    'SELECT * FROM revisions WHERE guild_id = ? AND entry_id = ? ORDER BY rev',
  );
  const since = db.prepare<[string, string, number], RevisionRow>(
    'SELECT * FROM revisions WHERE guild_id = ? AND entry_id = ? AND rev > ? ORDER BY rev',
  );
  // Nothing is ever deleted, so rowids only grow: they are the commit order, unlike clocks.
  const recent = db.prepare<[string, number], RevisionRow>(
    'SELECT * FROM revisions WHERE guild_id = ? ORDER BY rowid DESC LIMIT ?',
  );
  const all = db.prepare<[string], RevisionRow>('SELECT * FROM revisions WHERE guild_id = ? ORDER BY rowid');
  const one = db.prepare<[string, string, number], RevisionRow>(
    'SELECT * FROM revisions WHERE guild_id = ? AND entry_id = ? AND rev = ?',
  );

  return {
    latestRev: (guildId: string, entryId: string): number => latestRev.get(guildId, entryId)?.rev ?? 0,
    insert: (row: RevisionRow): void => {
      insert.run(row);
    },
    overlay: (guildId: string): OverlayEntry[] => overlay.all(guildId).map(toOverlayEntry),
    history: (guildId: string, entryId: string): Revision[] => history.all(guildId, entryId).map(toRevision),
    since: (guildId: string, entryId: string, rev: number): Revision[] =>
      since.all(guildId, entryId, rev).map(toRevision),
    recent: (guildId: string, limit: number): Revision[] => recent.all(guildId, limit).map(toRevision),
    all: (guildId: string): Revision[] => all.all(guildId).map(toRevision),
    one: (guildId: string, entryId: string, rev: number): Revision | undefined => {
      const row = one.get(guildId, entryId, rev);
      return row && toRevision(row);
    },
  };
}
