import { createEngine } from '../engine/engine.js';
import { evaluate, meetsBar, percent } from '../eval/evaluate.js';
import { EVAL_SETS, isMeasuredOnly, loadEvalSet } from '../eval/questions.js';
import { loadStoryFromEnv, runCli } from './run.js';

/**
 * `npm run eval [-- --misses] [set…]`: answer quality per question set.
 * Misses are listed for tuning sets only: reading the misses of a set makes it a tuning set.
 */
runCli(() => {
  const args = process.argv.slice(2);
  const showMisses = args.includes('--misses');
  const sets = args.filter((a) => !a.startsWith('--'));
  const engine = createEngine(loadStoryFromEnv());
  for (const name of EVAL_SETS.filter((s) => sets.length === 0 || sets.includes(s))) {
    const questions = loadEvalSet(name);
    const r = evaluate(engine, questions);
    console.log(`\n${name} (${questions.length} questions)${meetsBar(r) ? '' : '  [below the bar]'}`);
    console.log(
      `  answerable answered correctly with a citation: ${r.answerable.correct}/${r.answerable.total} = ${percent(r.answerable.correct, r.answerable.total)}`,
    );
    console.log(
      `  off-topic declined:                           ${r.offtopic.declined}/${r.offtopic.total} = ${percent(r.offtopic.declined, r.offtopic.total)}`,
    );
    console.log(
      `  unanswerable story questions declined:        ${r.unanswerable.declined}/${r.unanswerable.total} = ${percent(r.unanswerable.declined, r.unanswerable.total)}`,
    );
    console.log(`  misses: ${r.misses.length}`);
    if (!showMisses || isMeasuredOnly(name)) continue;
    for (const { question, got } of r.misses) {
      const expected = question.kind === 'answerable' ? question.expect.join('|') : 'decline';
      const gotWhat = got.answered ? got.id : `declined (${got.suggestions[0] ?? '-'})`;
      console.log(
        `    [${question.kind}] "${question.q}"\n       expected ${expected}, got ${gotWhat} @${got.confidence}`,
      );
    }
  }
});
