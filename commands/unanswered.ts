import { createHash } from 'node:crypto';
import {
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { LIMITS, truncate } from '../src/bot/limits.js';
import type { BotContext, Command, ComponentRequest, Reply } from '../src/bot/types.js';
import { UserFacingError } from '../src/bot/types.js';
import { requireModerator } from '../src/moderation/permissions.js';
import { storeFor } from '../src/moderation/service.js';
import type { ActionRow } from '../src/render/discord.js';
import { safeText } from '../src/render/discord.js';
import type { DeclinedQuestion } from '../src/store/store.js';

/**
 * `/unanswered`: the questions this server asked that the bot declined, most asked first, each
 * with a button for a ready-to-paste `/fact add` and one to dismiss it. Buttons carry a short
 * hash of the question (`unanswered:draft:<hash>`), not its place: the list changes between clicks.
 */

// One row of two buttons per question, and Discord allows five rows.
const SHOWN = 5;

const data = new SlashCommandBuilder()
  .setName('unanswered')
  .setDescription('Moderators: the questions the bot could not answer, most asked first')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
  .setContexts(InteractionContextType.Guild);

/** Enough of a SHA-256 to tell a server's declined questions apart, short enough for a custom_id. */
const keyOf = (question: string) => createHash('sha256').update(question).digest('hex').slice(0, 16);

function row(n: number, question: string): ActionRow {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: `Draft a fact for #${n}`,
        custom_id: `unanswered:draft:${keyOf(question)}`,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: `Dismiss #${n}`,
        custom_id: `unanswered:dismiss:${keyOf(question)}`,
      },
    ],
  };
}

/** The command a moderator pastes to answer `question`; they fill in the statement and source. */
export function factTemplate(question: string): string {
  const quoted = question.replace(/"/g, "'");
  return `/fact add statement:… paragraph:… quote:… phrasing:"${quoted}"`;
}

function questionFor(request: ComponentRequest, guildId: string, ctx: BotContext): DeclinedQuestion {
  const key = request.args[1] ?? '';
  // Look further than the five shown: the question may have moved down since the list was shown.
  const found = storeFor(ctx)
    .topDeclined(guildId, 500)
    .find((q) => keyOf(q.question) === key);
  if (!found) throw new UserFacingError('That question is no longer in the list; run `/unanswered` again.');
  return found;
}

export default {
  data,
  execute(request, ctx) {
    const { guildId } = requireModerator(request, ctx.config);
    const questions = storeFor(ctx).topDeclined(guildId, SHOWN);
    if (questions.length === 0) return { content: 'No unanswered questions. 🎉', ephemeral: true };
    const lines = questions.map(
      (q, i) => `**#${i + 1}** · asked ${q.count}× · ${safeText(truncate(q.question, 300))}`,
    );
    return {
      content: truncate(lines.join('\n'), LIMITS.content),
      components: questions.map((q, i) => row(i + 1, q.question)),
      ephemeral: true,
    };
  },
  components: [
    {
      prefix: 'unanswered',
      execute(request, ctx): Reply {
        const { guildId } = requireModerator(request, ctx.config);
        const question = questionFor(request, guildId, ctx);
        if (request.args[0] === 'dismiss') {
          storeFor(ctx).dismissDeclined(guildId, question.question);
          return { content: `Dismissed: ${safeText(question.question)}`, ephemeral: true };
        }
        // A code block shows the template as typed, ready to copy.
        return {
          content: truncate(
            `Fill in the statement and source, then send:\n\`\`\`\n${factTemplate(question.question)}\n\`\`\``,
            LIMITS.content,
          ),
          ephemeral: true,
        };
      },
    },
  ],
} satisfies Command;
