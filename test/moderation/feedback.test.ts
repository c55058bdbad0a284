import { describe, expect, it } from 'vitest';
import feedback from '../../commands/feedback.js';
import unanswered from '../../commands/unanswered.js';
import { createGuildKnowledge } from '../../src/bot/knowledge.js';
import type { ComponentRequest } from '../../src/bot/types.js';
import { alice, bob, GUILD, modRequest, OTHER_GUILD, story, useBot } from './setup.js';

const click = (args: string[], overrides: Partial<ComponentRequest> = {}): ComponentRequest => ({
  ...modRequest('', {}),
  args,
  ...overrides,
});

const unansweredButtons = () => {
  const handler = unanswered.components[0];
  if (!handler) throw new Error('no handler');
  return handler;
};

const listedIds = (reply: { components?: { components: unknown[] }[] }) =>
  (reply.components ?? []).flatMap((r) => r.components.map((c) => (c as { custom_id: string }).custom_id));

describe('WHEN the bot declines questions', () => {
  const bot = useBot();

  it('THEN they are logged normalised, and /unanswered lists them most asked first with buttons', async () => {
    const { ctx, store } = bot();
    ctx.knowledge.noteDeclined(GUILD, '  Who PAID   for the catering? ');
    ctx.knowledge.noteDeclined(GUILD, 'who paid for the catering?');
    ctx.knowledge.noteDeclined(GUILD, 'Where is the zorblat?');
    ctx.knowledge.noteDeclined(OTHER_GUILD, 'something else');

    expect(store.topDeclined(GUILD, 10).map((q) => [q.question, q.count])).toEqual([
      ['who paid for the catering?', 2],
      ['where is the zorblat?', 1],
    ]);

    const reply = await unanswered.execute(modRequest(''), ctx);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/#1.*asked 2×.*who paid for the catering\?/);
    const ids = (reply.components ?? []).flatMap((r) =>
      r.components.map((c) => (c as { custom_id: string }).custom_id),
    );
    expect(ids).toHaveLength(4);
    expect(ids[0]).toMatch(/^unanswered:draft:[0-9a-f]{16}$/);
    expect(ids[1]).toBe(ids[0]?.replace('draft', 'dismiss'));
    expect(new Set(ids).size).toBe(4);
  });

  it('THEN the draft button gives a ready-to-paste /fact add, and dismiss removes the question', async () => {
    const { ctx, store } = bot();
    ctx.knowledge.noteDeclined(GUILD, 'who paid for the catering?');
    const buttons = unansweredButtons();
    const [draftId = '', dismissId = ''] = listedIds(await unanswered.execute(modRequest(''), ctx));

    const draft = await buttons.execute(click(draftId.split(':').slice(1)), ctx);
    expect(draft.ephemeral).toBe(true);
    expect(draft.content).toContain(
      '/fact add statement:… paragraph:… quote:… phrasing:"who paid for the catering?"',
    );

    await buttons.execute(click(dismissId.split(':').slice(1)), ctx);
    expect(store.topDeclined(GUILD, 10)).toEqual([]);
  });

  it('THEN each dismiss button removes its own question, however the list has changed since', async () => {
    const { ctx, store } = bot();
    for (const q of [
      'who paid for it',
      'who paid for it',
      'who paid for it',
      'what is the weather',
      'what is the weather',
    ])
      ctx.knowledge.noteDeclined(GUILD, q);
    ctx.knowledge.noteDeclined(GUILD, 'who won hockey');
    const ids = listedIds(await unanswered.execute(modRequest(''), ctx)).filter((id) =>
      id.includes('dismiss'),
    );
    const buttons = unansweredButtons();

    await buttons.execute(click((ids[0] ?? '').split(':').slice(1)), ctx);
    await buttons.execute(click((ids[1] ?? '').split(':').slice(1)), ctx);
    expect(store.topDeclined(GUILD, 10).map((q) => q.question)).toEqual(['who won hockey']);
  });

  it('THEN /unanswered is refused to members who are not moderators', async () => {
    const { ctx } = bot();
    const request = modRequest('', {}, { member: { manageMessages: false, roleIds: [] } });
    expect(() => unanswered.execute(request, ctx)).toThrow(/Manage Messages/);
  });
});

describe('WHEN readers vote on an answer', () => {
  const bot = useBot();
  const id = story.facts[0]?.id ?? '';

  it('THEN each person counts once, their last vote standing', async () => {
    const { ctx, store } = bot();
    const vote = (direction: string, user: typeof alice) =>
      feedback.execute(click([direction, id], { user, member: { manageMessages: false, roleIds: [] } }), ctx);

    expect(vote('down', alice).content).toBe('Thanks for the feedback.');
    vote('down', alice);
    vote('up', alice);
    vote('down', bob);

    expect(store.voteStats(GUILD, 10)).toEqual([{ entryId: id, up: 1, down: 1 }]);
  });

  it('THEN without a store votes and declined questions are quietly not kept', () => {
    const knowledge = createGuildKnowledge(story);
    expect(() => knowledge.vote(GUILD, id, alice.id, 1)).not.toThrow();
    expect(() => knowledge.noteDeclined(GUILD, 'anything')).not.toThrow();
  });
});
