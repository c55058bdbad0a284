import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelMessageRecord } from '../fakeDiscord/index.js';
import { buildUserMessage } from '../fakeDiscord/messages.js';
import { type Harness, startHarness } from './harness.js';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(env: Record<string, string> = {}): Promise<Harness> {
  harness = await startHarness({ env });
  return harness;
}

const replyTo = (id: string) => (record: ChannelMessageRecord) =>
  record.body.message_reference?.message_id === id;

describe('WHEN someone mentions the bot with a question', () => {
  it('THEN it replies to that message with the cited answer, pinging nobody', async () => {
    const { fake } = await start();

    const sent = fake.sendMessage({ content: 'why did Han Dong leave the Liberals?', mentionBot: true });
    const reply = await fake.waitForChannelMessage(replyTo(sent.id));

    expect(reply.channelId).toBe(fake.channelId);
    expect(JSON.stringify(reply.body.embeds)).toMatch(/¶\d+/);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('THEN an @everyone in the question is not allowed to ping anyone', async () => {
    const { fake } = await start();

    const sent = fake.sendMessage({ content: '@everyone who is Han Dong?', mentionBot: true });
    const reply = await fake.waitForChannelMessage(replyTo(sent.id));

    expect((reply.body.allowed_mentions as { parse: string[] }).parse).toEqual([]);
  });

  it('THEN a mention with nothing else gets a short help instead of an answer', async () => {
    const { fake } = await start();

    const sent = fake.sendMessage({ content: '', mentionBot: true });
    const reply = await fake.waitForChannelMessage(replyTo(sent.id));

    expect(reply.body.content).toMatch(/\/ask/);
    expect(reply.body.embeds ?? []).toEqual([]);
  });
});

describe('WHEN a message is not for the bot', () => {
  /** The bot handles gateway events in order, so once `probe` is answered, `ignored` was seen and dropped. */
  async function expectIgnored(fake: Harness['fake'], ignored: { id: string }): Promise<void> {
    const probe = fake.sendMessage({ content: 'who is Han Dong?', mentionBot: true });
    await fake.waitForChannelMessage(replyTo(probe.id));
    expect(fake.channelMessages.filter(replyTo(ignored.id))).toEqual([]);
  }

  it('THEN a message without a mention of the bot gets no reply', async () => {
    const { fake } = await start();

    await expectIgnored(fake, fake.sendMessage('who is Han Dong?'));
  });

  it('THEN a message mentioning only @everyone gets no reply', async () => {
    const { fake } = await start();
    // As Discord sends it from someone allowed to mention everyone (the fake leaves the flag off).
    const everyone = {
      ...buildUserMessage(fake.world, { content: '@everyone who is Han Dong?' }),
      mention_everyone: true,
    };
    fake.dispatch('MESSAGE_CREATE', everyone);

    await expectIgnored(fake, everyone);
  });

  it('THEN another bot mentioning it gets no reply', async () => {
    const { fake } = await start();
    const otherBot = fake.addMember({ username: 'otherbot', bot: true });

    await expectIgnored(
      fake,
      fake.sendMessage({ content: 'who is Han Dong?', mentionBot: true, author: otherBot.user }),
    );
  });

  it('THEN its own message mentioning itself gets no reply', async () => {
    const { fake } = await start();

    await expectIgnored(
      fake,
      fake.sendMessage({ content: 'who is Han Dong?', mentionBot: true, author: fake.botUser }),
    );
  });
});

describe('WHEN someone writes to the bot in a DM', () => {
  it('THEN it answers without needing a mention', async () => {
    const { fake } = await start();

    const sent = fake.sendMessage({ content: 'who is Han Dong?', dm: true });
    const reply = await fake.waitForChannelMessage(replyTo(sent.id));

    expect(reply.channelId).toBe(fake.dmChannelId());
    expect(reply.body.embeds?.length).toBe(1);
  });
});

describe('GIVEN the bot has no Message Content intent', () => {
  it('THEN Discord still gives it the text of mentions and DMs, and it answers both', async () => {
    const { fake } = await start();

    const mention = fake.sendMessage({ content: 'who is Han Dong?', mentionBot: true });
    const dm = fake.sendMessage({ content: 'who is Han Dong?', dm: true });
    const replies = await Promise.all([
      fake.waitForChannelMessage(replyTo(mention.id)),
      fake.waitForChannelMessage(replyTo(dm.id)),
    ]);

    for (const reply of replies) expect(reply.body.embeds?.length).toBe(1);
  });
});

describe('GIVEN someone mentions the bot faster than the cooldown allows', () => {
  it('THEN the bot says so once in the channel and then stays quiet, rather than spam back', async () => {
    const { fake } = await start({ ASK_COOLDOWN_COUNT: '1', ASK_COOLDOWN_SECONDS: '60' });

    const first = fake.sendMessage({ content: 'who is Han Dong?', mentionBot: true });
    await fake.waitForChannelMessage(replyTo(first.id));
    const second = fake.sendMessage({ content: 'who is Han Dong?', mentionBot: true });
    const notice = await fake.waitForChannelMessage(replyTo(second.id));
    const third = fake.sendMessage({ content: 'who is Han Dong?', mentionBot: true });
    // Someone else's question, answered, shows the bot has handled the third before we look.
    const other = fake.addMember({ username: 'cleo' });
    const sentinel = fake.sendMessage({ content: 'who is Han Dong?', mentionBot: true, author: other.user });
    await fake.waitForChannelMessage(replyTo(sentinel.id));

    expect(notice.body.content).toMatch(/asking quickly/);
    expect(fake.channelMessages.filter(replyTo(third.id))).toEqual([]);
  });
});
