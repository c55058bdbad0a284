import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addEntry, alice, fact, qa, runChild, spawnChild, useTempDir } from './fixtures.js';

const GUILD = '900000000000000001';

describe('after a restart', () => {
  const tmp = useTempDir();

  it('a new process sees every change', async () => {
    const store = tmp.open();
    addEntry(store, GUILD, 'a', fact('a'), alice);
    store.record({
      guildId: GUILD,
      entryId: 'b',
      action: 'teach',
      before: null,
      after: qa('Q?', 'A.'),
      actor: alice,
    });
    store.record({
      guildId: GUILD,
      entryId: 'a',
      action: 'retire',
      before: fact('a'),
      after: null,
      actor: alice,
      baseRev: 1,
    });
    const overlay = store.overlay(GUILD);
    store.close();

    const printed = await runChild('overlay', tmp.path('bot.db'), GUILD);

    expect(JSON.parse(printed)).toEqual(overlay);
  });
});

describe('when the process is killed with SIGKILL while writing', () => {
  const tmp = useTempDir();

  it('keeps every committed revision, whole, in a database that passes its integrity check', async () => {
    const path = tmp.path('bot.db');
    const child = spawnChild('record-loop', path, GUILD, 'hot');
    const printed: number[] = [];
    let partial = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        // Only whole lines count: the child prints a rev after its commit returned.
        partial = lines.pop() ?? '';
        printed.push(...lines.map(Number));
        if (printed.length >= 200 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without being killed: ${stderr}`)),
      );
    });

    const raw = new Database(path);
    const integrity = raw.pragma('integrity_check', { simple: true });
    const rows = raw
      .prepare("SELECT rev, before_json, after_json FROM revisions WHERE entry_id = 'hot' ORDER BY rev")
      .all() as { rev: number; before_json: string | null; after_json: string }[];
    raw.close();

    expect(integrity).toBe('ok');
    expect(rows.length).toBeGreaterThanOrEqual(printed.length);
    expect(rows.map((r) => r.rev)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) {
      expect(JSON.parse(row.after_json).text).toContain(`version ${row.rev}`);
      if (row.before_json !== null) expect(JSON.parse(row.before_json).kind).toBe('fact');
    }
    const store = tmp.open();
    expect(store.history(GUILD, 'hot').map((r) => r.rev)).toEqual(expect.arrayContaining(printed));
  });
});

describe('when several processes save the same entry at once', () => {
  const tmp = useTempDir();

  it('exactly one wins and the others are told who did', async () => {
    const path = tmp.path('bot.db');
    tmp.open().close(); // created and migrated up front, so the race is only about the edit
    const names = ['Ann', 'Ben', 'Cat', 'Dan'];
    const children = names.map((name) => spawnChild('race', path, GUILD, 'contested', name));
    const outputs = children.map(
      (child) =>
        new Promise<string[]>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (chunk) => {
            out += chunk;
          });
          child.on('error', reject);
          child.on('exit', () => resolve(out.trim().split('\n')));
        }),
    );
    const ready = children.map(
      (child) => new Promise<void>((resolve) => child.stdout.once('data', () => resolve())),
    );
    await Promise.all(ready);
    for (const child of children) child.stdin.write('go\n');

    const results = (await Promise.all(outputs)).map((lines) => lines.at(-1) ?? '');

    const winners = results.filter((r) => r === 'won');
    expect(winners).toHaveLength(1);
    const store = tmp.open();
    const history = store.history(GUILD, 'contested');
    expect(history).toHaveLength(1);
    const winner = history[0]?.actor.name;
    for (const loser of results.filter((r) => r !== 'won')) {
      expect(loser).toMatch(new RegExp(`^stale: contested was changed by ${winner} at `));
    }
  });
});
