import { compareDates, dateWithin, formatDate } from '../knowledge/dates.js';
import type { Lexicon } from './lexicon.js';
import type { Entry, TimelineEvent, TimelineQuery } from './types.js';

/** The dated facts, oldest first, narrowed to an entity ("kovrig", "the PM") and a period. */
export function timeline(entries: Iterable<Entry>, query: TimelineQuery, lexicon: Lexicon): TimelineEvent[] {
  const about = query.entity?.trim() ? lexicon.analyse(query.entity).terms : [];
  const events: TimelineEvent[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'fact' || entry.date === undefined) continue;
    if (!dateWithin(entry.date, query.from, query.to)) continue;
    if (about.length > 0) {
      const known = new Set([
        ...entry.entities.map((e) => `@${e}`),
        ...lexicon.analyse(`${entry.title} ${entry.event ?? ''}`).terms,
      ]);
      if (!about.some((t) => known.has(t))) continue;
    }
    events.push({
      id: entry.id,
      date: entry.date,
      when: formatDate(entry.date),
      event: entry.event ?? entry.title,
      statement: entry.title,
      ...(entry.dateNote ? { dateNote: entry.dateNote } : {}),
      citations: entry.citations,
    });
  }
  return events.sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id));
}
