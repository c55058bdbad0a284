import { describe, expect, it } from 'vitest';
import { useTempDir } from './fixtures.js';

const GUILD = '900000000000000001';
const OTHER_GUILD = '900000000000000002';

describe('the declined-questions log', () => {
  const tmp = useTempDir();

  it('counts each question and lists the most asked first, with when it was last asked', () => {
    const store = tmp.open();
    store.logDeclined(GUILD, 'who paid for it', new Date('2024-01-01T10:00:00Z'));
    store.logDeclined(GUILD, 'what is a motion', new Date('2024-01-02T10:00:00Z'));
    store.logDeclined(GUILD, 'who paid for it', new Date('2024-01-03T10:00:00Z'));
    store.logDeclined(GUILD, 'where is ottawa', new Date('2024-01-04T10:00:00Z'));
    store.logDeclined(GUILD, 'who paid for it', new Date('2024-01-02T10:00:00Z'));

    expect(store.topDeclined(GUILD, 2)).toEqual([
      { question: 'who paid for it', count: 3, lastAsked: '2024-01-03T10:00:00.000Z' },
      { question: 'where is ottawa', count: 1, lastAsked: '2024-01-04T10:00:00.000Z' },
    ]);
  });

  it('forgets a question once a moderator dismisses it, and counts afresh if it is asked again', () => {
    const store = tmp.open();
    store.logDeclined(GUILD, 'who paid for it');
    store.logDeclined(GUILD, 'who paid for it');

    store.dismissDeclined(GUILD, 'who paid for it');
    expect(store.topDeclined(GUILD, 10)).toEqual([]);

    store.logDeclined(GUILD, 'who paid for it');
    expect(store.topDeclined(GUILD, 10).map((q) => q.count)).toEqual([1]);
  });

  it('ignores empty questions', () => {
    const store = tmp.open();
    store.logDeclined(GUILD, '   ');

    expect(store.topDeclined(GUILD, 10)).toEqual([]);
  });

  it("keeps each guild's questions to itself", () => {
    const store = tmp.open();
    store.logDeclined(GUILD, 'who paid for it');

    expect(store.topDeclined(OTHER_GUILD, 10)).toEqual([]);
    store.dismissDeclined(OTHER_GUILD, 'who paid for it');
    expect(store.topDeclined(GUILD, 10)).toHaveLength(1);
  });
});

describe('votes on answers', () => {
  const tmp = useTempDir();

  it('keeps one vote per user per entry: a new vote replaces the old', () => {
    const store = tmp.open();
    store.vote(GUILD, 'a', 'u1', 1);
    store.vote(GUILD, 'a', 'u1', -1);
    store.vote(GUILD, 'a', 'u1', -1);
    store.vote(GUILD, 'a', 'u2', 1);

    expect(store.voteStats(GUILD, 10)).toEqual([{ entryId: 'a', up: 1, down: 1 }]);
  });

  it('lists the most down-voted entries first', () => {
    const store = tmp.open();
    store.vote(GUILD, 'liked', 'u1', 1);
    store.vote(GUILD, 'liked', 'u2', 1);
    store.vote(GUILD, 'disputed', 'u1', -1);
    store.vote(GUILD, 'wrong', 'u1', -1);
    store.vote(GUILD, 'wrong', 'u2', -1);
    store.vote(GUILD, 'disputed', 'u2', 1);

    expect(store.voteStats(GUILD, 10)).toEqual([
      { entryId: 'wrong', up: 0, down: 2 },
      { entryId: 'disputed', up: 1, down: 1 },
      { entryId: 'liked', up: 2, down: 0 },
    ]);
    expect(store.voteStats(GUILD, 1).map((s) => s.entryId)).toEqual(['wrong']);
  });

  it('refuses a vote that is not 1 or -1', () => {
    const store = tmp.open();

    expect(() => store.vote(GUILD, 'a', 'u1', 2 as never)).toThrow(RangeError);
  });

  it("keeps each guild's votes to itself", () => {
    const store = tmp.open();
    store.vote(GUILD, 'a', 'u1', -1);

    expect(store.voteStats(OTHER_GUILD, 10)).toEqual([]);
  });
});
