import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { BAR, evaluate, FLOOR, ratio } from '../../src/eval/evaluate.js';
import { EVAL_SETS, loadEvalSet } from '../../src/eval/questions.js';
import { loadStory } from '../../src/knowledge/load.js';

const story = loadStory();
const engine = createEngine(story);
const ids = new Set([...story.qa, ...story.facts, ...story.gaps].map((e) => e.id));

describe('The held-out questions (never tuned on)', () => {
  const questions = loadEvalSet('heldout');
  const report = evaluate(engine, questions);

  it('are answered correctly, with a citation, no less often than last measured (75%)', () => {
    expect(ratio(report.answerable.correct, report.answerable.total)).toBeGreaterThanOrEqual(
      FLOOR.answerable,
    );
  });

  // The project's bar for answerable questions is not met yet (see README). This test states so,
  // and starts failing the day the bar is reached, so that the floor above gets raised.
  it.fails('are answered correctly at least 90% of the time when the article answers them (not yet)', () => {
    expect(ratio(report.answerable.correct, report.answerable.total)).toBeGreaterThanOrEqual(BAR.answerable);
  });

  it('are declined at least 95% of the time when they are off-topic', () => {
    expect(ratio(report.offtopic.declined, report.offtopic.total)).toBeGreaterThanOrEqual(BAR.offtopic);
  });

  it('are declined at least 60% of the time when the article does not answer them', () => {
    expect(ratio(report.unanswerable.declined, report.unanswerable.total)).toBeGreaterThanOrEqual(
      BAR.unanswerable,
    );
  });
});

describe('The question sets', () => {
  it.each(EVAL_SETS)('%s: every expected entry exists (or is marked "none")', (name) => {
    for (const q of loadEvalSet(name)) {
      if (q.kind === 'answerable') for (const id of q.expect) expect(id === 'none' || ids.has(id)).toBe(true);
    }
  });

  it('hold at least 150 questions between them, of all three kinds', () => {
    const all = EVAL_SETS.flatMap((name) => loadEvalSet(name));
    expect(all.length).toBeGreaterThanOrEqual(150);
    for (const kind of ['answerable', 'offtopic', 'unanswerable']) {
      expect(all.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(20);
    }
  });
});
