import { describe, expect, it } from 'vitest';
import { GUILD, MOD_ROLE, modRequest, runFact, useBot } from './setup.js';

const ADD = {
  statement: 'A moderator fact.',
  url: 'https://example.com/a',
  source_title: 'Example',
  quote: 'a quote',
};

describe('WHEN someone without moderator rights changes a fact', () => {
  const bot = useBot();

  it('THEN a member without Manage Messages or a moderator role is refused and nothing changes', async () => {
    const { ctx, store } = bot();
    const request = modRequest('add', ADD, {
      member: { manageMessages: false, roleIds: ['999999999999999999'] },
    });
    await expect(runFact(ctx, request)).rejects.toThrow(
      'You need Manage Messages (or a moderator role) to change facts.',
    );
    expect(store.overlay(GUILD)).toEqual([]);
  });

  it('THEN a DM is refused and nothing changes', async () => {
    const { ctx, store } = bot();
    const request = modRequest('add', ADD, { guildId: null, member: null });
    await expect(runFact(ctx, request)).rejects.toThrow('Moderator commands work only in a server.');
    expect(store.overlay(GUILD)).toEqual([]);
  });

  it('THEN a member with a role in MODERATOR_ROLE_IDS is allowed', async () => {
    const { ctx, store } = bot();
    await runFact(ctx, modRequest('add', ADD, { member: { manageMessages: false, roleIds: [MOD_ROLE] } }));
    expect(store.overlay(GUILD).map((o) => o.entryId)).toEqual(['a-moderator-fact']);
  });
});
