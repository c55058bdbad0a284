import { createInterface } from 'node:readline';
import { createEngine } from '../engine/engine.js';
import { answerText } from '../render/text.js';
import { loadStoryFromEnv, runCli } from './run.js';

/**
 * `npm run ask -- [--json] "question"`; with no question, one question per standard-input line,
 * answered in one process (JSON lines with --json).
 */
runCli(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const question = args.filter((a) => a !== '--json').join(' ');
  const engine = createEngine(loadStoryFromEnv());
  const print = (q: string) => {
    const answer = engine.ask(q);
    console.log(json ? JSON.stringify(answer) : answerText(answer));
  };
  if (question.trim() !== '') return print(question);
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    print(line);
    if (!json) console.log();
  }
});
