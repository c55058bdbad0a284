import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/bot/types.js';
import { UserFacingError } from '../../src/bot/types.js';
import { bob, GUILD, modRequest, OTHER_GUILD, runFact, story, useBot } from './setup.js';

const CPAC = {
  statement: 'The House of Commons vote on the motion was broadcast live on CPAC.',
  url: 'https://www.cpac.ca/episode?id=123',
  source_title: 'CPAC: House of Commons, 23 March 2023',
  quote: 'Live coverage of the vote',
};
const QUESTION = 'Was the vote broadcast on CPAC?';

const ask = (ctx: BotContext, question: string, guildId: string = GUILD) =>
  ctx.knowledge.engineFor(guildId).ask(question);

async function added(ctx: BotContext, options = CPAC): Promise<string> {
  const reply = await runFact(ctx, modRequest('add', options));
  const id = /`([^`]+)`/.exec(reply.content ?? '')?.[1];
  if (!id) throw new Error(`no id in ${reply.content}`);
  return id;
}

describe('GIVEN a moderator adds a fact with an outside source', () => {
  const bot = useBot();

  it('THEN this server answers from it with the citation, and other servers do not', async () => {
    const { ctx } = bot();
    expect(ask(ctx, QUESTION).answered).toBe(false);
    ask(ctx, QUESTION, OTHER_GUILD); // both servers cached before the change: only one is updated

    const id = await added(ctx);

    expect(id).toBe('the-house-of-commons-vote-on-the-motion-was');
    const answer = ask(ctx, QUESTION);
    expect(answer.id).toBe(id);
    expect(answer.citations).toEqual([
      { kind: 'external', url: CPAC.url, title: CPAC.source_title, quote: CPAC.quote },
    ]);
    expect(ask(ctx, QUESTION, OTHER_GUILD).answered).toBe(false);
  });

  it('THEN a restarted bot answers from it too (the overlay is read from the store)', async () => {
    const b = bot();
    const id = await added(b.ctx);
    expect(ask(b.restart(), QUESTION).id).toBe(id);
  });

  it('THEN a second fact with the same statement gets its own id', async () => {
    const { ctx } = bot();
    const first = await added(ctx);
    expect(await added(ctx)).toBe(`${first}-2`);
  });

  it('THEN history names who changed it, and revert brings the old answer back', async () => {
    const { ctx } = bot();
    const id = await added(ctx);
    await runFact(
      ctx,
      modRequest('edit', { id, statement: 'The vote was not broadcast on CPAC.' }, { user: bob }),
    );
    expect(ask(ctx, QUESTION).answer).toBe('The vote was not broadcast on CPAC.');

    const history = await runFact(ctx, modRequest('history', { id }));
    expect(history.content).toMatch(/r1 · add · Alice/);
    expect(history.content).toMatch(/r2 · edit · Bob/);

    await runFact(ctx, modRequest('revert', { id, rev: 1 }));
    expect(ask(ctx, QUESTION).answer).toBe(CPAC.statement);
    expect((await runFact(ctx, modRequest('show', { id }))).content).toMatch(/revision 3 · moderator/);
  });
});

describe('WHEN a moderator edits from a revision someone else has since changed', () => {
  const bot = useBot();

  it('THEN the edit is refused, naming who changed it', async () => {
    const { ctx, store } = bot();
    const id = await added(ctx);
    await runFact(ctx, modRequest('edit', { id, statement: 'Bob was here.', base_rev: 1 }, { user: bob }));

    const stale = runFact(ctx, modRequest('edit', { id, statement: 'Alice was here.', base_rev: 1 }));

    await expect(stale).rejects.toThrow(UserFacingError);
    await expect(stale).rejects.toThrow(/changed by Bob .*revision 2/);
    expect(store.history(GUILD, id)).toHaveLength(2);
    expect(ctx.knowledge.engineFor(GUILD).entry(id)?.answer).toBe('Bob was here.');
  });
});

describe('WHEN the source or the date is wrong', () => {
  const bot = useBot();

  it('THEN a quote that is not in the paragraph is refused, naming the paragraph', async () => {
    const { ctx, store } = bot();
    const request = modRequest('add', {
      statement: 'Han Dong resigned.',
      paragraph: 7,
      quote: 'Han Dong resigned',
    });
    await expect(runFact(ctx, request)).rejects.toThrow('quote not found in ¶7');
    expect(store.overlay(GUILD)).toEqual([]);
  });

  it('THEN an article quote is stored in the article’s own characters', async () => {
    const { ctx } = bot();
    const id = await added(ctx, {
      statement: 'Kovrig and Spavor were arrested in December 2018.',
      paragraph: 7,
      quote: 'Canadians Michael Kovrig and Michael Spavor, arrested in December 2018',
    } as never);
    expect(ctx.knowledge.engineFor(GUILD).entry(id)?.citations).toEqual([
      {
        kind: 'article',
        paragraph: 7,
        quote: 'Canadians Michael Kovrig and Michael Spavor, arrested in December 2018',
      },
    ]);
  });

  it('THEN a date that does not exist is refused', async () => {
    const { ctx, store } = bot();
    const request = modRequest('add', { ...CPAC, date: '2023-02-30' });
    await expect(runFact(ctx, request)).rejects.toThrow('date 2023-02-30 does not exist');
    expect(store.overlay(GUILD)).toEqual([]);
  });

  it('THEN a fact with no source is refused', async () => {
    const { ctx } = bot();
    await expect(runFact(ctx, modRequest('add', { statement: 'Unsourced.' }))).rejects.toThrow(
      /needs a source/,
    );
  });

  it('THEN an unknown id is named', async () => {
    const { ctx } = bot();
    await expect(runFact(ctx, modRequest('show', { id: 'nope' }))).rejects.toThrow(
      'No entry `nope` in this server.',
    );
  });
});

describe('WHEN a moderator teaches or retires a curated entry', () => {
  const bot = useBot();
  const curated = story.facts[0];
  if (!curated) throw new Error('the story has no facts');
  const odd = 'what happened with the zorblat affair';

  it('THEN a taught phrasing leads to the entry', async () => {
    const { ctx, store } = bot();
    expect(ask(ctx, odd).answered).toBe(false);

    await runFact(ctx, modRequest('teach', { id: curated.id, phrasing: odd }));

    expect(ask(ctx, odd).id).toBe(curated.id);
    // The first change of a curated entry starts from the curated version.
    expect(store.history(GUILD, curated.id)[0]?.before?.text).toBe(curated.statement);
  });

  it('THEN a retired entry stops answering and its history stays', async () => {
    const { ctx } = bot();
    // A fact its own statement leads to, so that losing it is visible.
    const target = story.facts.find((f) => ask(ctx, f.statement).id === f.id);
    if (!target) throw new Error('no fact answers its own statement');
    const { id } = target;

    await runFact(ctx, modRequest('remove', { id }));

    expect(ask(ctx, target.statement).id).not.toBe(id);
    expect(ctx.knowledge.engineFor(GUILD).entry(id)).toBeUndefined();
    expect((await runFact(ctx, modRequest('history', { id }))).content).toMatch(/r1 · retire · Alice/);
    expect((await runFact(ctx, modRequest('show', { id }))).content).toMatch(/retired/);
    expect((await runFact(ctx, modRequest('list', { filter: id }))).content).toMatch(/retired/);

    await runFact(ctx, modRequest('revert', { id, rev: 0 }));
    expect(ask(ctx, target.statement).id).toBe(id);
  });
});

describe('WHEN a statement holds markdown or a mass mention', () => {
  const bot = useBot();

  it('THEN it is stored as typed and shown as text', async () => {
    const { ctx, store } = bot();
    const statement = '**Bold** claim for @everyone [click](https://evil.example)';
    const id = await added(ctx, { ...CPAC, statement });

    expect(store.overlay(GUILD)[0]?.draft?.text).toBe(statement);
    const shown = (await runFact(ctx, modRequest('show', { id }))).content ?? '';
    expect(shown).not.toContain('@everyone');
    expect(shown).not.toContain('**Bold**');
  });
});

describe('GIVEN the autocomplete for ids', () => {
  const bot = useBot();

  it('THEN it offers this server’s entries matching the typed text, at most 25, names within 100', async () => {
    const { ctx } = bot();
    const id = await added(ctx);
    const { default: fact } = await import('../../commands/fact.js');
    const choices = fact.autocomplete({ ...modRequest('edit'), focused: { name: 'id', value: 'CPAC' } }, ctx);
    expect(choices.map((c) => c.value)).toEqual([id]);

    const all = fact.autocomplete({ ...modRequest('edit'), focused: { name: 'id', value: '' } }, ctx);
    expect(all.length).toBe(25);
    for (const c of all) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('THEN a retired entry is still offered, so that it can be reverted', async () => {
    const { ctx } = bot();
    const id = await added(ctx);
    await runFact(ctx, modRequest('remove', { id }));
    const { default: fact } = await import('../../commands/fact.js');
    const choices = fact.autocomplete({ ...modRequest('revert'), focused: { name: 'id', value: id } }, ctx);
    expect(choices).toEqual([{ name: expect.stringContaining('(retired)'), value: id }]);
  });
});
