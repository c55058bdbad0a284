import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type APIRole,
  InteractionContextType,
  ApplicationCommandOptionType as OptionType,
  PermissionFlagsBits,
} from 'discord.js';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { Conversations } from '../../src/bot/conversations.js';
import { Cooldown } from '../../src/bot/cooldown.js';
import { createGuildKnowledge } from '../../src/bot/knowledge.js';
import type { BotContext } from '../../src/bot/types.js';
import { readConfig } from '../../src/config/env.js';
import { type RunningBot, startBot } from '../../src/discord/bot.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { NOT_A_MODERATOR, NOT_IN_SERVER } from '../../src/moderation/permissions.js';
import { articleCheck } from '../../src/store/checks.js';
import { openSqliteStore } from '../../src/store/sqlite/open.js';
import type { KnowledgeStore } from '../../src/store/store.js';
import {
  type FakeDiscord,
  type FakeMember,
  type InteractionCallbackBody,
  startFakeDiscord,
} from '../fakeDiscord/index.js';
import { buildTextChannel } from '../fakeDiscord/payloads.js';
import { EPHEMERAL, testStory } from './harness.js';

/**
 * Moderators changing this server's facts through the real bot on the fake Discord, with the
 * SQLite store opened the way src/main.ts opens it (in a fresh temp folder per test).
 */

interface ModerationBot {
  fake: FakeDiscord;
  bot: RunningBot;
  ctx: BotContext;
  store: KnowledgeStore;
  /** A member with a role that has Manage Messages. */
  mod: FakeMember;
  /** A member with no role at all. */
  reader: FakeMember;
}

const closers: Array<() => void | Promise<void>> = [];

afterEach(async () => {
  // Last opened, first closed: the bot, then the fake, then the store and its folder.
  for (const close of closers.splice(0).reverse()) await close();
});

/**
 * A fresh fake Discord with a moderator and a reader, then the real bot on a context built as
 * main.ts builds it. `prepare` may add roles and members and returns extra environment.
 */
async function start(
  prepare: (fake: FakeDiscord) => Record<string, string> = () => ({}),
): Promise<ModerationBot> {
  const dir = mkdtempSync(join(tmpdir(), 'bot-moderation-'));
  closers.push(() => rmSync(dir, { recursive: true, force: true }));
  const fake = await startFakeDiscord();
  closers.push(() => fake.close());
  const mods = fake.addRole({ name: 'Mods', permissions: PermissionFlagsBits.ManageMessages });
  const mod = fake.addMember({ username: 'alice', globalName: 'Alice Moderator', roles: [mods.id] });
  const reader = fake.addMember({ username: 'bob', globalName: 'Bob Reader' });
  const config = readConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATABASE_PATH: join(dir, 'bot.db'),
    LOG_LEVEL: 'silent',
    ASK_COOLDOWN_COUNT: '1000',
    ...prepare(fake),
  });
  const story = testStory();
  const store = openSqliteStore(config.DATABASE_PATH, { check: articleCheck(story.article) });
  closers.push(() => store.close());
  const ctx: BotContext = {
    knowledge: createGuildKnowledge(story, store),
    config,
    logger: pino({ level: 'silent' }),
    cooldown: new Cooldown(config.ASK_COOLDOWN_COUNT, config.ASK_COOLDOWN_SECONDS),
    conversations: new Conversations(),
  };
  const bot = await startBot(ctx);
  closers.push(() => bot.stop());
  return { fake, bot, ctx, store, mod, reader };
}

const QUESTION = 'who is the special rapporteur';
const STATEMENT = 'The special rapporteur is David Johnston.';
const JOHNSTON = {
  statement: STATEMENT,
  url: 'https://example.org/johnston',
  source_title: 'Example News',
  quote: 'David Johnston',
  phrasing: QUESTION,
};

type Options = Record<string, string | number>;

/** `/fact <subcommand> …` as Discord sends it: one subcommand option holding the typed options. */
function fact(
  fake: FakeDiscord,
  subcommand: string,
  options: Options,
  from: { user?: FakeMember; dm?: boolean; channelId?: string } = {},
) {
  const typed = Object.entries(options).map(([name, value]) => ({
    name,
    type: typeof value === 'number' ? OptionType.Integer : OptionType.String,
    value,
  }));
  return fake.sendInteraction({
    name: 'fact',
    options: [{ name: subcommand, type: OptionType.Subcommand, options: typed }],
    ...(from.user ? { user: from.user.user } : {}),
    ...(from.dm ? { dm: true } : {}),
    ...(from.channelId ? { channelId: from.channelId } : {}),
  });
}

/** `/ask question:…`, by the default tester unless `user` is given. */
function ask(
  fake: FakeDiscord,
  question: string,
  where: { user?: FakeMember; dm?: boolean; channelId?: string } = {},
) {
  return fake.sendInteraction({
    name: 'ask',
    options: [{ name: 'question', type: OptionType.String, value: question }],
    ...(where.user ? { user: where.user.user } : {}),
    ...(where.dm ? { dm: true } : {}),
    ...(where.channelId ? { channelId: where.channelId } : {}),
  });
}

