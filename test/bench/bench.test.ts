import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, percentile, renderTable, runBench } from '../../bench/answerPath/core.js';
import { generateFacts } from '../../bench/answerPath/synth.js';

describe('answer-path bench', () => {
  it('generates the same facts for the same seed', () => {
    const a = generateFacts(20, 7);
    expect(generateFacts(20, 7)).toEqual(a);
    expect(generateFacts(20, 8)).not.toEqual(a);
    for (const fact of a) {
      expect(fact.kind).toBe('fact');
      expect(fact.phrasings.length).toBeGreaterThanOrEqual(1);
      expect(fact.phrasings.length).toBeLessThanOrEqual(2);
      expect(fact.title).toMatch(/ in .+ on \d+ \w+ \d{4}\.$/);
    }
  });

  it('takes nearest-rank percentiles', () => {
    const sample = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(sample, 0.5)).toBe(50);
    expect(percentile(sample, 0.99)).toBe(99);
    expect(percentile([3], 0.99)).toBe(3);
  });

  it('runs end to end at a tiny size and yields sane rows', async () => {
    const result = await runBench({
      ...DEFAULT_OPTIONS,
      sizes: [50],
      passes: 1,
      fuseCap: 4,
      fuseCapFrom: 100,
      updates: 3,
      startupRuns: 0,
      questionLimit: 3,
    });
    const timed = result.rows.filter((r) => r.p50Us !== undefined);
    // engine, Fuse.js, MiniSearch, MiniSearch tuned at two scales, then upsert and retire.
    expect(timed).toHaveLength(10);
    for (const row of timed) {
      expect(Number.isFinite(row.p50Us)).toBe(true);
      expect(row.p50Us).toBeGreaterThan(0);
      expect(row.p99Us).toBeGreaterThanOrEqual(row.p50Us as number);
      expect(row.samples).toBeGreaterThan(0);
    }
    for (const row of result.rows.filter((r) => r.accuracy)) {
      for (const value of Object.values(row.accuracy ?? {})) expect(value).toBeGreaterThanOrEqual(0);
      const { answerable, offtopic, unanswerable, overall } = row.accuracy ?? {};
      for (const r of [answerable, offtopic, unanswerable, overall]) expect(r).toBeLessThanOrEqual(1);
      expect(Number.isFinite(row.buildMs ?? 0)).toBe(true);
    }
    const engines = result.rows.filter((r) => r.system === 'engine');
    expect(engines).toHaveLength(2);
    expect(engines.every((r) => (r.buildMs ?? 0) > 0 && r.targets.length > 0)).toBe(true);
    const table = renderTable(result);
    expect(table.split('\n').filter((l) => l.startsWith('|'))).toHaveLength(result.rows.length + 2);
    expect(table).toMatch(/Machine: .+ cores, Node v\d+/);
  }, 10_000);
});
