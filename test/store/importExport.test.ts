import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ImportError, type KnowledgeStore } from '../../src/store/store.js';
import { addEntry, alice, bob, fact, qa, useTempDir } from './fixtures.js';

const SOURCE = '900000000000000001';
const TARGET = '900000000000000002';

/** A guild with an edited entry, a moderator's own Q&A and a retired entry. */
function seed(store: KnowledgeStore) {
  addEntry(store, SOURCE, 'edited', fact('v1'), alice);
  store.record({
    guildId: SOURCE,
    entryId: 'edited',
    action: 'edit',
    before: fact('v1'),
    after: fact('v2', { date: '2023-03', event: 'It happened' }),
    actor: bob,
    baseRev: 1,
  });
  store.record({
    guildId: SOURCE,
    entryId: 'taught',
    action: 'teach',
    before: null,
    after: qa('Why?', 'Because.'),
    actor: bob,
  });
  store.record({
    guildId: SOURCE,
    entryId: 'retired',
    action: 'retire',
    before: fact('old'),
    after: null,
    actor: alice,
  });
}

const contents = (store: KnowledgeStore, guildId: string) =>
  store.overlay(guildId).map(({ entryId, draft }) => ({ entryId, draft }));

describe('exporting a guild', () => {
  const tmp = useTempDir();

  it('holds the overlay and the full history, oldest first', () => {
    const store = tmp.open();
    seed(store);

    const exported = store.exportGuild(SOURCE);

    expect(exported).toMatchObject({ format: 1, guildId: SOURCE });
    expect(Date.parse(exported.exportedAt)).not.toBeNaN();
    expect(exported.entries).toEqual(store.overlay(SOURCE));
    expect(exported.revisions.map((r) => `${r.entryId}@${r.rev}`)).toEqual([
      'edited@1',
      'edited@2',
      'taught@1',
      'retired@1',
    ]);
  });
});

