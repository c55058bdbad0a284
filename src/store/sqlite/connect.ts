import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

/** Opens (creating if needed) and migrates the database file, or says plainly why it cannot. */
export function connect(path: string): Database.Database {
  const inMemory = path === ':memory:';
  if (!inMemory) {
    try {
      mkdirSync(dirname(resolve(path)), { recursive: true });
    } catch (error) {
      throw cannotOpen(path, error);
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma('busy_timeout = 5000');
    // WAL: readers never block the writer, and a commit survives the process being killed
    // (it is in the WAL file as soon as COMMIT returns). NORMAL only risks the last commits
    // on power loss, not corruption, which is the trade-off we want for a chat bot.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && !inMemory)
      throw new Error(`the journal mode stayed "${String(mode)}" instead of WAL`);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // A read-only file opens without complaint and fails only at the first save: find out now.
    // (user_version is otherwise unused: schema_migrations tracks the schema.)
    db.pragma(`user_version = ${Number(db.pragma('user_version', { simple: true }))}`);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw isAccessProblem(error) ? cannotOpen(path, error) : error;
  }
}

function cannotOpen(path: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(`Cannot open the database at ${path}: ${reason}. Set DATABASE_PATH to a writable file.`, {
    cause,
  });
}

// Errors that mean "this path is not usable", as opposed to bugs or a newer schema.
const ACCESS_CODES = [
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_PERM',
  'SQLITE_IOERR',
  'SQLITE_NOTADB',
  'SQLITE_AUTH',
];

function isAccessProblem(error: unknown): boolean {
  if (error instanceof Database.SqliteError) return ACCESS_CODES.some((code) => error.code.startsWith(code));
  return error instanceof Error && error.message.startsWith('the journal mode');
}
