import { SlashCommandBuilder } from 'discord.js';
import { fitEmbed, LIMITS, truncate } from '../src/bot/limits.js';
import type { Command } from '../src/bot/types.js';
import { UserFacingError } from '../src/bot/types.js';
import { formatDate } from '../src/knowledge/dates.js';
import type { Article } from '../src/knowledge/types.js';
import { safeText } from '../src/render/discord.js';

/** `/source paragraph:…`: what the answers are drawn from, or one paragraph of it verbatim. */

const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription('The article the answers come from, or one of its paragraphs in full')
  .addIntegerOption((o) =>
    o.setName('paragraph').setDescription('Show this paragraph (¶) in full').setMinValue(1),
  );

function aboutArticle(article: Article) {
  const count = article.paragraphs.length;
  return fitEmbed({
    title: safeText(truncate(article.title, LIMITS.embedTitle)),
    description: safeText(article.summary),
    fields: [
      { name: 'Published', value: formatDate(article.published), inline: true },
      { name: 'Paragraphs', value: String(count), inline: true },
      { name: 'Source', value: safeText(article.source) },
      {
        name: 'How answers are cited',
        value:
          'Each answer names the paragraph it comes from as ¶N, with a quote copied word for word from it. ' +
          `Read a whole paragraph with \`/source paragraph:N\` (1 to ${count}).`,
      },
    ],
  });
}

function paragraph(article: Article, n: number) {
  const found = article.paragraphs.find((p) => p.n === n);
  if (!found) throw new UserFacingError(`The article has paragraphs 1 to ${article.paragraphs.length}.`);
  return fitEmbed({
    title: `¶${n}`,
    description: safeText(found.text),
    footer: { text: article.title },
  });
}

export default {
  data,
  execute(request, ctx) {
    const { article } = ctx.knowledge.story;
    const n = request.options.paragraph;
    return { embeds: [typeof n === 'number' ? paragraph(article, n) : aboutArticle(article)] };
  },
} satisfies Command;
