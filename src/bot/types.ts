import type {
  APIActionRowComponent,
  APIApplicationCommandOptionChoice,
  APIComponentInMessageActionRow,
  APIEmbed,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import type { Conversations } from './conversations.js';
import type { Cooldown } from './cooldown.js';
import type { GuildKnowledge } from './knowledge.js';

/**
 * The bot's commands speak in these platform-neutral shapes. The Discord adapter turns an
 * interaction into a CommandRequest and a Reply into an API call; the local console does the
 * same from a typed line. Neither the engine nor the commands know which one they serve.
 */

export interface Requester {
  id: string;
  /** Display name, for the history of who changed what. */
  name: string;
}

export interface MemberRights {
  /** Has Manage Messages in this server (or Administrator). */
  manageMessages: boolean;
  roleIds: string[];
}

export type OptionValue = string | number | boolean;

export interface CommandRequest {
  /** Subcommand name for commands that have them (`/fact add` → "add"). */
  subcommand?: string;
  options: Record<string, OptionValue | undefined>;
  user: Requester;
  /** null in DMs and in the console. */
  guildId: string | null;
  /** Where it was asked, so follow-ups are kept per channel. */
  channelId?: string;
  /** null in DMs. The console plays a moderator with full rights. */
  member: MemberRights | null;
}

export interface AutocompleteRequest extends CommandRequest {
  focused: { name: string; value: string };
}

/** A button press: `customId` split on ':' after the owning prefix. */
export interface ComponentRequest extends CommandRequest {
  args: string[];
}

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Seen only by the person who asked. */
  ephemeral?: boolean;
  /** For a button press: replace the message the button is on instead of posting a new one. */
  update?: boolean;
}

export interface BotContext {
  knowledge: GuildKnowledge;
  config: Config;
  logger: Logger;
  /** Shared by /ask and mentions. */
  cooldown: Cooldown;
  /** Each person's last answer per channel, for follow-up questions. */
  conversations: Conversations;
}

export interface CommandDefinition {
  name: string;
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

export interface Command {
  data: CommandDefinition;
  execute(request: CommandRequest, ctx: BotContext): Reply | Promise<Reply>;
  autocomplete?(request: AutocompleteRequest, ctx: BotContext): APIApplicationCommandOptionChoice[];
  /** Buttons this command owns: `customId` starts with `${prefix}:`. */
  components?: {
    prefix: string;
    execute(request: ComponentRequest, ctx: BotContext): Reply | Promise<Reply>;
  }[];
}

/** A handler for the buttons whose `customId` starts with its prefix. */
export type ComponentHandler = NonNullable<Command['components']>[number];

/** What a front end (Discord, the console) needs from `commands/index.ts`; a test can stand in its own. */
export interface CommandRegistry {
  findCommand(name: string): Command | undefined;
  findComponentHandler(customId: string): { handler: ComponentHandler; args: string[] } | undefined;
}

/** A message the user should see as it is (not a crash): thrown by commands, shown ephemerally. */
export class UserFacingError extends Error {}
