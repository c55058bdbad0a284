import { parseArgs } from 'node:util';
import { createEngine } from '../engine/engine.js';
import { dateProblem } from '../knowledge/dates.js';
import { timelineText } from '../render/text.js';
import { loadStoryFromEnv, runCli, UsageError } from './run.js';

/** `npm run timeline -- [--about kovrig] [--from 2021] [--to 2023-03] [--json]` */
runCli(() => {
  const { values } = parseArgs({
    options: {
      about: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  for (const date of [values.from, values.to]) {
    const problem = date === undefined ? null : dateProblem(date);
    if (problem) throw new UsageError(problem);
  }
  const events = createEngine(loadStoryFromEnv()).timeline({
    ...(values.about ? { entity: values.about } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  });
  console.log(values.json ? JSON.stringify(events) : timelineText(events));
});
