import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ask, { askReply, entryReply } from '../../commands/ask.js';
import { findComponentHandler } from '../../commands/index.js';
import { Cooldown } from '../../src/bot/cooldown.js';
import { UserFacingError } from '../../src/bot/types.js';
import { answerEmbed } from '../../src/render/discord.js';
import {
  addFact,
  buttons,
  embedOf,
  expectWithinLimits,
  GUILD,
  request,
  setup,
  shown,
  story,
} from './setup.js';

const sourcesOf = (reply: Parameters<typeof embedOf>[0]) =>
  embedOf(reply).fields?.find((f) => f.name === 'Sources')?.value ?? '';

describe('When /ask gets a question the article answers', () => {
  const ctx = setup();
  const reply = ask.execute(request({ question: 'Who is Han Dong?' }), ctx) as ReturnType<typeof askReply>;

  it('titles the embed with the question and gives the answer', () => {
    expect(embedOf(reply).title).toBe('Who is Han Dong?');
    expect(embedOf(reply).description).toMatch(/Han Dong/);
  });

  it('cites ¶N with a quote that is in that paragraph, word for word', () => {
    expect(sourcesOf(reply)).not.toBe('');
    for (const line of sourcesOf(reply).split('\n')) {
      const [, n, quote] = /^¶(\d+) “(.+)”$/.exec(shown(line)) ?? [];
      expect(story.article.paragraphs[Number(n) - 1]?.text).toContain(quote?.replace(/…$/, ''));
    }
  });

  it('is posted in the channel unless asked privately', () => {
    expect(reply.ephemeral).toBeFalsy();
    const alone = ask.execute(request({ question: 'Who is Han Dong?', private: true }), setup());
    expect(alone).toMatchObject({ ephemeral: true });
  });
});

