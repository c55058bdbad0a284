import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { openSqliteStore, type SqliteStoreOptions } from '../../src/store/sqlite/open.js';
import type { Actor, EntryDraft, KnowledgeStore } from '../../src/store/store.js';

export const alice: Actor = { id: '100000000000000001', name: 'Alice' };
export const bob: Actor = { id: '100000000000000002', name: 'Bob' };

/** The first revision of an entry: `added` by `actor`, from nothing. */
export function addEntry(
  store: KnowledgeStore,
  guildId: string,
  entryId: string,
  after: EntryDraft,
  actor: Actor,
) {
  return store.record({ guildId, entryId, action: 'add', before: null, after, actor });
}

export function fact(text: string, extra: Partial<EntryDraft> = {}): EntryDraft {
  return {
    kind: 'fact',
    text,
    phrasings: [],
    citations: [{ kind: 'article', paragraph: 1, quote: 'the quote' }],
    entities: [],
    ...extra,
  };
}

export function qa(question: string, answer: string): EntryDraft {
  return { ...fact(answer), kind: 'qa', question };
}

/** A fresh temp folder per test, and every store opened in it closed before it is removed. */
export function useTempDir() {
  let dir = '';
  const stores: KnowledgeStore[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-test-'));
  });
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    path: (...parts: string[]) => join(dir, ...parts),
    open(name = 'bot.db', options?: SqliteStoreOptions): KnowledgeStore {
      const store = openSqliteStore(join(dir, name), options);
      stores.push(store);
      return store;
    },
  };
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs test/store/child.ts in a new Node process (TypeScript through tsx). */
export function spawnChild(...args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Runs the child to completion and returns what it printed. */
export function runChild(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnChild(...args);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}
