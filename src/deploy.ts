import 'dotenv/config';
import { DiscordAPIError } from 'discord.js';
import { commands } from '../commands/index.js';
import { ConfigError, readConfig } from './config/env.js';
import { deployCommands, describeDeployment } from './discord/deploy.js';

/** `npm run deploy-commands`: registers every slash command once; rerun after changing a definition. */
try {
  const config = readConfig(process.env, ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID']);
  console.log(describeDeployment(await deployCommands(config, commands)));
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else if (error instanceof DiscordAPIError && error.status === 401)
    console.error('Discord refused the token (401): check DISCORD_TOKEN.');
  else if (error instanceof DiscordAPIError) console.error(`Discord refused the commands: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
}
