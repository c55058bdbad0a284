import { SlashCommandBuilder } from 'discord.js';
import { fitEmbed, truncate } from '../src/bot/limits.js';
import type { Command } from '../src/bot/types.js';
import type { Story } from '../src/knowledge/types.js';
import { safeText } from '../src/render/discord.js';

/** `/help`: what the bot does, in a few examples drawn from the story it serves. */

const data = new SlashCommandBuilder().setName('help').setDescription('What this bot does and how to ask it');

/** Example text goes inside inline code, where a backtick would end it early. */
const example = (text: string) => truncate(text.replace(/`/g, "'"), 80);

function helpEmbed(story: Story) {
  const question = example(story.qa[0]?.question ?? 'What is this story about?');
  const about = example(story.entities[0]?.aliases[0] ?? story.entities[0]?.name ?? 'a name');
  return fitEmbed({
    title: 'Ask me about the article',
    description:
      `I answer questions about one news article, “${safeText(story.article.title)}”. ` +
      'Every answer cites the paragraph it comes from (¶N) and quotes it word for word; ' +
      "when the article doesn't say, I say so.",
    fields: [
      {
        name: 'Ask',
        value: `\`/ask question:${question}\` — add \`private:True\` to see the answer alone.\nOr mention me with your question, or send it to me in a DM.`,
      },
      { name: 'Timeline', value: `\`/timeline about:${about} from:2019\` — dated events, oldest first.` },
      {
        name: 'Source',
        value: '`/source` — the article itself; `/source paragraph:7` — one paragraph in full.',
      },
      { name: 'Moderators', value: '`/fact` — add or correct facts for this server.' },
    ],
  });
}

export default {
  data,
  execute(_request, ctx) {
    return { embeds: [helpEmbed(ctx.knowledge.story)], ephemeral: true };
  },
} satisfies Command;
