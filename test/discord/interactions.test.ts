import { once } from 'node:events';
import { Events, ApplicationCommandOptionType as OptionType, PermissionFlagsBits } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ask from '../../commands/ask.js';
import * as commands from '../../commands/index.js';
import timeline from '../../commands/timeline.js';
import { type Command, type Reply, UserFacingError } from '../../src/bot/types.js';
import { SOMETHING_WENT_WRONG, STALE_BUTTON } from '../../src/discord/interactions.js';
import { capturingLogger, customIds, EPHEMERAL, type Harness, startHarness } from './harness.js';

let harness: Harness | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  harness = await startHarness(options);
  return harness;
}

const question = (value: string) => [{ name: 'question', type: OptionType.String, value }];

describe('GIVEN the bot logged into Discord', () => {
  it('THEN it identifies with the message intents and is ready as the bot user', async () => {
    const { fake, bot } = await start();

    expect(bot.client.isReady()).toBe(true);
    expect(bot.client.user.id).toBe(fake.botUser.id);
    const identify = await fake.waitForIdentify();
    // Guilds, GuildMessages, DirectMessages; never the privileged Message Content intent (32768).
    expect(identify.intents).toBe(1 | 512 | 4096);
  });
});

describe('WHEN someone uses /ask', () => {
  it('THEN the callback is a public embed whose sources cite ¶ paragraphs', async () => {
    const { fake } = await start();

    const reply = await fake.sendInteraction({
      name: 'ask',
      options: question('Why did Han Dong leave the Liberal Party?'),
    });

    expect(reply.type).toBe(4);
    expect((reply.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    const fields = (reply.data?.embeds?.[0]?.fields ?? []) as Array<{ value: string }>;
    expect(fields.some((field) => /¶\d+/.test(field.value))).toBe(true);
    expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('THEN typing a question autocompletes to curated questions', async () => {
    const { fake } = await start();

    const reply = await fake.sendInteraction({
      kind: 'autocomplete',
      name: 'ask',
      options: [{ name: 'question', type: OptionType.String, value: 'kovrig', focused: true }],
    });

    expect(reply.type).toBe(8);
    const choices = reply.data?.choices ?? [];
    expect(choices[0]?.name).toMatch(/Kovrig/);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('THEN pressing a "Did you mean" button posts that answer for everyone', async () => {
    const { fake } = await start();
    const first = await fake.sendInteraction({ name: 'ask', options: question('michael') });
    const [suggestion] = customIds(first.data).filter((id) => id.startsWith('ask:entry:'));
    expect(suggestion).toBeDefined();

    const reply = await fake.sendInteraction({ kind: 'component', customId: suggestion });

    expect(reply.type).toBe(4);
    expect((reply.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(reply.data?.embeds?.[0]?.description).toBeTruthy();
  });
});

describe('WHEN someone turns a /timeline page', () => {
  it('THEN the button updates the message in place (callback type 7) with the next page', async () => {
    const { fake } = await start();
    const first = await fake.sendInteraction({ name: 'timeline' });
    const next = customIds(first.data).find((id) => id.startsWith('timeline:page:2'));
    expect(next).toBeDefined();

    const reply = await fake.sendInteraction({ kind: 'component', customId: next });

    expect(reply.type).toBe(7);
    expect(JSON.stringify(reply.data?.embeds)).toMatch(/Page 2 of/);
  });
});

describe('WHEN a command fails', () => {
  it('THEN an unexpected error is logged with its context, shown as a short ephemeral apology, and the next command is answered', async () => {
    const { logger, lines } = capturingLogger();
    const { fake } = await start({ logger });
    vi.spyOn(ask, 'execute').mockImplementationOnce(() => {
      throw new Error('disk on fire');
    });

    const failed = await fake.sendInteraction({ name: 'ask', options: question('Who is Han Dong?') });
    const next = await fake.sendInteraction({ name: 'ask', options: question('Who is Han Dong?') });

    expect(failed.data).toMatchObject({ content: SOMETHING_WENT_WRONG, flags: EPHEMERAL });
    expect(failed.data?.content).not.toContain('disk on fire');
    const logged = lines.find((line) => line.msg === 'interaction failed');
    expect(logged).toMatchObject({ command: 'ask', userId: fake.tester.user.id, guildId: fake.guild.id });
    expect(next.type).toBe(4);
    expect(next.data?.embeds?.length).toBe(1);
  });

  it('THEN a UserFacingError is shown to its user as written, privately', async () => {
    const { fake } = await start();

    const reply = await fake.sendInteraction({
      name: 'timeline',
      options: [{ name: 'from', type: OptionType.String, value: 'last spring' }],
    });

    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.content).toMatch(/from/);
  });

  it('THEN a button nobody owns any more gets an ephemeral explanation', async () => {
    const { fake } = await start();

    const reply = await fake.sendInteraction({ kind: 'component', customId: 'gone:1' });

    expect(reply).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: STALE_BUTTON } });
  });
});

describe('WHEN a command takes longer than Discord waits', () => {
  it('THEN the bot defers after about 2 s and edits the answer in', async () => {
    const { fake } = await start();
    const real = timeline.execute.bind(timeline);
    vi.spyOn(timeline as Command, 'execute').mockImplementationOnce(
      (request, ctx) => new Promise<Reply>((resolve) => setTimeout(() => resolve(real(request, ctx)), 2500)),
    );

    const pending = fake.sendInteraction({ name: 'timeline' });

    expect((await pending).type).toBe(5);
    const edit = await fake.waitForWebhook(pending, (call) => call.method === 'PATCH');
    expect(edit.messageId).toBe('@original');
    expect(JSON.stringify(edit.body.embeds)).toMatch(/Page 1 of/);
  });

  it('THEN a slow failure after deferring still reaches the user, privately', async () => {
    const { fake } = await start();
    vi.spyOn(timeline as Command, 'execute').mockImplementationOnce(
      () =>
        new Promise<Reply>((_resolve, reject) =>
          setTimeout(() => reject(new UserFacingError('Too slow, sorry.')), 2200),
        ),
    );

    const pending = fake.sendInteraction({ name: 'timeline' });

    expect((await pending).type).toBe(5);
    const followUp = await fake.waitForWebhook(pending, (call) => call.method === 'POST');
    expect(followUp.body).toMatchObject({ content: 'Too slow, sorry.', flags: EPHEMERAL });
  });
});

describe('WHEN the gateway connection drops', () => {
  it('THEN the bot resumes and answers the interaction sent meanwhile', async () => {
    const { fake, bot } = await start();
    const resumed = once(bot.client, Events.ShardResume);

    await fake.dropConnection();
    const reply = await fake.sendInteraction({ name: 'ask', options: question('Who is Han Dong?') });

    expect(reply.type).toBe(4);
    expect(await fake.waitForResume()).toEqual({ replayed: 1 });
    await resumed;
  });
});

describe('WHEN a command reads who is asking', () => {
  /** A registry whose one command answers with the request it received. */
  function echoing(): { registry: typeof commands; seen: unknown[] } {
    const seen: unknown[] = [];
    const echo: Command = {
      data: { name: 'echo', toJSON: () => ({ name: 'echo', description: 'echo' }) },
      execute(request) {
        seen.push(request);
        return { content: 'ok' };
      },
    };
    return { registry: { ...commands, findCommand: (name) => (name === 'echo' ? echo : undefined) }, seen };
  }

  it('THEN subcommand, options, roles and Manage Messages come from the interaction', async () => {
    const { registry, seen } = echoing();
    const { fake } = await start({ bot: { registry } });
    const mods = fake.addRole({ name: 'Mods', permissions: PermissionFlagsBits.ManageMessages });
    const mod = fake.addMember({ username: 'mod', roles: [mods.id] });

    await fake.sendInteraction({
      name: 'echo',
      user: mod.user,
      options: [
        {
          name: 'add',
          type: OptionType.Subcommand,
          options: [
            { name: 'statement', type: OptionType.String, value: 'A fact' },
            { name: 'paragraph', type: OptionType.Integer, value: 3 },
          ],
        },
      ],
    });
    await fake.sendInteraction({ name: 'echo' });

    expect(seen[0]).toEqual({
      subcommand: 'add',
      options: { statement: 'A fact', paragraph: 3 },
      user: { id: mod.user.id, name: 'mod' },
      guildId: fake.guild.id,
      channelId: fake.channelId,
      member: { manageMessages: true, roleIds: [mods.id] },
    });
    expect(seen[1]).toMatchObject({ member: { manageMessages: false, roleIds: [] } });
  });

  it('THEN in a DM there is no server and no member', async () => {
    const { registry, seen } = echoing();
    const { fake } = await start({ bot: { registry } });

    await fake.sendInteraction({ name: 'echo', dm: true });

    expect(seen[0]).toMatchObject({ guildId: null, member: null, user: { id: fake.tester.user.id } });
  });
});
