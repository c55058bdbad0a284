import { type APIApplicationCommand, REST, Routes } from 'discord.js';
import type { Command } from '../bot/types.js';
import type { Config } from '../config/env.js';

export interface Deployment {
  /** The server the commands were registered to, or null for every server (global). */
  guildId: string | null;
  names: string[];
}

/**
 * Replaces the application's slash commands with `commands` in one PUT: to one server when
 * DISCORD_GUILD_ID is set (instant, for development), otherwise globally. Never run on start.
 */
export async function deployCommands(
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_CLIENT_ID' | 'DISCORD_GUILD_ID' | 'DISCORD_API_URL'>,
  commands: readonly Command[],
): Promise<Deployment> {
  const { DISCORD_TOKEN: token, DISCORD_CLIENT_ID: clientId, DISCORD_GUILD_ID: guildId } = config;
  if (!token || !clientId) throw new Error('deployCommands needs DISCORD_TOKEN and DISCORD_CLIENT_ID');
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(token);
  const route = guildId
    ? Routes.applicationGuildCommands(clientId, guildId)
    : Routes.applicationCommands(clientId);
  const registered = (await rest.put(route, {
    body: commands.map((command) => command.data.toJSON()),
  })) as APIApplicationCommand[];
  return { guildId: guildId ?? null, names: registered.map((command) => command.name) };
}

export function describeDeployment({ guildId, names }: Deployment): string {
  const list = names.map((name) => `/${name}`).join(', ');
  return guildId
    ? `Registered ${names.length} commands to server ${guildId}: ${list}`
    : `Registered ${names.length} commands globally (they can take up to an hour to appear everywhere): ${list}`;
}
