import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Append only: a released migration is never edited, a change is a new version. Each runs once,
 * in order, inside the same transaction that records it in schema_migrations.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      -- Every moderator change, never updated or deleted. The rowid is the commit order.
      CREATE TABLE revisions (
        guild_id    TEXT    NOT NULL,
        entry_id    TEXT    NOT NULL,
        rev         INTEGER NOT NULL CHECK (rev >= 1),
        action      TEXT    NOT NULL CHECK (action IN ('add', 'edit', 'retire', 'revert', 'teach', 'import')),
        before_json TEXT    CHECK (before_json IS NULL OR json_valid(before_json)),
        after_json  TEXT    CHECK (after_json IS NULL OR json_valid(after_json)),
        actor_id    TEXT    NOT NULL,
        actor_name  TEXT    NOT NULL,
        at          TEXT    NOT NULL,
        note        TEXT,
        PRIMARY KEY (guild_id, entry_id, rev)
      );
      CREATE INDEX revisions_by_guild ON revisions (guild_id);

      -- Questions the bot could not answer: a to-do list for moderators, so dismissing deletes.
      CREATE TABLE declined_questions (
        guild_id   TEXT    NOT NULL,
        question   TEXT    NOT NULL,
        count      INTEGER NOT NULL CHECK (count >= 1),
        last_asked TEXT    NOT NULL,
        PRIMARY KEY (guild_id, question)
      );

      CREATE TABLE votes (
        guild_id TEXT    NOT NULL,
        entry_id TEXT    NOT NULL,
        user_id  TEXT    NOT NULL,
        value    INTEGER NOT NULL CHECK (value IN (1, -1)),
        at       TEXT    NOT NULL,
        PRIMARY KEY (guild_id, entry_id, user_id)
      );
    `,
  },
];

/** Brings the schema up to date. Safe to call on every open, from several processes at once. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): void {
  // IMMEDIATE: two processes opening a fresh file must not both apply version 1.
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map(
        (r) => r.version,
      ),
    );
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) {
      throw new Error(
        `The database has schema version ${newest} but this bot only knows up to ${known}: it was written by a newer version.`,
      );
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
  }).immediate();
}