describe('When /ask gets a question the article does not answer', () => {
  const reply = askReply('who won the hockey game', request(), setup());

  it('says so politely and says what the article covers', () => {
    expect(embedOf(reply).title).toBe("The article doesn't cover that");
    expect(embedOf(reply).description).toMatch(/doesn't answer.*It covers/);
  });

  it('cites nothing', () => {
    expect(embedOf(reply).fields ?? []).toEqual([]);
  });

  it('refuses an empty question as a user mistake', () => {
    expect(() => askReply('   ', request(), setup())).toThrow(UserFacingError);
  });
});

describe('When an answer is a guess', () => {
  const guess = {
    question: 'q',
    answered: true,
    answer: 'a',
    citations: [],
    id: 'x',
    suggestions: [],
    suggestionIds: [],
  };

  it('invites rephrasing below 0.7 confidence, and not above', () => {
    expect(answerEmbed({ ...guess, confidence: 0.6 }).footer?.text).toMatch(/Not sure.*rephras/);
    expect(answerEmbed({ ...guess, confidence: 0.9 }).footer).toBeUndefined();
  });
});

describe('When someone asks quickly', () => {
  it('refuses the 6th question in 30 s with an ephemeral notice, and only for that person', () => {
    const ctx = setup();
    for (let i = 0; i < 5; i++) expect(askReply('Who is Han Dong?', request(), ctx).embeds).toHaveLength(1);
    const refused = askReply('Who is Han Dong?', request(), ctx);
    expect(refused.ephemeral).toBe(true);
    expect(refused.embeds).toBeUndefined();
    expect(refused.content).toMatch(/^You're asking quickly — try again in \d+ s\.$/);
    const other = request({}, { user: { id: '100000000000000002', name: 'Bo' } });
    expect(askReply('Who is Han Dong?', other, ctx).embeds).toHaveLength(1);
  });
});

describe('"Did you mean…" buttons', () => {
  const ctx = setup();
  const reply = askReply('what about the michaels', request(), ctx);

  it('offer the suggested entries with valid custom_ids and labels', () => {
    const offered = buttons(reply).filter((b) => b.custom_id.startsWith('ask:'));
    expect(offered.length).toBeGreaterThan(0);
    for (const b of offered) {
      expect(b.custom_id).toMatch(/^ask:entry:[^:]+$/);
      expect(b.custom_id.length).toBeLessThanOrEqual(100);
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(80);
    }
    expectWithinLimits(reply);
  });

  it('answer the entry when clicked, for everyone to see', async () => {
    const [first] = buttons(reply);
    const found = findComponentHandler(first?.custom_id ?? '');
    expect(found?.args[0]).toBe('entry');
    const clicked = await found?.handler.execute({ ...request(), args: found.args }, ctx);
    const entry = ctx.knowledge.engineFor(request().guildId).entry(found?.args[1] ?? '');
    expect(embedOf(clicked ?? {}).title).toBe(first?.label);
    expect(shown(embedOf(clicked ?? {}).description ?? '')).toBe(entry?.answer);
    expect(clicked?.ephemeral).toBeFalsy();
    expect(clicked?.update).toBeFalsy();
  });

  it('say so when the entry is gone', () => {
    expect(() => entryReply('no-such-entry', request(), ctx)).toThrow('That entry no longer exists.');
  });
});

describe('A source a moderator added', () => {
  const ctx = setup();
  addFact(ctx, {
    id: 'mod-source',
    statement: 'The motion passed.',
    citations: [
      {
        kind: 'external',
        url: 'https://example.org/vote_(final)',
        title: '[Totally official](https://evil.example)',
        quote: 'passed',
      },
    ],
  });
  const line = sourcesOf(entryReply('mod-source', request(), ctx));

  it('shows quote, title and address, marked as the moderators’', () => {
    expect(shown(line)).toContain('“passed” — [Totally official](https://evil.example)');
    expect(line).toContain('https://example.org/vote_%28final%29');
    expect(line).toContain("added by this server's moderators");
  });

  it('never turns the title into a link', () => {
    expect(line).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
  });
});

describe('Autocomplete', () => {
  const ctx = setup();

  it.each(['', 'han', 'who'])('offers at most 25 choices of at most 100 characters for "%s"', (value) => {
    const choices = ask.autocomplete({ ...request(), focused: { name: 'question', value } }, ctx);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(String(c.value).length).toBeLessThanOrEqual(100);
    }
  });

  it('offers first the curated questions about what was typed, misspelt or not', () => {
    for (const typed of ['kovrig', 'melanie jolly']) {
      const [first] = ask.autocomplete({ ...request(), focused: { name: 'question', value: typed } }, ctx);
      expect(first?.name).toMatch(typed === 'kovrig' ? /Kovrig/ : /Joly/);
    }
  });
});

describe('Whatever the question or the data', () => {
  it('a 6,000-character question still gets a reply within every limit', () => {
    const reply = askReply(`Who is Han Dong? ${'and why @everyone '.repeat(330)}`, request(), setup());
    expectWithinLimits(reply);
    expect(embedOf(reply).title?.length).toBeLessThanOrEqual(256);
  });

  it('a huge answer with huge quotes is cut to fit', () => {
    const ctx = setup();
    const huge = 'word '.repeat(3000);
    addFact(ctx, {
      id: 'huge',
      statement: huge,
      citations: Array.from({ length: 30 }, (_, i) => ({
        kind: 'article' as const,
        paragraph: i + 1,
        quote: huge,
      })),
    });
    const reply = entryReply('huge', request(), ctx);
    expectWithinLimits(reply);
    expect(sourcesOf(reply)).toMatch(/^¶1 “word word.*…”/);
    expect(sourcesOf(reply)).toMatch(/…and \d+ more$/);
  });

  it('any question, emoji and @everyone included, is shown within limits and without live markdown', () => {
    const ctx = setup({ cooldown: new Cooldown(Number.MAX_SAFE_INTEGER, 1) });
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.constantFrom('@everyone', '@here', '[x](https://evil.example)', '**', '# ', '👨‍👩‍👧‍👦', '\n- '),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), (parts) => {
        const question = `Who is Han Dong? ${parts.join(' ')}`;
        const reply = askReply(question, request(), ctx);
        expectWithinLimits(reply);
        const title = embedOf(reply).title ?? '';
        expect(title).not.toMatch(/@(everyone|here)/);
        expect(title).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Feedback on an answer', () => {
  it('carries 👍 and 👎 buttons for that entry in a server, and none in a DM', () => {
    const ctx = setup();
    const inServer = askReply('who is han dong', request(), ctx);
    const votes = buttons(inServer).filter((b) => b.custom_id.startsWith('vote:'));
    expect(votes.map((b) => b.emoji?.name)).toEqual(['👍', '👎']);
    expect(votes[0]?.custom_id).toMatch(/^vote:up:[a-z0-9-]+$/);
    const inDm = askReply('who is han dong', request({}, { guildId: null, member: null }), ctx);
    expect(buttons(inDm).some((b) => b.custom_id.startsWith('vote:'))).toBe(false);
  });
});

describe('Follow-up questions', () => {
  it('are read against the same person’s previous answer in the same channel, and no one else’s', () => {
    const ctx = setup();
    const here = request({}, { channelId: '300000000000000001' });
    askReply('who is melanie joly', here, ctx);
    const followUp = askReply('what did she say', here, ctx);
    expect(JSON.stringify(followUp.embeds)).toMatch(/¶11/);

    const someoneElse = request(
      {},
      { channelId: '300000000000000001', user: { id: '100000000000000009', name: 'Bo' } },
    );
    const cold = askReply('what did she say', someoneElse, ctx);
    expect(JSON.stringify(cold.embeds)).not.toMatch(/¶11/);
  });
});

describe('Sources shown with a declined question', () => {
  it('cite where the article comes closest when the question is a known gap', () => {
    const ctx = setup();
    const engine = ctx.knowledge.engineFor(GUILD);
    const gap = engine.entries().find((e) => e.kind === 'gap');
    if (!gap) throw new Error('the story pack has no gaps');
    const reply = askReply(gap.title, request(), ctx);
    const embed = embedOf(reply);
    expect(embed.title).toMatch(/doesn't cover/);
    expect(JSON.stringify(embed.fields)).toMatch(/¶\d+/);
  });
});

describe("An answer from this server's moderators", () => {
  it('says so under the answer, so readers can tell it from the curated article', () => {
    const base = setup().knowledge.engineFor(GUILD).ask('who is han dong');
    expect(answerEmbed({ ...base, origin: 'moderator' }).footer?.text).toMatch(/moderators/);
    expect(answerEmbed({ ...base, origin: 'curated' }).footer?.text ?? '').not.toMatch(/moderators/);
  });
});

describe('A private answer', () => {
  it('keeps its "Did you mean" clicks private too', async () => {
    const ctx = setup();
    const reply = await ask.execute(request({ question: 'what about the michaels', private: true }), ctx);
    expect(reply.ephemeral).toBe(true);
    const suggested = buttons(reply).filter((b) => b.custom_id.startsWith('ask:'));
    expect(suggested.length).toBeGreaterThan(0);
    for (const b of suggested) expect(b.custom_id).toMatch(/^ask:private:/);

    const click = findComponentHandler(suggested[0]?.custom_id ?? '');
    const answer = await click?.handler.execute({ ...request(), args: click.args }, ctx);
    expect(answer?.ephemeral).toBe(true);
  });
});
