import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connect } from '../../src/store/sqlite/connect.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/open.js';
import { addEntry, alice, fact, useTempDir } from './fixtures.js';

const GUILD = '900000000000000001';
// Root writes through chmod 0o555, so the read-only-directory case can only be seen as a normal user.
const runningAsRoot = process.getuid?.() === 0;

describe('opening the database', () => {
  const tmp = useTempDir();

  it('creates missing parent directories', () => {
    const store = tmp.open('data/nested/bot.db');
    store.close();

    expect(existsSync(tmp.path('data/nested/bot.db'))).toBe(true);
  });

  it('says plainly what to do when the directory cannot be created', () => {
    writeFileSync(tmp.path('a-file'), 'not a directory');
    const path = tmp.path('a-file/sub/bot.db');

    expect(() => openSqliteStore(path)).toThrow(
      new RegExp(
        `^Cannot open the database at ${path}: .*ENOTDIR.*\\. Set DATABASE_PATH to a writable file\\.$`,
      ),
    );
  });

  it.skipIf(runningAsRoot)('says plainly what to do when the directory is read-only', () => {
    const dir = tmp.path('read-only');
    tmp.open('read-only/other.db').close();
    chmodSync(dir, 0o555);
    try {
      expect(() => openSqliteStore(tmp.path('read-only/bot.db'))).toThrow(
        /^Cannot open the database at .*bot\.db: .*\. Set DATABASE_PATH to a writable file\.$/,
      );
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it.skipIf(runningAsRoot)(
    'says plainly what to do when the file is read-only, before any save fails',
    () => {
      tmp.open().close();
      chmodSync(tmp.path('bot.db'), 0o444);

      expect(() => openSqliteStore(tmp.path('bot.db'))).toThrow(
        /^Cannot open the database at .*bot\.db: attempt to write a readonly database\. Set DATABASE_PATH/,
      );
    },
  );

  it('says plainly what to do when the file is not a database', () => {
    writeFileSync(tmp.path('bot.db'), 'x'.repeat(4096));

    expect(() => openSqliteStore(tmp.path('bot.db'))).toThrow(
      /^Cannot open the database at .*Set DATABASE_PATH/,
    );
  });

  it('uses WAL, NORMAL sync, foreign keys and a 5 s busy timeout', () => {
    const db = connect(tmp.path('bot.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      db.close();
    }
  });
});

describe('migrations', () => {
  const tmp = useTempDir();

  it('are applied once, and re-opening keeps the data', () => {
    const first = tmp.open();
    addEntry(first, GUILD, 'a', fact('a'), alice);
    first.close();
    tmp.open().close();

    const reopened = tmp.open();
    const db = new Database(tmp.path('bot.db'));
    const versions = db.prepare('SELECT version FROM schema_migrations').pluck().all();
    db.close();

    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    expect(reopened.overlay(GUILD)).toHaveLength(1);
  });

  it('roll back as a whole when one fails', () => {
    const db = new Database(tmp.path('bot.db'));
    const broken = [
      ...MIGRATIONS,
      { version: 2, name: 'half done', sql: 'CREATE TABLE extra (a); SELECT no_such_function();' },
    ];
    try {
      expect(() => migrate(db, broken)).toThrow(/no_such_function/);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuse a database written by a newer version of the bot', () => {
    tmp.open().close();
    const db = new Database(tmp.path('bot.db'));
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', '2099-01-01')").run();
    db.close();

    expect(() => openSqliteStore(tmp.path('bot.db'))).toThrow(/schema version 99.*newer version/);
  });
});
