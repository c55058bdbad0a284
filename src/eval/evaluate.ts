import type { Engine } from '../engine/engine.js';
import type { Answer } from '../engine/types.js';
import type { EvalQuestion } from './questions.js';

export interface Miss {
  question: EvalQuestion;
  got: Answer;
}

export interface EvalReport {
  answerable: { total: number; correct: number };
  offtopic: { total: number; declined: number };
  unanswerable: { total: number; declined: number };
  misses: Miss[];
}

/** An answer is right when it comes from an expected entry and cites its source. */
export function isRight(question: EvalQuestion, got: Answer): boolean {
  if (question.kind !== 'answerable') return !got.answered;
  return got.answered && got.id !== null && question.expect.includes(got.id) && got.citations.length > 0;
}

export function evaluate(engine: Pick<Engine, 'ask'>, questions: readonly EvalQuestion[]): EvalReport {
  const report: EvalReport = {
    answerable: { total: 0, correct: 0 },
    offtopic: { total: 0, declined: 0 },
    unanswerable: { total: 0, declined: 0 },
    misses: [],
  };
  for (const question of questions) {
    const got = engine.ask(question.q);
    const right = isRight(question, got);
    if (question.kind === 'answerable') {
      report.answerable.total += 1;
      if (right) report.answerable.correct += 1;
    } else {
      report[question.kind].total += 1;
      if (right) report[question.kind].declined += 1;
    }
    if (!right) report.misses.push({ question, got });
  }
  return report;
}

export const ratio = (part: number, total: number) => (total === 0 ? 1 : part / total);
export const percent = (part: number, total: number) => `${(ratio(part, total) * 100).toFixed(1)}%`;

/** The bar the project holds itself to on questions it was not tuned on. */
export const BAR = Object.freeze({ answerable: 0.9, offtopic: 0.95, unanswerable: 0.6 });

/** The held-out answerable figure last measured (`npm run eval`), below the bar: a floor against regressions. */
export const FLOOR = Object.freeze({ answerable: 0.75 });

export function meetsBar(r: EvalReport): boolean {
  return (
    ratio(r.answerable.correct, r.answerable.total) >= BAR.answerable &&
    ratio(r.offtopic.declined, r.offtopic.total) >= BAR.offtopic &&
    ratio(r.unanswerable.declined, r.unanswerable.total) >= BAR.unanswerable
  );
}
