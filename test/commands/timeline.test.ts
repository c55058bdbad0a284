import { describe, expect, it } from 'vitest';
import { findComponentHandler } from '../../commands/index.js';
import timeline from '../../commands/timeline.js';
import type { BotContext, Reply } from '../../src/bot/types.js';
import { UserFacingError } from '../../src/bot/types.js';
import { dateProblem } from '../../src/knowledge/dates.js';
import { addFact, buttons, embedOf, expectWithinLimits, request, setup } from './setup.js';

/** The date lines of a page, in order: `**23 March 2023** — event`. */
const datesOn = (reply: Reply) =>
  (embedOf(reply).description ?? '').split('\n').filter((l) => /^\*\*.+\*\* — /.test(l));

async function press(reply: Reply, label: string, ctx: BotContext): Promise<Reply> {
  const button = buttons(reply).find((b) => b.label === label);
  if (!button || button.disabled) throw new Error(`no enabled ${label} button`);
  const found = findComponentHandler(button.custom_id);
  if (!found) throw new Error(`no handler for ${button.custom_id}`);
  return found.handler.execute({ ...request(), args: found.args }, ctx);
}

describe('/timeline', () => {
  const ctx = setup();
  const events = ctx.knowledge.engineFor(request().guildId).timeline();
  const first = timeline.execute(request(), ctx) as Reply;

  it('lists the events oldest first, each with its date in bold and its citations below', () => {
    const lines = datesOn(first);
    expect(lines[0]).toBe(`**${events[0]?.when}** — ${events[0]?.event}`);
    expect(embedOf(first).description).toMatch(/\*\* — .+\n¶\d+ “/);
  });

  it('shows six events a page and says which page this is', () => {
    expect(events.length).toBeGreaterThan(6);
    expect(datesOn(first)).toHaveLength(6);
    expect(embedOf(first).footer?.text).toBe(`Page 1 of ${Math.ceil(events.length / 6)}`);
    expectWithinLimits(first);
  });

  it('turns to the next page in the same message with Next, and back with Previous', async () => {
    expect(buttons(first).find((b) => b.label === 'Previous')?.disabled).toBe(true);
    const second = await press(first, 'Next', ctx);
    expect(second.update).toBe(true);
    expect(embedOf(second).footer?.text).toMatch(/^Page 2 of /);
    expect(datesOn(second)[0]).toBe(`**${events[6]?.when}** — ${events[6]?.event}`);
    const back = await press(second, 'Previous', ctx);
    expect(embedOf(back).description).toBe(embedOf(first).description);
  });

  it('narrows by period', () => {
    const reply = timeline.execute(request({ from: '2021', to: '2021-12' }), ctx) as Reply;
    expect(datesOn(reply).length).toBeGreaterThan(0);
    expect(datesOn(reply).every((l) => l.includes('2021'))).toBe(true);
    expect(embedOf(reply).title).toBe('Timeline, from 2021 to December 2021');
  });

  it('says clearly when nothing matches', () => {
    const reply = timeline.execute(request({ from: '1990', to: '1991' }), ctx) as Reply;
    expect(embedOf(reply).description).toMatch(/^No dated events match/);
    expect(reply.components).toEqual([]);
  });

  it.each(['2023-13', '23/03/2023', '2023-02-30'])(
    'refuses the date %s, saying what is wrong with it',
    (bad) => {
      const refusal = (() => {
        try {
          timeline.execute(request({ to: bad }), ctx);
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(UserFacingError);
      expect((refusal as Error).message).toContain(dateProblem(bad));
    },
  );
});

describe('/timeline with a long topic and many events', () => {
  const ctx = setup();
  const long = 'x'.repeat(1200);
  for (let i = 1; i <= 20; i++) {
    addFact(ctx, {
      id: `kovrig-${i}`,
      statement: `Kovrig event ${i}. ${long}`,
      event: `Kovrig event ${i} ${long}`,
      date: `2020-${String((i % 12) + 1).padStart(2, '0')}`,
      entities: ['kovrig'],
      citations: [1, 2, 3].map((p) => ({
        kind: 'article' as const,
        paragraph: p,
        quote: `${long} 🇨🇦 @everyone`,
      })),
    });
  }
  const about = `kovrig: ${'and his friends '.repeat(10)}`;
  const first = timeline.execute(request({ about, from: '2020-01-01', to: '2020-12-31' }), ctx) as Reply;

  it('keeps every page within the embed limits and every custom_id within 100 characters', async () => {
    let page = first;
    const seen: string[] = [];
    for (;;) {
      expectWithinLimits(page);
      seen.push(...datesOn(page));
      const next = buttons(page).find((b) => b.label === 'Next');
      if (!next || next.disabled) break;
      page = await press(page, 'Next', ctx);
    }
    expect(seen).toHaveLength(20);
    expect(new Set(seen).size).toBe(20);
  });

  it('keeps the same topic on every page', async () => {
    const second = await press(first, 'Next', ctx);
    expect(embedOf(second).title).toBe(embedOf(first).title);
  });
});
