import type { Answer, TimelineEvent } from '../engine/types.js';
import type { Citation } from '../knowledge/types.js';
import { UNSURE_BELOW } from './confidence.js';

/** Plain-text renderings for the terminal: the same answers the bot gives, without Discord. */

export function citationText(c: Citation): string {
  return c.kind === 'article' ? `¶${c.paragraph} "${c.quote}"` : `${c.title} <${c.url}> "${c.quote}"`;
}

export function answerText(a: Answer): string {
  const lines = [a.answer];
  for (const c of a.citations) lines.push(`  ${citationText(c)}`);
  if (a.answered && a.confidence < UNSURE_BELOW)
    lines.push(`  (not sure this is what you asked: confidence ${a.confidence})`);
  if (a.suggestions.length > 0) {
    lines.push(a.answered ? 'Related:' : 'Did you mean:');
    for (const s of a.suggestions) lines.push(`  - ${s}`);
  }
  return lines.join('\n');
}

export function timelineText(events: readonly TimelineEvent[]): string {
  if (events.length === 0) return 'No dated events match.';
  return events
    .map((e) => [`${e.when}: ${e.event}`, ...e.citations.map((c) => `  ${citationText(c)}`)].join('\n'))
    .join('\n');
}
