/**
 * `npm run bench [-- --sizes 1000,10000] [--seed N] [--quick]`: the answer path against plain
 * Fuse.js and MiniSearch, at story scale and on generated knowledge bases; prints one markdown table.
 */
import { parseArgs } from 'node:util';
import { type BenchOptions, DEFAULT_OPTIONS, renderTable, runBench } from './core.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    seed: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});

const quick: Partial<BenchOptions> = values.quick
  ? { sizes: [100, 500], passes: 2, updates: 10, startupRuns: 1 }
  : {};
const options: BenchOptions = {
  ...DEFAULT_OPTIONS,
  ...quick,
  ...(values.sizes ? { sizes: values.sizes.split(',').map((s) => Number(s.replace(/_/g, ''))) } : {}),
  ...(values.seed ? { seed: Number(values.seed) } : {}),
  log: (line) => process.stderr.write(`… ${line}\n`),
};
if (options.sizes.some((n) => !Number.isInteger(n) || n < 0) || !Number.isInteger(options.seed)) {
  console.error('usage: npm run bench -- [--sizes 1000,10000] [--seed N] [--quick]');
  process.exit(2);
}

const result = await runBench(options);
console.log(renderTable(result));
