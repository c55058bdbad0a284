import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';

export const EVAL_DIR = new URL('../../data/eval/', import.meta.url).pathname;
export const EVAL_SETS = ['tuning', 'tuning-b', 'tuning-c', 'tuning-d', 'dev', 'heldout'] as const;
export type EvalSetName = (typeof EVAL_SETS)[number];

/**
 * The development and held-out sets are measured, never read question by question while the
 * engine changes: the development set's totals choose between changes, the held-out set's judge.
 */
export const isMeasuredOnly = (name: EvalSetName) => name === 'dev' || name === 'heldout';

const evalQuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    q: z.string(),
    kind: z.literal('answerable'),
    paragraphs: z.array(z.number().int().positive()).min(1),
    gist: z.string(),
    /** Entries whose answer is a right answer to this question. */
    expect: z.array(z.string()).min(1, 'an answerable question needs the entries that answer it'),
  }),
  z.strictObject({ q: z.string(), kind: z.enum(['offtopic', 'unanswerable']) }),
]);

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export function loadEvalSet(name: EvalSetName, dir = EVAL_DIR): EvalQuestion[] {
  const file = `${dir}${name}.yaml`;
  const parsed = z.array(evalQuestionSchema).safeParse(YAML.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${file}: entry ${String(first?.path[0] ?? '?')}: ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
