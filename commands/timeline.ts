import { SlashCommandBuilder } from 'discord.js';
import { clip, LIMITS } from '../src/bot/limits.js';
import type { BotContext, Command, CommandRequest, Reply } from '../src/bot/types.js';
import { UserFacingError } from '../src/bot/types.js';
import type { TimelineQuery } from '../src/engine/types.js';
import { dateProblem } from '../src/knowledge/dates.js';
import { pageRow, safeText, timelineEmbed, timelinePages, timelineTitle } from '../src/render/discord.js';

/** `/timeline about:… from:… to:…`: the dated events, oldest first, a page at a time. */

const PREFIX = 'timeline';
/** `timeline:page:` + up to three digits + three separators + two full dates leave this much for `about`. */
const ABOUT_MAX = LIMITS.customId - `${PREFIX}:page:999:::`.length - 2 * 'YYYY-MM-DD'.length;

const data = new SlashCommandBuilder()
  .setName('timeline')
  .setDescription('The dated events of the story, oldest first, each with its source')
  .addStringOption((o) =>
    o
      .setName('about')
      .setDescription('Only events about this person, party or subject (any name for it works)')
      .setMaxLength(ABOUT_MAX),
  )
  .addStringOption((o) =>
    o.setName('from').setDescription('Earliest date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10),
  )
  .addStringOption((o) =>
    o.setName('to').setDescription('Latest date: YYYY, YYYY-MM or YYYY-MM-DD').setMaxLength(10),
  );

interface Filters {
  about: string;
  from: string;
  to: string;
}

/**
 * The filters as the buttons will carry them. `about` loses colons (the custom_id separator) and
 * is cut to fit, before the first page, so every page answers the same query.
 */
function readFilters(about: unknown, from: unknown, to: unknown): Filters {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const filters = {
    about: clip(text(about).replace(/[:\s]+/g, ' '), ABOUT_MAX).trim(),
    from: text(from),
    to: text(to),
  };
  for (const [name, date] of [
    ['from', filters.from],
    ['to', filters.to],
  ] as const) {
    const problem = date === '' ? null : dateProblem(date);
    if (problem) throw new UserFacingError(`Can't read \`${name}\`: ${safeText(problem)}.`);
  }
  return filters;
}

function customId(filters: Filters, page: number): string {
  return clip(`${PREFIX}:page:${page}:${filters.about}:${filters.from}:${filters.to}`, LIMITS.customId);
}

/** Page `page` (1-based, clamped) of the timeline these filters select. */
function timelineReply(filters: Filters, page: number, request: CommandRequest, ctx: BotContext): Reply {
  const query: TimelineQuery = {
    ...(filters.about ? { entity: filters.about } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  const title = timelineTitle(query);
  const pages = timelinePages(ctx.knowledge.engineFor(request.guildId).timeline(query));
  if (pages.length === 0) {
    const hint = 'Try a wider period, or leave out `about` to see every dated event.';
    return {
      embeds: [timelineEmbed(title, `No dated events match. ${hint}`, 1, 1)],
      components: [],
      // Nothing for the channel to read; a page turn (update) keeps the message as it was posted.
      ephemeral: true,
    };
  }
  const n = Math.min(Math.max(1, Math.trunc(page) || 1), pages.length);
  return {
    embeds: [timelineEmbed(title, pages[n - 1] ?? '', n, pages.length)],
    // Always set, so turning to a page of a shorter timeline clears stale buttons.
    components: pages.length > 1 ? [pageRow(n, pages.length, (p) => customId(filters, p))] : [],
  };
}

export default {
  data,
  execute(request, ctx) {
    const { about, from, to } = request.options;
    return timelineReply(readFilters(about, from, to), 1, request, ctx);
  },
  components: [
    {
      prefix: PREFIX,
      execute(request, ctx) {
        // ['page', n, about, from, to]; `about` has no colons, but read from both ends anyway.
        const [action, page, ...rest] = request.args;
        if (action !== 'page' || rest.length < 3) throw new UserFacingError('That button no longer works.');
        const filters = readFilters(rest.slice(0, -2).join(' '), rest.at(-2), rest.at(-1));
        const { embeds, components } = timelineReply(filters, Number(page), request, ctx);
        return { embeds, components, update: true };
      },
    },
  ],
} satisfies Command;
