import type { Fact, Gap, QaEntry, Story } from '../knowledge/types.js';
import type { Entry } from './types.js';

export function factEntry(f: Fact): Entry {
  return {
    id: f.id,
    kind: 'fact',
    origin: 'curated',
    title: f.statement,
    answer: f.statement,
    phrasings: f.phrasings,
    citations: f.citations,
    related: [],
    ...(f.date ? { date: f.date } : {}),
    ...(f.dateNote ? { dateNote: f.dateNote } : {}),
    ...(f.event ? { event: f.event } : {}),
    entities: f.entities,
  };
}

export function qaEntry(q: QaEntry): Entry {
  return {
    id: q.id,
    kind: 'qa',
    origin: 'curated',
    title: q.question,
    answer: q.answer,
    phrasings: q.phrasings,
    citations: q.citations,
    related: q.facts,
    entities: [],
  };
}

export function gapEntry(g: Gap): Entry {
  return {
    id: g.id,
    kind: 'gap',
    origin: 'curated',
    title: g.question,
    answer: g.answer,
    phrasings: g.phrasings,
    citations: g.citations,
    related: [],
    entities: [],
  };
}

/** Everything in a story pack the engine can match a question with. */
export function storyEntries(story: Story): Entry[] {
  return [...story.qa.map(qaEntry), ...story.facts.map(factEntry), ...story.gaps.map(gapEntry)];
}