interface Embed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
}

function embedOf(reply: InteractionCallbackBody): Embed {
  expect(reply.type).toBe(4);
  const embed = reply.data?.embeds?.[0] as Embed | undefined;
  expect(embed).toBeDefined();
  return embed as Embed;
}

/** An ephemeral message reply; returns its content. */
function ephemeral(reply: InteractionCallbackBody): string {
  expect(reply.type).toBe(4);
  expect((reply.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  return reply.data?.content ?? '';
}

/** The entry id a `/fact add` reply names: "Added `id` (revision 1)." */
function addedId(content: string): string {
  const id = /^Added `([^`]+)` \(revision 1\)\.$/.exec(content)?.[1];
  if (!id) throw new Error(`no entry id in ${JSON.stringify(content)}`);
  return id;
}

const mentionsJohnston = (embed: Embed) => JSON.stringify(embed).includes('Johnston');

describe('GIVEN a moderator (a role with Manage Messages) in a server', () => {
  it('WHEN they add a fact with an outside source THEN /ask answers from it, /fact history names them, and /fact remove takes it back', async () => {
    const { fake, mod, reader } = await start();
    const curated = embedOf(await ask(fake, QUESTION));
    expect(mentionsJohnston(curated)).toBe(false);

    const added = ephemeral(await fact(fake, 'add', JOHNSTON, { user: mod }));

    const id = addedId(added);
    expect(id).toBe('the-special-rapporteur-is-david-johnston');
    expect(ephemeral(await fact(fake, 'list', { filter: 'johnston' }, { user: mod }))).toContain(
      `\`${id}\` · moderator`,
    );

    // WHEN anyone in that server asks
    const answer = embedOf(await ask(fake, QUESTION, { user: reader }));
    expect(answer.description).toBe(STATEMENT);
    const sources = answer.fields?.find((field) => field.name === 'Sources')?.value ?? '';
    expect(sources).toContain('“David Johnston” — Example News (https://example.org/johnston)');
    expect(sources).toContain("added by this server's moderators");

    // THEN the history names the moderator
    const history = ephemeral(await fact(fake, 'history', { id }, { user: mod }));
    expect(history).toMatch(/^r1 · add · Alice Moderator · \d{4}-\d\d-\d\dT/);

    // WHEN the moderator retires it THEN the server answers as before
    expect(ephemeral(await fact(fake, 'remove', { id }, { user: mod }))).toBe(
      `Retired \`${id}\` (revision 2).`,
    );
    const after = embedOf(await ask(fake, QUESTION, { user: reader }));
    expect(mentionsJohnston(after)).toBe(false);
    expect(after).toEqual(curated);
    expect(ephemeral(await fact(fake, 'history', { id }, { user: mod }))).toMatch(
      /r1 · add · Alice Moderator .*\nr2 · retire · Alice Moderator /,
    );
  });

  it('WHEN their quote is not in the cited paragraph THEN the add is refused naming ¶7, and nothing changes', async () => {
    const { fake, ctx, store, mod } = await start();
    const before = embedOf(await ask(fake, QUESTION));

    const reply = await fact(
      fake,
      'add',
      { statement: STATEMENT, paragraph: 7, quote: 'not in the article', phrasing: QUESTION },
      { user: mod },
    );

    expect(ephemeral(reply)).toBe('quote not found in ¶7: copy it word for word from the article.');
    expect(store.overlay(fake.guild.id)).toEqual([]);
    expect(ctx.knowledge.engineFor(fake.guild.id).entry('the-special-rapporteur-is-david-johnston')).toBe(
      undefined,
    );
    expect(embedOf(await ask(fake, QUESTION))).toEqual(before);
  });
});

describe('GIVEN a member without Manage Messages and without a moderator role', () => {
  it('WHEN they /fact add THEN they are told privately that they need Manage Messages, and /ask still gives the curated answer', async () => {
    const { fake, store, reader } = await start();
    const before = embedOf(await ask(fake, QUESTION));

    const reply = await fact(fake, 'add', JOHNSTON, { user: reader });

    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(ephemeral(reply)).toBe(NOT_A_MODERATOR);
    expect(NOT_A_MODERATOR).toMatch(/Manage Messages/);
    expect(store.overlay(fake.guild.id)).toEqual([]);
    const after = embedOf(await ask(fake, QUESTION, { user: reader }));
    expect(after).toEqual(before);
    expect(mentionsJohnston(after)).toBe(false);
  });
});

