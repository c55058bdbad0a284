import { once } from 'node:events';
import {
  ApplicationCommandOptionType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  Partials,
  PermissionFlagsBits,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from './fakeDiscord/index.js';

let fake: FakeDiscord;
let client: Client | undefined;

type Handlers = {
  interaction?: (interaction: Interaction) => Promise<unknown>;
  message?: (message: Message) => Promise<unknown>;
  partials?: Partials[];
};

/** Logs a real discord.js client into the fake and resolves once it emitted clientReady. */
async function startBot(handlers: Handlers = {}): Promise<Client<true>> {
  const bot = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ],
    partials: handlers.partials ?? [],
    rest: { api: fake.apiUrl },
  });
  client = bot;
  const { interaction, message } = handlers;
  // Handler errors would otherwise vanish into discord.js's event emitter; surface them in the test log.
  if (interaction) bot.on(Events.InteractionCreate, (i) => void interaction(i).catch(console.error));
  if (message) bot.on(Events.MessageCreate, (m) => void message(m).catch(console.error));
  const ready = once(bot, Events.ClientReady);
  await bot.login(fake.token);
  await ready;
  return bot as Client<true>;
}

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await fake.close();
});

describe('fake Discord', () => {
  describe('login', () => {
    it('lets a discord.js client log in and become ready with the guild, channel and its own member cached', async () => {
      const bot = await startBot();

      expect(bot.user.id).toBe(fake.botUser.id);
      const guild = bot.guilds.cache.get(fake.guild.id);
      expect(guild?.name).toBe(fake.guild.name);
      expect(guild?.channels.cache.get(fake.channelId)?.isTextBased()).toBe(true);
      expect(guild?.members.me?.id).toBe(fake.botUser.id);
      expect(bot.application.id).toBe(fake.applicationId);
    });

    it('is reached over plain JSON with gateway v10', async () => {
      await startBot();

      expect(fake.gatewayConnections[0]).toMatchObject({ v: '10', encoding: 'json' });
      const identify = await fake.waitForIdentify();
      expect(identify.intents & GatewayIntentBits.MessageContent).toBeTruthy();
    });

    it('refuses a wrong token with 401, which discord.js reports as an invalid token', async () => {
      const bot = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
      client = bot;

      await expect(bot.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
      expect(fake.requests.find((request) => request.path === '/gateway/bot')?.status).toBe(401);
    });
  });

  describe('slash commands', () => {
    it('delivers a slash command to interactionCreate and records the reply as the callback', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          await interaction.reply({ content: `You asked: ${interaction.options.getString('question')}` });
        },
      });

      const reply = await fake.sendInteraction({
        name: 'ask',
        options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Who won?' }],
      });

      expect(reply).toEqual({ type: 4, data: expect.objectContaining({ content: 'You asked: Who won?' }) });
    });

    it('records deferReply as the callback and editReply as a PATCH of @original', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          await interaction.deferReply();
          await interaction.editReply('Here is the answer.');
        },
      });

      const pending = fake.sendInteraction({ name: 'ask' });
      expect((await pending).type).toBe(5);
      const edit = await fake.waitForWebhook(pending, (call) => call.method === 'PATCH');

      expect(edit.messageId).toBe('@original');
      expect(edit.body.content).toBe('Here is the answer.');
      expect(edit.message?.content).toBe('Here is the answer.');
    });

    it('records follow-ups sent after a reply', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          await interaction.reply('First.');
          await interaction.followUp({ content: 'Second.', flags: 64 });
        },
      });

      const pending = fake.sendInteraction({ name: 'ask' });
      await pending;
      const followUp = await fake.waitForWebhook(pending, (call) => call.method === 'POST');

      expect(followUp.body).toMatchObject({ content: 'Second.', flags: 64 });
    });

    it('returns the created message to reply({ withResponse: true })', async () => {
      const seen: unknown[] = [];
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          const response = await interaction.reply({ content: 'Stored.', withResponse: true });
          seen.push(response.resource?.message?.content);
        },
      });

      await fake.sendInteraction({ name: 'ask' });

      await expect.poll(() => seen).toEqual(['Stored.']);
    });

    it('turns the first follow-up after a deferral into the deferred reply, as Discord does', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          await interaction.deferReply();
          await interaction.followUp('Done thinking.');
        },
      });

      const pending = fake.sendInteraction({ name: 'ask' });
      const followUp = await fake.waitForWebhook(pending);

      expect(followUp).toMatchObject({
        method: 'POST',
        messageId: '@original',
        body: { content: 'Done thinking.' },
      });
    });

    it('passes attachments through multipart payload_json', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          await interaction.reply({
            content: 'See file',
            files: [{ attachment: Buffer.from('hello'), name: 'a.txt' }],
          });
        },
      });

      const pending = fake.sendInteraction({ name: 'export' });
      await pending;

      const [callback] = fake.callbacks;
      expect(callback?.body.data?.content).toBe('See file');
      expect(callback?.files[0]).toMatchObject({ filename: 'a.txt', data: Buffer.from('hello') });
    });

    it('rejects a reply longer than 2000 characters the way Discord does', async () => {
      const failures: unknown[] = [];
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          await interaction.reply('x'.repeat(2001)).catch((error: unknown) => failures.push(error));
        },
      });

      fake.sendInteraction({ name: 'ask' }, { timeoutMs: 300 }).catch(() => {});
      const request = await fake.waitForRequest((candidate) => candidate.path.endsWith('/callback'));

      expect(request.status).toBe(400);
      await expect.poll(() => failures[0]).toBeInstanceOf(DiscordAPIError);
      expect((failures[0] as DiscordAPIError).code).toBe(50035);
    });

    it('answers a second callback for the same interaction with "already acknowledged"', async () => {
      const failures: unknown[] = [];
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          await interaction.reply('One.');
          // Bypass discord.js's own InteractionAlreadyReplied check to reach the server.
          await interaction.client.rest
            .post(`/interactions/${interaction.id}/${interaction.token}/callback`, {
              body: { type: 4, data: { content: 'Two.' } },
              auth: false,
            })
            .catch((error: unknown) => failures.push(error));
        },
      });

      await fake.sendInteraction({ name: 'ask' });

      await expect.poll(() => (failures[0] as DiscordAPIError | undefined)?.code).toBe(40060);
    });

    it('lets the bot register commands and reads them back per scope', async () => {
      const bot = await startBot();

      await bot.application.commands.set(
        [{ name: 'ask', description: 'Ask about the story' }],
        fake.guild.id,
      );
      await bot.application.commands.set([{ name: 'about', description: 'About this bot' }]);

      expect(fake.registeredCommands(fake.guild.id).map((command) => command.name)).toEqual(['ask']);
      expect(fake.registeredCommands().map((command) => command.name)).toEqual(['about']);
      const fetched = await bot.application.commands.fetch({ guildId: fake.guild.id });
      expect([...fetched.values()].map((command) => command.name)).toEqual(['ask']);
    });

    it('uses the registered command id in interactions', async () => {
      const bot = await startBot({
        interaction: async (interaction) => {
          if (interaction.isChatInputCommand()) await interaction.reply(interaction.commandId);
        },
      });
      const [registered] = (
        await bot.application.commands.set([{ name: 'ask', description: 'Ask' }], fake.guild.id)
      ).values();

      const reply = await fake.sendInteraction({ name: 'ask' });

      expect(reply.data?.content).toBe(registered?.id);
    });
  });

  describe('other interaction kinds', () => {
    it('delivers autocomplete and records the choices', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isAutocomplete()) return;
          const typed = interaction.options.getFocused();
          await interaction.respond([{ name: `${typed}…`, value: typed }]);
        },
      });

      const reply = await fake.sendInteraction({
        kind: 'autocomplete',
        name: 'ask',
        options: [
          { name: 'question', type: ApplicationCommandOptionType.String, value: 'Who', focused: true },
        ],
      });

      expect(reply).toEqual({ type: 8, data: { choices: [{ name: 'Who…', value: 'Who' }] } });
    });

    it('delivers button clicks and records message updates', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (interaction.isButton())
            await interaction.update({ content: `Clicked ${interaction.customId}` });
        },
      });

      const reply = await fake.sendInteraction({ kind: 'component', customId: 'more' });

      expect(reply).toMatchObject({ type: 7, data: { content: 'Clicked more' } });
    });

    it('sends DM interactions with a user and no guild or member', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          await interaction.reply(
            `${interaction.inGuild() ? 'guild' : 'dm'} ${interaction.user.id} ${interaction.member}`,
          );
        },
      });

      const reply = await fake.sendInteraction({ name: 'ask', dm: true });

      expect(reply.data?.content).toBe(`dm ${fake.tester.user.id} null`);
    });

    it('gives members the permissions of their roles', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          const allowed = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild);
          await interaction.reply(allowed ? 'allowed' : 'denied');
        },
      });
      const moderator = fake.addRole({ name: 'Moderator', permissions: PermissionFlagsBits.ManageGuild });
      const mod = fake.addMember({ username: 'mod', roles: [moderator.id] });

      const asTester = await fake.sendInteraction({ name: 'reload' });
      const asMod = await fake.sendInteraction({ name: 'reload', user: mod.user });

      expect(asTester.data?.content).toBe('denied');
      expect(asMod.data?.content).toBe('allowed');
    });

    it('forgets interactions not answered before the deadline and says so when the wait fails', async () => {
      await fake.close();
      fake = await startFakeDiscord({ interactionDeadlineMs: 50 });
      await startBot({
        interaction: async (interaction) => {
          if (!interaction.isChatInputCommand()) return;
          await new Promise((resolve) => setTimeout(resolve, 100));
          await interaction.reply('Too late.').catch(() => {});
        },
      });

      await expect(fake.sendInteraction({ name: 'slow' }, { timeoutMs: 400 })).rejects.toThrow(
        /refused with 404 .*"code":10062.*deadline/,
      );
    });

    it('fails a wait with a message naming the unanswered interaction', async () => {
      await startBot();

      await expect(fake.sendInteraction({ name: 'ignored' }, { timeoutMs: 100 })).rejects.toThrow(
        /did not answer interaction \/ignored/,
      );
    });
  });

  describe('messages', () => {
    it('delivers a message mentioning the bot and records message.reply as a channel message', async () => {
      await startBot({
        message: async (message) => {
          if (message.author.bot || !message.mentions.has(message.client.user)) return;
          await message.reply(`echo: ${message.content}`);
        },
      });

      const sent = fake.sendMessage({ content: 'what happened?', mentionBot: true });
      const reply = await fake.waitForChannelMessage();

      expect(reply.channelId).toBe(fake.channelId);
      expect(reply.body.content).toBe(`echo: <@${fake.botUser.id}> what happened?`);
      expect(reply.body.message_reference?.message_id).toBe(sent.id);
    });

    it('delivers DM messages to a bot that enables Partials.Channel', async () => {
      await startBot({
        partials: [Partials.Channel],
        message: async (message) => {
          if (!message.author.bot) await message.reply('Hi in DM');
        },
      });

      fake.sendMessage({ content: 'hello', dm: true });
      const reply = await fake.waitForChannelMessage();

      expect(reply.channelId).toBe(fake.dmChannelId());
    });

    it('blanks message content for a bot without the MessageContent intent', async () => {
      const seen: string[] = [];
      const bot = new Client({
        intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
        rest: { api: fake.apiUrl },
      });
      client = bot;
      bot.on(Events.MessageCreate, (message) => void seen.push(message.content));
      const ready = once(bot, Events.ClientReady);
      await bot.login(fake.token);
      await ready;

      fake.sendMessage('secret');
      fake.sendMessage({ content: 'hello', mentionBot: true });

      await expect.poll(() => seen).toEqual(['', `<@${fake.botUser.id}> hello`]);
    });
  });

  describe('REST', () => {
    it('answers unknown routes with a Discord-style 404 and records them', async () => {
      const bot = await startBot();

      await expect(bot.rest.get('/no/such/route')).rejects.toMatchObject({ status: 404 });

      expect(fake.unknownRoutes.map((request) => `${request.method} ${request.path}`)).toEqual([
        'GET /no/such/route',
      ]);
    });
  });

  describe('reconnects', () => {
    it('resumes after a dropped connection and delivers the interaction sent meanwhile', async () => {
      const bot = await startBot({
        interaction: async (interaction) => {
          if (interaction.isChatInputCommand()) await interaction.reply('still here');
        },
      });
      const resumed = once(bot, Events.ShardResume);

      await fake.dropConnection();
      const reply = await fake.sendInteraction({ name: 'ask' });

      expect(reply.data?.content).toBe('still here');
      expect(await fake.waitForResume()).toEqual({ replayed: 1 });
      await resumed;
      expect(fake.gatewayConnections).toHaveLength(2);
    });

    it('also resumes after the socket is killed without a close frame', async () => {
      await startBot({
        interaction: async (interaction) => {
          if (interaction.isChatInputCommand()) await interaction.reply('back');
        },
      });

      await fake.dropConnection({ terminate: true });
      const reply = await fake.sendInteraction({ name: 'ask' });

      expect(reply.data?.content).toBe('back');
    });
  });
});
