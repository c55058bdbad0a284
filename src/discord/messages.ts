import type { Message } from 'discord.js';
import { type BotContext, type CommandRequest, type Reply, UserFacingError } from '../bot/types.js';
import { SOMETHING_WENT_WRONG } from './interactions.js';
import { messageRequest } from './requests.js';
import { replyToMessage } from './respond.js';

/** The /ask behaviour, as `commands/ask.ts` exports it. */
export type AskReply = (question: string, request: CommandRequest, ctx: BotContext) => Reply;

export function mentionHelp(botName: string): Reply {
  return {
    content: `Ask me about the story: mention me with a question, e.g. \`@${botName} who was expelled?\`, or use /ask. /help lists everything I can do.`,
  };
}

/** The question without the bot's own mention(s); other text, other mentions included, stays. */
export function questionFrom(content: string, botId: string): string {
  return content
    .replaceAll(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Answers a message that mentions the bot (an @everyone or role mention does not count) or any DM,
 * as /ask would. Bots, this one included, are never answered: two bots could talk forever.
 */
export function createMessageHandler(
  ctx: BotContext,
  askReply: AskReply,
): (message: Message) => Promise<void> {
  // A private notice (the cooldown's) cannot be private in a channel: say it once, then stay quiet,
  // so someone spamming mentions does not make the bot spam back.
  const noticed = new Map<string, number>();
  const quietMs = ctx.config.ASK_COOLDOWN_SECONDS * 1000;
  return async (message) => {
    if (message.author.bot) return;
    const me = message.client.user;
    if (message.inGuild() && !message.mentions.users.has(me.id)) return;
    const question = questionFrom(message.content, me.id);
    const where = { userId: message.author.id, guildId: message.guildId, messageId: message.id };
    let reply: Reply;
    try {
      reply =
        question === ''
          ? mentionHelp(me.displayName)
          : askReply(question, messageRequest(message, question), ctx);
    } catch (error) {
      if (!(error instanceof UserFacingError)) ctx.logger.error({ err: error, ...where }, 'mention failed');
      reply = { content: error instanceof UserFacingError ? error.message : SOMETHING_WENT_WRONG };
    }
    if (reply.ephemeral) {
      const last = noticed.get(message.author.id) ?? 0;
      if (Date.now() - last < quietMs) return;
      noticed.set(message.author.id, Date.now());
      if (noticed.size > 10_000) noticed.clear();
    }
    try {
      await replyToMessage(message, reply);
    } catch (error) {
      // Usually a channel where the bot may read but not write; nothing to tell anyone there.
      ctx.logger.warn({ err: error, ...where }, 'could not reply to a mention');
    }
  };
}