describe('GIVEN a member with Manage Messages in one channel only (a channel override)', () => {
  it('WHEN they /fact add THEN they are refused: a change reaches every channel, so it takes the server-wide right', async () => {
    const { fake, store, reader } = await start();

    const reply = await fake.sendInteraction({
      name: 'fact',
      options: [
        {
          name: 'add',
          type: OptionType.Subcommand,
          options: Object.entries(JOHNSTON).map(([name, value]) => ({
            name,
            type: OptionType.String,
            value,
          })),
        },
      ],
      user: reader.user,
      member: { permissions: PermissionFlagsBits.ManageMessages | PermissionFlagsBits.SendMessages },
    });

    expect(ephemeral(reply)).toBe(NOT_A_MODERATOR);
    expect(store.overlay(fake.guild.id)).toEqual([]);
  });
});

describe('WHEN /fact add comes from a DM with the bot', () => {
  it('THEN it is refused privately (moderator commands work only in a server), even for a moderator', async () => {
    const { fake, store, mod } = await start();

    const reply = await fact(fake, 'add', JOHNSTON, { user: mod, dm: true });

    expect(ephemeral(reply)).toBe(NOT_IN_SERVER);
    expect(NOT_IN_SERVER).toMatch(/only in a server/);
    expect(store.overlay(fake.guild.id)).toEqual([]);
  });
});

describe('GIVEN MODERATOR_ROLE_IDS lists a role without Manage Messages', () => {
  it('THEN a member with that role may add a fact, and the server answers from it', async () => {
    let checkers: APIRole | undefined;
    const { fake } = await start((fake) => {
      checkers = fake.addRole({ name: 'Fact checkers' });
      return { MODERATOR_ROLE_IDS: checkers.id };
    });
    const checker = fake.addMember({ username: 'carol', roles: [checkers?.id ?? ''] });
    const listed = await fact(fake, 'list', { filter: 'nothing-matches-this' }, { user: checker });
    expect(ephemeral(listed)).toBe('No entries match.');

    const added = ephemeral(await fact(fake, 'add', JOHNSTON, { user: checker }));

    const id = addedId(added);
    expect(embedOf(await ask(fake, QUESTION)).description).toBe(STATEMENT);
    expect(ephemeral(await fact(fake, 'history', { id }, { user: checker }))).toMatch(/^r1 · add · carol · /);
  });

  it('THEN the same member is refused when the role is not listed', async () => {
    const { fake } = await start();
    const checkers = fake.addRole({ name: 'Fact checkers' });
    const checker = fake.addMember({ username: 'carol', roles: [checkers.id] });

    expect(ephemeral(await fact(fake, 'add', JOHNSTON, { user: checker }))).toBe(NOT_A_MODERATOR);
  });
});

describe("GIVEN a moderator changed this server's facts", () => {
  it('THEN a DM with the bot and another server still get the curated answer', async () => {
    const { fake, mod } = await start();
    const curated = embedOf(await ask(fake, QUESTION));
    // Another server the bot is used in: the fake has one guild, so add a channel of a second one.
    const otherGuildId = fake.world.nextId();
    const otherChannelId = fake.world.nextId();
    fake.world.channels.set(otherChannelId, buildTextChannel(otherChannelId, otherGuildId, 'elsewhere', 0));
    // Both servers' engines are cached before the change: only the first one may be updated.
    expect(embedOf(await ask(fake, QUESTION, { channelId: otherChannelId }))).toEqual(curated);

    addedId(ephemeral(await fact(fake, 'add', JOHNSTON, { user: mod })));

    expect(embedOf(await ask(fake, QUESTION)).description).toBe(STATEMENT);
    const dm = embedOf(await ask(fake, QUESTION, { user: mod, dm: true }));
    expect(dm).toEqual(curated);
    expect(mentionsJohnston(dm)).toBe(false);
    const elsewhere = embedOf(await ask(fake, QUESTION, { channelId: otherChannelId }));
    expect(elsewhere).toEqual(curated);
    expect(mentionsJohnston(elsewhere)).toBe(false);
    // The same moderator sees the entry listed in the first server only.
    const johnston = { filter: 'johnston' };
    expect(ephemeral(await fact(fake, 'list', johnston, { user: mod }))).toMatch(/· moderator ·/);
    expect(ephemeral(await fact(fake, 'list', johnston, { user: mod, channelId: otherChannelId }))).toBe(
      'No entries match.',
    );
  });
});

describe('WHEN the commands are deployed', () => {
  it('THEN /fact needs Manage Messages by default (8192) and is offered in servers only, not in DMs', async () => {
    const { fake, mod } = await start();
    const config = readConfig(
      { DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl },
      ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'],
    );

    await deployCommands(config, commands);

    const registered = fake.registeredCommands().find((command) => command.name === 'fact');
    expect(registered).toBeDefined();
    expect(registered?.default_member_permissions).toBe(PermissionFlagsBits.ManageMessages.toString());
    expect(registered?.default_member_permissions).toBe('8192');
    expect(registered?.contexts).toEqual([InteractionContextType.Guild]);
    expect(registered?.dm_permission).not.toBe(true);
    // The bot refuses a DM invocation by itself too (Discord should never send one).
    expect(ephemeral(await fact(fake, 'add', JOHNSTON, { user: mod, dm: true }))).toBe(NOT_IN_SERVER);
  });
});
