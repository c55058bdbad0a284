import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from 'discord.js';
import { fitEmbed, LIMITS, truncate } from '../bot/limits.js';
import type { Answer, TimelineEvent, TimelineQuery } from '../engine/types.js';
import { formatDate } from '../knowledge/dates.js';
import type { Citation } from '../knowledge/types.js';
import { UNSURE_BELOW } from './confidence.js';

/** How answers and timelines look in Discord: embeds and buttons as plain API JSON. */

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

const COLOURS = { answered: 0x2f6fde, unsure: 0xe0a526, declined: 0x8a8f98, timeline: 0x2f9e6e } as const;
const QUOTE_MAX = 200;
const TIMELINE_QUOTE_MAX = 160;
/** One timeline event, citations included; keeps a single odd event from filling a page. */
const EVENT_MAX = 1000;
export const EVENTS_PER_PAGE = 6;

/**
 * Text from users or data, shown as written: markdown (links, headings and lists too) escaped,
 * and @everyone / @here broken so they never read as a mass mention, whatever the adapter sends.
 */
export function safeText(text: string): string {
  return (
    escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
      // escapeMarkdown's maskedLink escapes only the first of several links on a line: do every bracket.
      .replace(/[[\]]/g, '\\$&')
      .replace(/^>/gm, '\\>')
      .replace(/@(everyone|here)/g, '@\u200b$1')
  );
}

/** Whitespace collapsed (titles show one line), escaped, then cut to `max`. */
function safeLine(text: string, max: number): string {
  return truncate(safeText(text.replace(/\s+/g, ' ').trim()), max);
}

/** A URL as a bare autolink, or null when it is not http(s); brackets are encoded so it cannot end a link early. */
function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href.replace(/[()[\]<>`|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return null;
  }
}

/** `¶7 “quote”`, or `“quote” — title (url)` marked as a moderator's source. */
export function citationLine(citation: Citation, quoteMax = QUOTE_MAX): string {
  const quote = `“${safeText(truncate(citation.quote, quoteMax))}”`;
  if (citation.kind === 'article') return `¶${citation.paragraph} ${quote}`;
  const url = safeUrl(citation.url);
  const title = safeText(truncate(citation.title, 100));
  return `${quote} — ${title}${url ? ` (${url})` : ''} *(added by this server's moderators)*`;
}

/** The "Sources" field: as many whole citation lines as fit, then how many were left out. */
export function sourcesField(citations: readonly Citation[]): APIEmbedField | undefined {
  if (citations.length === 0) return undefined;
  const lines: string[] = [];
  let length = 0;
  const room = LIMITS.fieldValue - '\n…and 99 more'.length;
  for (const citation of citations) {
    const line = truncate(citationLine(citation), room);
    if (length + line.length + 1 > room) break;
    lines.push(line);
    length += line.length + 1;
  }
  const left = citations.length - lines.length;
  if (left > 0) lines.push(`…and ${left} more`);
  return { name: 'Sources', value: lines.join('\n') };
}

/** An answer, a guess or a polite decline, with its sources. */
export function answerEmbed(answer: Answer): APIEmbed {
  const sources = sourcesField(answer.citations);
  if (!answer.answered) {
    return fitEmbed({
      title: "The article doesn't cover that",
      description: safeText(answer.answer),
      color: COLOURS.declined,
      // A known gap cites where the article comes closest.
      ...(sources ? { fields: [sources] } : {}),
      ...(answer.suggestionIds.length > 0
        ? { footer: { text: 'Did you mean one of the questions below?' } }
        : {}),
    });
  }
  const unsure = answer.confidence < UNSURE_BELOW;
  const notes = [
    answer.origin === 'moderator' ? "Added by this server's moderators." : '',
    unsure ? 'Not sure this is what you asked — try rephrasing.' : '',
  ].filter(Boolean);
  return fitEmbed({
    title: safeLine(answer.question, LIMITS.embedTitle) || 'Your question',
    description: safeText(answer.answer),
    color: unsure ? COLOURS.unsure : COLOURS.answered,
    ...(sources ? { fields: [sources] } : {}),
    ...(notes.length > 0 ? { footer: { text: notes.join(' ') } } : {}),
  });
}

/** "Did you mean…" buttons, one per suggested entry, five to a row; `customIdFor` names each. */
export function suggestionRows(
  titles: readonly string[],
  ids: readonly string[],
  customIdFor: (id: string) => string,
): ActionRow[] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    const customId = customIdFor(id);
    // Ids are whole or useless: one too long for a custom_id gets no button rather than a wrong one.
    const label = truncate((titles[i] ?? '').replace(/\s+/g, ' ').trim(), LIMITS.buttonLabel);
    if (customId.length > LIMITS.customId || seen.has(customId) || label === '') return;
    seen.add(customId);
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label, custom_id: customId });
  });
  return rowsOf(buttons);
}

function rowsOf(buttons: APIButtonComponentWithCustomId[]): ActionRow[] {
  const rows: ActionRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < LIMITS.rowsPerMessage; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

/** `**23 March 2023** — event`, then its citations, one a line. */
export function timelineBlock(event: TimelineEvent): string {
  const lines = [
    `**${event.when}** — ${safeText(event.event)}`,
    ...event.citations.map((c) => citationLine(c, TIMELINE_QUOTE_MAX)),
  ];
  return truncate(lines.join('\n'), EVENT_MAX);
}

/** The events split into page descriptions: at most six events a page, each page within an embed. */
export function timelinePages(events: readonly TimelineEvent[], perPage = EVENTS_PER_PAGE): string[] {
  const pages: string[][] = [];
  let page: string[] = [];
  let length = 0;
  for (const block of events.map(timelineBlock)) {
    const added = block.length + (page.length > 0 ? 2 : 0);
    if (page.length > 0 && (page.length >= perPage || length + added > LIMITS.embedDescription)) {
      pages.push(page);
      page = [];
      length = 0;
    }
    page.push(block);
    length += block.length + (page.length > 1 ? 2 : 0);
  }
  if (page.length > 0) pages.push(page);
  return pages.map((p) => p.join('\n\n'));
}

/** "Timeline about “kovrig”, from 2019 to September 2021". */
export function timelineTitle(query: TimelineQuery): string {
  const parts = ['Timeline'];
  if (query.entity) parts.push(`about “${safeLine(query.entity, 100)}”`);
  const period = [
    query.from ? `from ${formatDate(query.from)}` : '',
    query.to ? `to ${formatDate(query.to)}` : '',
  ].filter(Boolean);
  const title = `${parts.join(' ')}${period.length > 0 ? `, ${period.join(' ')}` : ''}`;
  return truncate(title, LIMITS.embedTitle);
}

export function timelineEmbed(title: string, description: string, page: number, pages: number): APIEmbed {
  return fitEmbed({
    title,
    description,
    color: COLOURS.timeline,
    ...(pages > 1 ? { footer: { text: `Page ${page} of ${pages}` } } : {}),
  });
}

/** Previous / Next; a button that would leave the timeline is shown disabled so the row keeps its shape. */
export function pageRow(page: number, pages: number, customIdFor: (page: number) => string): ActionRow {
  const button = (label: string, target: number): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: customIdFor(target),
    disabled: target < 1 || target > pages,
  });
  return {
    type: ComponentType.ActionRow,
    components: [button('Previous', page - 1), button('Next', page + 1)],
  };
}
