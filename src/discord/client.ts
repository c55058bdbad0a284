import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../config/env.js';

type ClientConfig = Pick<Config, 'DISCORD_API_URL'>;

/**
 * The intents the bot needs. Not the privileged Message Content intent: Discord sends a bot the
 * text of messages that mention it and of DMs without it, and those are the only messages it reads.
 */
export function botIntents(): GatewayIntentBits[] {
  return [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
}

export function createClient(config: ClientConfig): Client {
  return new Client({
    intents: botIntents(),
    // DM channels are not cached until used; without this partial their first message never arrives.
    partials: [Partials.Channel],
    // A second guard behind respond.ts: nothing the bot sends pings anyone.
    allowedMentions: { parse: [], repliedUser: false },
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
}