describe('importing an export into another guild', () => {
  const tmp = useTempDir();

  it('reproduces the overlay, as import revisions by the importing moderator', () => {
    const store = tmp.open();
    seed(store);
    const file = JSON.parse(JSON.stringify(store.exportGuild(SOURCE)));

    const plan = store.importGuild(TARGET, file, alice, { dryRun: false });

    expect(plan).toEqual({ added: ['edited', 'taught'], changed: [], retired: ['retired'], unchanged: [] });
    expect(contents(store, TARGET)).toEqual(contents(store, SOURCE));
    const imported = store.history(TARGET, 'edited');
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({
      action: 'import',
      actor: alice,
      before: null,
      after: fact('v2', { date: '2023-03', event: 'It happened' }),
    });
    expect(imported[0]?.note).toContain(SOURCE);
  });

  it('skips entries already in the imported state, so importing twice changes nothing', () => {
    const store = tmp.open();
    seed(store);
    const file = store.exportGuild(SOURCE);
    store.importGuild(TARGET, file, alice, { dryRun: false });

    const again = store.importGuild(TARGET, file, alice, { dryRun: false });

    expect(again).toEqual({
      added: [],
      changed: [],
      retired: [],
      unchanged: ['edited', 'retired', 'taught'],
    });
    expect(store.recentChanges(TARGET, 100)).toHaveLength(3);
  });

  it('reports changes against what the guild has now, recording what it had as "before"', () => {
    const store = tmp.open();
    seed(store);
    addEntry(store, TARGET, 'edited', fact('local'), bob);

    const plan = store.importGuild(TARGET, store.exportGuild(SOURCE), alice, { dryRun: false });

    expect(plan.changed).toEqual(['edited']);
    expect(store.revision(TARGET, 'edited', 2)).toMatchObject({ action: 'import', before: fact('local') });
  });

  it('compares untouched entries with their curated version when the caller knows it', () => {
    const store = tmp.open();
    seed(store);
    const curated = new Map([
      ['taught', qa('Why?', 'Because.')],
      ['edited', fact('curated')],
    ]);

    const plan = store.importGuild(TARGET, store.exportGuild(SOURCE), alice, {
      dryRun: false,
      curated: (id) => curated.get(id),
    });

    expect(plan).toEqual({ added: [], changed: ['edited'], retired: ['retired'], unchanged: ['taught'] });
    expect(store.revision(TARGET, 'edited', 1)?.before).toEqual(fact('curated'));
    expect(store.history(TARGET, 'taught')).toEqual([]);
  });

  describe('as a dry run', () => {
    it('returns the plan and writes nothing', () => {
      const store = tmp.open();
      seed(store);

      const plan = store.importGuild(TARGET, store.exportGuild(SOURCE), alice, { dryRun: true });

      expect(plan).toEqual({ added: ['edited', 'taught'], changed: [], retired: ['retired'], unchanged: [] });
      expect(store.overlay(TARGET)).toEqual([]);
    });
  });

  describe('when the file is invalid', () => {
    it('refuses it all, naming each bad entry and what is wrong with it', () => {
      const store = tmp.open();
      addEntry(store, TARGET, 'kept', fact('kept'), bob);
      const file = {
        format: 1,
        guildId: SOURCE,
        exportedAt: new Date().toISOString(),
        entries: [
          { entryId: 'fine', rev: 1, draft: fact('fine') },
          { entryId: 'bad-date', rev: 1, draft: fact('x', { date: '2023-02-30' }) },
          { entryId: 'no-text', rev: 1, draft: { ...fact('x'), text: undefined } },
        ],
        revisions: [],
      };

      let error: unknown;
      try {
        store.importGuild(TARGET, file, alice, { dryRun: false });
      } catch (e) {
        error = e;
      }

      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).problems).toEqual([
        'entry bad-date (#2): date 2023-02-30 does not exist',
        'entry no-text (#3): text: is required',
      ]);
      expect(contents(store, TARGET)).toEqual([{ entryId: 'kept', draft: fact('kept') }]);
    });

    it('refuses an entry listed twice', () => {
      const store = tmp.open();
      const entry = { entryId: 'twice', rev: 1, draft: fact('x') };
      const file = { format: 1, guildId: SOURCE, exportedAt: '', entries: [entry, entry], revisions: [] };

      expect(() => store.importGuild(TARGET, file, alice, { dryRun: false })).toThrow(
        'entry twice (#2): appears more than once',
      );
    });

    it('refuses a file from a newer format, or that is not an export at all', () => {
      const store = tmp.open();

      expect(() =>
        store.importGuild(TARGET, { format: 2, guildId: SOURCE, exportedAt: '', entries: [] }, alice, {
          dryRun: true,
        }),
      ).toThrow(/format must be 1/);
      expect(() => store.importGuild(TARGET, 'hello', alice, { dryRun: true })).toThrow(ImportError);
    });

    it('runs the extra check the store was opened with, naming the entry', () => {
      const store = tmp.open('bot.db', { check: () => ['citations #1: quote not found in ¶1: "x"'] });
      const file = {
        format: 1,
        guildId: SOURCE,
        exportedAt: '',
        entries: [{ entryId: 'a', rev: 1, draft: fact('a') }],
      };

      expect(() => store.importGuild(TARGET, file, alice, { dryRun: false })).toThrow(
        'entry a (#1): citations #1: quote not found',
      );
    });
  });

  describe('when writing fails midway', () => {
    it('leaves nothing behind: the import is one transaction', () => {
      const store = tmp.open();
      // Another connection plants a trap that fails the second insert, after the first succeeded.
      const raw = new Database(tmp.path('bot.db'));
      raw.exec(`CREATE TRIGGER trap BEFORE INSERT ON revisions WHEN NEW.entry_id = 'boom'
                BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
      raw.close();
      const file = {
        format: 1,
        guildId: SOURCE,
        exportedAt: '',
        entries: [
          { entryId: 'first', rev: 1, draft: fact('first') },
          { entryId: 'boom', rev: 1, draft: fact('boom') },
          { entryId: 'last', rev: 1, draft: fact('last') },
        ],
      };

      expect(() => store.importGuild(TARGET, file, alice, { dryRun: false })).toThrow('disk on fire');
      expect(store.overlay(TARGET)).toEqual([]);
    });
  });
});
