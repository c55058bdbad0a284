import { describe, expect, it } from 'vitest';
import { DraftError, StaleEditError } from '../../src/store/store.js';
import { addEntry, alice, bob, fact, qa, useTempDir } from './fixtures.js';

const GUILD = '900000000000000001';
const OTHER_GUILD = '900000000000000002';

describe('the revision log', () => {
  const tmp = useTempDir();

  describe('when a moderator edits a curated fact', () => {
    it('records a revision saying who changed what, when, from what and to what', () => {
      const store = tmp.open();
      const curated = fact('Parliament passed the motion.');
      const edited = fact('Parliament passed the motion on Wednesday.', { date: '2023-05-17' });

      const saved = store.record({
        guildId: GUILD,
        entryId: 'motion-passed',
        action: 'edit',
        before: curated,
        after: edited,
        actor: alice,
        note: 'added the day',
      });

      expect(saved).toMatchObject({
        guildId: GUILD,
        entryId: 'motion-passed',
        rev: 1,
        action: 'edit',
        before: curated,
        after: edited,
        actor: alice,
        note: 'added the day',
      });
      expect(Date.parse(saved.at)).toBeGreaterThan(Date.now() - 60_000);
      expect(store.revision(GUILD, 'motion-passed', 1)).toEqual(saved);
      expect(store.revision(GUILD, 'motion-passed', 2)).toBeUndefined();
    });

    it('numbers revisions 1, 2, 3 per entry and lists the history oldest first', () => {
      const store = tmp.open();
      const v1 = fact('one');
      const v2 = fact('two');
      const v3 = fact('three');
      store.record({ guildId: GUILD, entryId: 'a', action: 'add', before: null, after: v1, actor: alice });
      store.record({ guildId: GUILD, entryId: 'b', action: 'add', before: null, after: v1, actor: bob });
      store.record({
        guildId: GUILD,
        entryId: 'a',
        action: 'edit',
        before: v1,
        after: v2,
        actor: bob,
        baseRev: 1,
      });
      store.record({
        guildId: GUILD,
        entryId: 'a',
        action: 'edit',
        before: v2,
        after: v3,
        actor: alice,
        baseRev: 2,
      });

      const history = store.history(GUILD, 'a');

      expect(history.map((r) => [r.rev, r.after?.text, r.actor.name])).toEqual([
        [1, 'one', 'Alice'],
        [2, 'two', 'Bob'],
        [3, 'three', 'Alice'],
      ]);
      expect(store.history(GUILD, 'b').map((r) => r.rev)).toEqual([1]);
    });

    it('stores the draft as validated: trimmed, with defaults filled', () => {
      const store = tmp.open();
      const { phrasings: _p, entities: _e, ...bare } = fact('  padded  ');

      const saved = addEntry(store, GUILD, 'a', bare as never, alice);

      expect(saved.after).toEqual(fact('padded'));
      expect(store.overlay(GUILD)[0]?.draft).toEqual(fact('padded'));
    });
  });

  describe('the overlay', () => {
    it('shows the latest state of every entry the guild touched, and nothing else', () => {
      const store = tmp.open();
      addEntry(store, GUILD, 'b', fact('b1'), alice);
      addEntry(store, GUILD, 'a', qa('Who?', 'a1'), alice);
      store.record({
        guildId: GUILD,
        entryId: 'b',
        action: 'edit',
        before: fact('b1'),
        after: fact('b2'),
        actor: bob,
        baseRev: 1,
      });

      expect(store.overlay(GUILD)).toEqual([
        { entryId: 'a', rev: 1, draft: qa('Who?', 'a1') },
        { entryId: 'b', rev: 2, draft: fact('b2') },
      ]);
    });

    it('is empty for a guild nobody has edited', () => {
      expect(tmp.open().overlay(GUILD)).toEqual([]);
    });
  });

  describe('when an entry is retired', () => {
    it('shows it as retired in the overlay and keeps every earlier revision', () => {
      const store = tmp.open();
      addEntry(store, GUILD, 'a', fact('a1'), alice);
      store.record({
        guildId: GUILD,
        entryId: 'a',
        action: 'retire',
        before: fact('a1'),
        after: null,
        actor: bob,
        baseRev: 1,
      });

      expect(store.overlay(GUILD)).toEqual([{ entryId: 'a', rev: 2, draft: null }]);
      expect(store.history(GUILD, 'a').map((r) => [r.action, r.after?.text ?? null])).toEqual([
        ['add', 'a1'],
        ['retire', null],
      ]);
    });

    it('refuses a retirement that carries new content, and an edit without any', () => {
      const store = tmp.open();
      const retireWithContent = () =>
        store.record({
          guildId: GUILD,
          entryId: 'a',
          action: 'retire',
          before: null,
          after: fact('x'),
          actor: alice,
        });
      const editToNothing = () =>
        store.record({
          guildId: GUILD,
          entryId: 'a',
          action: 'edit',
          before: fact('x'),
          after: null,
          actor: alice,
        });

      expect(retireWithContent).toThrow(DraftError);
      expect(editToNothing).toThrow(/needs the entry's new content/);
      expect(store.history(GUILD, 'a')).toEqual([]);
    });
  });

  describe('when a moderator reverts to an older revision', () => {
    it('records the revert as a new revision whose content is the older one', () => {
      const store = tmp.open();
      addEntry(store, GUILD, 'a', fact('good'), alice);
      store.record({
        guildId: GUILD,
        entryId: 'a',
        action: 'edit',
        before: fact('good'),
        after: fact('vandalised'),
        actor: bob,
        baseRev: 1,
      });
      const target = store.revision(GUILD, 'a', 1);

      const reverted = store.record({
        guildId: GUILD,
        entryId: 'a',
        action: 'revert',
        before: store.revision(GUILD, 'a', 2)?.after ?? null,
        after: target?.after ?? null,
        actor: alice,
        baseRev: 2,
        note: 'revert to revision 1',
      });

      expect(reverted).toMatchObject({
        rev: 3,
        action: 'revert',
        before: fact('vandalised'),
        after: fact('good'),
      });
      expect(store.history(GUILD, 'a')).toHaveLength(3);
      expect(store.overlay(GUILD)).toEqual([{ entryId: 'a', rev: 3, draft: fact('good') }]);
    });
  });

  describe('recent changes', () => {
    it('lists the newest changes first, across entries, up to the limit', () => {
      const store = tmp.open();
      for (const id of ['a', 'b', 'c']) {
        addEntry(store, GUILD, id, fact(id), alice);
      }
      store.record({
        guildId: GUILD,
        entryId: 'a',
        action: 'edit',
        before: fact('a'),
        after: fact('a2'),
        actor: bob,
        baseRev: 1,
      });

      expect(store.recentChanges(GUILD, 3).map((r) => `${r.entryId}@${r.rev}`)).toEqual([
        'a@2',
        'c@1',
        'b@1',
      ]);
      expect(store.recentChanges(GUILD, 0)).toEqual([]);
    });
  });

  describe('when a draft breaks the rules', () => {
    it('refuses it, says what is wrong and records nothing', () => {
      const store = tmp.open();
      const save = () => addEntry(store, GUILD, 'a', fact('x', { date: '2023-02-30' }), alice);

      expect(save).toThrow(DraftError);
      expect(save).toThrow('date 2023-02-30 does not exist');
      expect(store.history(GUILD, 'a')).toEqual([]);
    });

    it('runs the extra check it was opened with, e.g. that quotes are in the article', () => {
      const store = tmp.open('bot.db', {
        check: (_id, d) => (d.text.includes('rumour') ? ['no rumours'] : []),
      });

      expect(() =>
        store.record({
          guildId: GUILD,
          entryId: 'a',
          action: 'add',
          before: null,
          after: fact('a rumour'),
          actor: alice,
        }),
      ).toThrow('no rumours');
    });
  });

  describe('when guilds share the database', () => {
    it("keeps each guild's changes to itself", () => {
      const store = tmp.open();
      addEntry(store, GUILD, 'a', fact('mine'), alice);

      expect(store.overlay(OTHER_GUILD)).toEqual([]);
      expect(store.history(OTHER_GUILD, 'a')).toEqual([]);
      expect(store.recentChanges(OTHER_GUILD, 10)).toEqual([]);
      expect(store.revision(OTHER_GUILD, 'a', 1)).toBeUndefined();
    });

    it("numbers the same entry's revisions separately in each guild", () => {
      const store = tmp.open();
      addEntry(store, GUILD, 'a', fact('one'), alice);

      const elsewhere = addEntry(store, OTHER_GUILD, 'a', fact('other'), bob);

      expect(elsewhere.rev).toBe(1);
    });
  });
});

describe('when two moderators edit the same fact', () => {
  const tmp = useTempDir();

  it('refuses the edit made from an old revision and says who changed it since, and when', () => {
    const store = tmp.open();
    addEntry(store, GUILD, 'a', fact('v1'), alice);
    const bobs = store.record({
      guildId: GUILD,
      entryId: 'a',
      action: 'edit',
      before: fact('v1'),
      after: fact('v2'),
      actor: bob,
      baseRev: 1,
    });

    let error: unknown;
    try {
      store.record({
        guildId: GUILD,
        entryId: 'a',
        action: 'edit',
        before: fact('v1'),
        after: fact('alice v2'),
        actor: alice,
        baseRev: 1,
      });
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(StaleEditError);
    const stale = error as StaleEditError;
    expect(stale.message).toContain('Bob');
    expect(stale.message).toContain(bobs.at);
    expect(stale.currentRev).toBe(2);
    expect(stale.since.map((r) => r.rev)).toEqual([2]);
    expect(store.history(GUILD, 'a')).toHaveLength(2);
  });

  it('treats a missing baseRev as "never changed here", so it cannot overwrite an existing change', () => {
    const store = tmp.open();
    addEntry(store, GUILD, 'a', fact('v1'), alice);

    expect(() =>
      store.record({
        guildId: GUILD,
        entryId: 'a',
        action: 'edit',
        before: null,
        after: fact('v2'),
        actor: bob,
      }),
    ).toThrow(StaleEditError);
  });

  it('lets exactly one of two connections to the same file win', () => {
    const first = tmp.open();
    const second = tmp.open();
    const edit = (store: typeof first, text: string, actor = alice) =>
      store.record({
        guildId: GUILD,
        entryId: 'a',
        action: 'edit',
        before: null,
        after: fact(text),
        actor,
        baseRev: 0,
      });

    // Both saw the entry unchanged (rev 0) before either saved.
    expect(first.overlay(GUILD)).toEqual([]);
    expect(second.overlay(GUILD)).toEqual([]);
    const won = edit(first, 'first', alice);
    expect(() => edit(second, 'second', bob)).toThrow(/changed by Alice/);

    expect(won.rev).toBe(1);
    expect(second.overlay(GUILD)).toEqual([{ entryId: 'a', rev: 1, draft: fact('first') }]);
  });
});
