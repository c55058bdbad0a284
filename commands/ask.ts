import { ButtonStyle, ComponentType, SlashCommandBuilder } from 'discord.js';
import { LIMITS, truncate } from '../src/bot/limits.js';
import type { BotContext, Command, CommandRequest, Reply } from '../src/bot/types.js';
import { UserFacingError } from '../src/bot/types.js';
import type { Answer } from '../src/engine/types.js';
import { type ActionRow, answerEmbed, suggestionRows } from '../src/render/discord.js';
import { voteCustomId } from './feedback.js';

/** `/ask question:… private:…`: one answer from the article, with its sources. */

export const QUESTION_MAX = 500;

const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the article; the answer cites the paragraph it comes from')
  .addStringOption((o) =>
    o
      .setName('question')
      .setDescription('What you want to know, in your own words')
      .setRequired(true)
      .setMaxLength(QUESTION_MAX)
      .setAutocomplete(true),
  )
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'));

/**
 * The answer to a question however it arrived (/ask, a mention, a DM): same cooldown, same look.
 * A refused question gets an ephemeral notice, not an error: nothing went wrong.
 */
export function askReply(question: string, request: CommandRequest, ctx: BotContext, alone = false): Reply {
  if (question.trim() === '') throw new UserFacingError('Ask me a question about the article.');
  const refused = refusedByCooldown(request, ctx);
  if (refused) return refused;
  const thread = conversationKey(request);
  const answer = ctx.knowledge
    .engineFor(request.guildId)
    .ask(question, { follows: ctx.conversations.previous(thread) });
  if (answer.id !== null) ctx.conversations.remember(thread, answer.id);
  // Declined questions tell moderators what people want to know (/unanswered).
  if (!answer.answered && request.guildId !== null) ctx.knowledge.noteDeclined(request.guildId, question);
  return answerReply(answer, request, alone);
}

/** The answer a "Did you mean…" button stands for, posted for everyone to see. */
export function entryReply(entryId: string, request: CommandRequest, ctx: BotContext, alone = false): Reply {
  const entry = ctx.knowledge.engineFor(request.guildId).entry(entryId);
  if (!entry) throw new UserFacingError('That entry no longer exists.');
  // A click posts in the channel just as a question does, so it counts as one.
  const refused = refusedByCooldown(request, ctx);
  if (refused) return refused;
  ctx.conversations.remember(conversationKey(request), entry.id);
  return answerReply(
    {
      question: entry.title,
      answered: true,
      answer: entry.answer,
      citations: entry.citations,
      confidence: 1,
      id: entry.id,
      suggestions: [],
      suggestionIds: [],
      origin: entry.origin,
    },
    request,
    alone,
  );
}

/** One person's conversation in one place: follow-ups do not leak between channels or people. */
const conversationKey = (r: CommandRequest) => `${r.guildId ?? 'dm'}:${r.channelId ?? ''}:${r.user.id}`;

function refusedByCooldown(request: CommandRequest, ctx: BotContext): Reply | undefined {
  const verdict = ctx.cooldown.take(request.user.id);
  if (verdict.ok) return undefined;
  return { content: `You're asking quickly — try again in ${verdict.retryAfterSeconds} s.`, ephemeral: true };
}

/**
 * `alone`: only the asker sees the answer, and its "Did you mean" buttons answer privately too
 * (`ask:private:<id>`, against `ask:entry:<id>` for everyone).
 */
function answerReply(answer: Answer, request: CommandRequest, alone: boolean): Reply {
  const rows = suggestionRows(
    answer.suggestions,
    answer.suggestionIds,
    (id) => `ask:${alone ? 'private' : 'entry'}:${id}`,
  );
  // Votes are kept per server, so answers in DMs carry no 👍/👎.
  // An id too long for a custom_id gets no vote buttons rather than ones that vote for another entry.
  if (
    answer.answered &&
    answer.id !== null &&
    request.guildId !== null &&
    voteCustomId('down', answer.id).length <= LIMITS.customId
  )
    rows.push(voteRow(answer.id));
  return { embeds: [answerEmbed(answer)], components: rows, ...(alone ? { ephemeral: true } : {}) };
}

function voteRow(entryId: string): ActionRow {
  const button = (value: 'up' | 'down', emoji: string) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    emoji: { name: emoji },
    custom_id: voteCustomId(value, entryId),
  });
  return { type: ComponentType.ActionRow, components: [button('up', '👍'), button('down', '👎')] };
}

export default {
  data,
  execute(request, ctx) {
    const { question, private: alone } = request.options;
    return askReply(typeof question === 'string' ? question : '', request, ctx, alone === true);
  },
  autocomplete(request, ctx) {
    const seen = new Set<string>();
    return ctx.knowledge
      .engineFor(request.guildId)
      .suggest(request.focused.value, LIMITS.choices)
      .map((title) =>
        truncate(title.replace(/\s+/g, ' ').trim(), Math.min(LIMITS.choiceName, LIMITS.choiceValue)),
      )
      .filter((title) => title !== '' && !seen.has(title) && seen.add(title))
      .slice(0, LIMITS.choices)
      .map((title) => ({ name: title, value: title }));
  },
  components: [
    {
      prefix: 'ask',
      execute(request, ctx) {
        const [action, ...id] = request.args;
        if ((action !== 'entry' && action !== 'private') || id.length === 0)
          throw new UserFacingError('That button no longer works.');
        return entryReply(id.join(':'), request, ctx, action === 'private');
      },
    },
  ],
} satisfies Command;
