import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { compareDates, formatDate } from '../../src/knowledge/dates.js';
import { loadStory } from '../../src/knowledge/load.js';

const engine = createEngine(loadStory());

describe('The timeline', () => {
  it('lists the dated events oldest first, each cited', () => {
    const events = engine.timeline();
    expect(events.length).toBeGreaterThanOrEqual(6);
    for (let i = 1; i < events.length; i++) {
      expect(
        compareDates((events[i - 1] as { date: string }).date, (events[i] as { date: string }).date),
      ).toBeLessThanOrEqual(0);
    }
    for (const e of events) expect(e.citations.length).toBeGreaterThan(0);
  });

  it('dates the arrests December 2018 and the vote 23 March 2023 (the Thursday before publication)', () => {
    const whens = engine.timeline().map((e) => e.when);
    expect(whens).toContain('December 2018');
    expect(whens).toContain('23 March 2023');
  });

  it('narrows to one person by any of their names', () => {
    const aboutKovrig = engine.timeline({ entity: 'kovrig' });
    expect(aboutKovrig.length).toBeGreaterThan(0);
    expect(aboutKovrig.every((e) => /Kovrig|Michaels|two Canadians/i.test(`${e.statement} ${e.event}`))).toBe(
      true,
    );
    expect(engine.timeline({ entity: 'the two michaels' }).map((e) => e.id)).toEqual(
      aboutKovrig.map((e) => e.id),
    );
  });

  it('narrows to a period, partial dates included', () => {
    const in2021 = engine.timeline({ from: '2021', to: '2021-12' });
    expect(in2021.length).toBeGreaterThan(0);
    expect(in2021.every((e) => e.date.startsWith('2021'))).toBe(true);
  });
});

describe('Dates', () => {
  it('are shown at their own precision', () => {
    expect(formatDate('2018-12')).toBe('December 2018');
    expect(formatDate('2023-03-23')).toBe('23 March 2023');
    expect(formatDate('2019')).toBe('2019');
  });
});
