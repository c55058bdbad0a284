import { writeSync } from 'node:fs';
import { openSqliteStore } from '../../src/store/sqlite/open.js';
import { StaleEditError } from '../../src/store/store.js';

/**
 * Another process using the same database file, for the durability and concurrency tests:
 *   overlay <db> <guild>               prints the guild's overlay as JSON
 *   record-loop <db> <guild> <entry>   records edits forever, printing each committed rev
 *   race <db> <guild> <entry> <name>   prints "ready", waits for a line on stdin, then edits from rev 0
 */
const [mode, path, guildId, entryId, name] = process.argv.slice(2);
if (!path || !guildId) throw new Error('usage: child.ts <mode> <db> <guild> [entry] [name]');
const store = openSqliteStore(path);
const actor = { id: `id-${name ?? 'child'}`, name: name ?? 'Child' };
const draft = (text: string) => ({
  kind: 'fact' as const,
  text,
  phrasings: [`phrasing for ${text}`],
  citations: [{ kind: 'article' as const, paragraph: 1, quote: 'the quote' }],
  entities: [],
});
// fs.writeSync, not console.log: the line must be out before the next commit, not buffered.
const print = (line: string) => writeSync(1, `${line}\n`);

if (mode === 'overlay') {
  print(JSON.stringify(store.overlay(guildId)));
  store.close();
} else if (mode === 'record-loop' && entryId) {
  // Bounded, so a child whose parent died cannot fill the disk.
  for (let rev = 0; rev < 20_000; rev++) {
    const saved = store.record({
      guildId,
      entryId,
      action: 'edit',
      before: rev === 0 ? null : draft(`version ${rev}`),
      after: draft(`version ${rev + 1} `.repeat(20).trim()),
      actor,
      baseRev: rev,
    });
    print(String(saved.rev));
  }
  store.close();
} else if (mode === 'race' && entryId) {
  print('ready');
  process.stdin.once('data', () => {
    try {
      store.record({
        guildId,
        entryId,
        action: 'add',
        before: null,
        after: draft(`by ${actor.name}`),
        actor,
      });
      print('won');
    } catch (error) {
      if (!(error instanceof StaleEditError)) throw error;
      print(`stale: ${error.message}`);
    }
    store.close();
    process.exit(0);
  });
} else {
  throw new Error(`unknown mode ${mode}`);
}
