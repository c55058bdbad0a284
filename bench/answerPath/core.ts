import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { storyEntries } from '../../src/engine/entries.js';
import type { Entry } from '../../src/engine/types.js';
import { type EvalReport, evaluate, ratio } from '../../src/eval/evaluate.js';
import { type EvalQuestion, loadEvalSet } from '../../src/eval/questions.js';
import { loadStory } from '../../src/knowledge/load.js';
import { READY_MARKER } from './marker.js';
import { type Asker, fusePeer, MiniSearchPeer, pickThreshold } from './peers.js';
import { FRESH_FIRST, FRESH_LAST, generateFacts } from './synth.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// ---------------------------------------------------------------- measuring

/** A full collection, when the process allows one (it does through the V8 flag, else heap figures are rough). */
const gc: (() => void) | undefined = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();
export const exactHeap = gc !== undefined;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

const now = () => process.hrtime.bigint();
const micros = (from: bigint, to: bigint) => Number(to - from) / 1000;

/** Nearest-rank percentile of a sample (0 < p ≤ 1). */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

export const median = (sample: readonly number[]) => percentile(sample, 0.5);

export interface Accuracy {
  answerable: number;
  offtopic: number;
  unanswerable: number;
  /** All held-out questions answered right or rightly declined. */
  overall: number;
  questions: number;
}

export function accuracyOf(r: EvalReport): Accuracy {
  const right = r.answerable.correct + r.offtopic.declined + r.unanswerable.declined;
  const total = r.answerable.total + r.offtopic.total + r.unanswerable.total;
  return {
    answerable: ratio(r.answerable.correct, r.answerable.total),
    offtopic: ratio(r.offtopic.declined, r.offtopic.total),
    unanswerable: ratio(r.unanswerable.declined, r.unanswerable.total),
    overall: ratio(right, total),
    questions: total,
  };
}

export interface Target {
  name: string;
  pass: boolean;
}

export interface Row {
  scale: string;
  system: string;
  /** Index build (ms), or the process's time to ready. */
  buildMs?: number;
  /** Heap growth for the index (MB), or the process's RSS. */
  memMb?: number;
  p50Us?: number;
  p99Us?: number;
  samples?: number;
  accuracy?: Accuracy;
  targets: Target[];
  notes: string[];
}

export interface SystemRun {
  scale: string;
  system: string;
  build: () => Asker;
  /** Questions timed (after one untimed warm-up pass over `warmup` of them). */
  timed: readonly EvalQuestion[];
  /** Timed passes over `timed`; 0 times the held-out evaluation's own calls instead. */
  passes: number;
  warmup: readonly EvalQuestion[];
  heldout: readonly EvalQuestion[];
  notes?: string[];
}

/** Builds the system (timed, heap measured), times ask() over the questions, scores it on held-out. */
export function measureSystem(run: SystemRun): Row & { asker: Asker } {
  const before = heapUsed();
  const t0 = now();
  const asker = run.build();
  const buildMs = micros(t0, now()) / 1000;
  const memMb = (heapUsed() - before) / 2 ** 20;

  for (const q of run.warmup) asker.ask(q.q);
  const times: number[] = [];
  const timedAsker: Asker = {
    ask: (question) => {
      const start = now();
      const answer = asker.ask(question);
      times.push(micros(start, now()));
      return answer;
    },
  };
  // Each question's fastest run: what the code costs when the CPU is not taken away from it.
  const best = run.timed.map(() => Number.POSITIVE_INFINITY);
  for (let pass = 0; pass < run.passes; pass++) {
    run.timed.forEach((q, i) => {
      timedAsker.ask(q.q);
      best[i] = Math.min(best[i] as number, times[times.length - 1] as number);
    });
  }
  const notes = [...(run.notes ?? [])];
  if (run.passes >= 2)
    notes.push(`p99 of each question's best of ${run.passes}: ${Math.round(percentile(best, 0.99))} µs`);
  // With no timed passes (a slow peer), the held-out evaluation itself is what is timed.
  const accuracy = accuracyOf(evaluate(run.passes === 0 ? timedAsker : asker, run.heldout));
  return {
    asker,
    scale: run.scale,
    system: run.system,
    buildMs,
    memMb,
    p50Us: percentile(times, 0.5),
    p99Us: percentile(times, 0.99),
    samples: times.length,
    accuracy,
    targets: [],
    notes,
  };
}

/**
 * Live updates: upsert a new fact, ask its question until… once (the engine promises the next
 * question sees it), then retire it and ask again. Times each upsert+ask and retire+ask.
 */
export function measureUpdates(engine: Engine, scale: string, count: number, seed: number): Row[] {
  const fresh = generateFacts(count, seed ^ 0x5eed, {
    prefix: 'live',
    first: FRESH_FIRST,
    last: FRESH_LAST,
    phrasings: 2,
  });
  const upserts: number[] = [];
  const retires: number[] = [];
  let shown = 0;
  let gone = 0;
  for (const entry of fresh) {
    // "When did <someone new> …?": only the new fact can answer it.
    const question = entry.phrasings[1] as string;
    const before = engine.ask(question).id;
    const t0 = now();
    engine.upsert(entry);
    const after = engine.ask(question);
    upserts.push(micros(t0, now()));
    if (before !== entry.id && after.id === entry.id) shown++;
    const t1 = now();
    engine.retire(entry.id);
    const retired = engine.ask(question);
    retires.push(micros(t1, now()));
    if (retired.id !== entry.id && engine.entry(entry.id) === undefined) gone++;
  }
  const row = (system: string, times: number[], ok: number, what: string): Row => ({
    scale,
    system,
    p50Us: percentile(times, 0.5),
    p99Us: percentile(times, 0.99),
    samples: times.length,
    targets: [{ name: 'p99 ≤ 50 ms', pass: percentile(times, 0.99) <= 50_000 }],
    notes: [`${what} ${ok}/${times.length}`],
  });
  return [
    row('engine: upsert(new fact) → ask()', upserts, shown, 'answer became the new fact'),
    row('engine: retire(fact) → ask()', retires, gone, 'fact no longer answered'),
  ];
}

// ---------------------------------------------------------------- the process

interface Spawned {
  readyMs: number;
  rssBytes: number;
}

/** `node --import tsx bench/answerPath/startup.ts`: wall time to the ready marker, and the RSS it prints. */
export function spawnEngineStartup(): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/answerPath/startup.ts'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let readyMs = Number.NaN;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (Number.isNaN(readyMs) && out.includes(READY_MARKER)) readyMs = micros(t0, now()) / 1000;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(READY_MARKER));
      if (code !== 0 || !line) return reject(new Error(`startup.ts exited ${code}: ${err || out}`));
      const { rss } = JSON.parse(line.slice(READY_MARKER.length)) as { rss: number };
      resolve({ readyMs, rssBytes: rss });
    });
  });
}

const CONSOLE_BANNER = 'Local console for';

/** Descendant pids of `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // gone already
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift() as number;
    for (const [child, pp] of parent) {
      if (pp === p) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

/**
 * The real console mode: `node --import tsx src/main.ts` with no DISCORD_TOKEN, on a pseudo-terminal
 * (util-linux `script`), timed until its banner; RSS read from /proc; then `/quit`.
 */
export function spawnConsoleStartup(): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DISCORD_TOKEN;
    const t0 = now();
    const child = spawn('script', ['-qfec', `${process.execPath} --import tsx src/main.ts`, '/dev/null'], {
      cwd: ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let result: Spawned | undefined;
    const timer = setTimeout(() => child.kill(), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (result || !out.includes(CONSOLE_BANNER)) return;
      const readyMs = micros(t0, now()) / 1000;
      const node = descendants(child.pid as number).find((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('src/main.ts');
        } catch {
          return false;
        }
      });
      result = { readyMs, rssBytes: node === undefined ? Number.NaN : rssOf(node) };
      child.stdin.end('/quit\n');
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (result) resolve(result);
      else reject(new Error(`console did not start: ${out}`));
    });
  });
}

export async function measureStartup(
  system: string,
  spawnOnce: () => Promise<Spawned>,
  runs: number,
  note: string,
): Promise<Row> {
  const runsDone: Spawned[] = [];
  for (let i = 0; i < runs; i++) runsDone.push(await spawnOnce());
  const rssMb = median(runsDone.map((r) => r.rssBytes)) / 2 ** 20;
  return {
    scale: 'process',
    system,
    buildMs: median(runsDone.map((r) => r.readyMs)),
    memMb: rssMb,
    targets: [{ name: 'RSS ≤ 150 MB', pass: rssMb <= 150 }],
    notes: [`median of ${runs} runs; ${note}`],
  };
}

// ---------------------------------------------------------------- the whole bench

export interface BenchOptions {
  sizes: number[];
  seed: number;
  /** Timed passes over the questions at story scale (fewer at larger scales). */
  passes: number;
  /** Cap on questions for plain Fuse.js at ≥ fuseCapFrom entries. */
  fuseCap: number;
  fuseCapFrom: number;
  updates: number;
  startupRuns: number;
  /** Console mode needs util-linux `script` and /proc; skipped when false. */
  console: boolean;
  /** Use only the first n questions of each eval set (smoke tests). */
  questionLimit?: number;
  log?: (line: string) => void;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  sizes: [1000, 10000],
  seed: 42,
  passes: 10,
  fuseCap: 50,
  fuseCapFrom: 1000,
  updates: 50,
  startupRuns: 5,
  console: true,
};

/** Every k-th question, so a capped run keeps the mix of kinds. */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}

const fmtCount = (n: number) => n.toLocaleString('en-US');

export interface BenchResult {
  rows: Row[];
  machine: string;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const log = (line: string) => options.log?.(`${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);
  const story = loadStory();
  const limit = <T>(qs: T[]) => (options.questionLimit ? qs.slice(0, options.questionLimit) : qs);
  const tuning = limit(loadEvalSet('tuning'));
  const heldout = limit(loadEvalSet('heldout'));
  const all = [...tuning, ...heldout];
  const rows: Row[] = [];
  let storyEngine: Row | undefined;

  const scales: { label: string; extra: Entry[]; passes: number }[] = [
    { label: `story (${storyEntries(story).length} entries)`, extra: [], passes: options.passes },
    ...options.sizes.map((n) => ({
      label: `${fmtCount(n)} facts + story`,
      extra: generateFacts(n, options.seed),
      passes: Math.max(1, Math.round(options.passes / (n >= 5000 ? 5 : 2))),
    })),
  ];

  let lastEngine: { engine: Engine; label: string } | undefined;
  for (const scale of scales) {
    // As the engine indexes them: a later entry with the same id replaces the earlier one.
    const entries = [...new Map([...storyEntries(story), ...scale.extra].map((e) => [e.id, e])).values()];
    const common = { scale: scale.label, timed: all, warmup: all, passes: scale.passes, heldout };
    log(`${scale.label}: engine`);
    const engineRow = measureSystem({
      ...common,
      system: 'engine',
      build: () => createEngine(story, scale.extra),
    });
    lastEngine = { engine: engineRow.asker as Engine, label: scale.label };

    log(`${scale.label}: Fuse.js`);
    // Plain Fuse.js is slow (tens of ms per question at story scale): one timed pass, and past
    // fuseCapFrom entries only `fuseCap` held-out questions, timed as they are evaluated.
    const capped = entries.length >= options.fuseCapFrom;
    const fuseRow = measureSystem({
      ...common,
      system: 'Fuse.js (defaults)',
      build: () => fusePeer(entries),
      warmup: spread(all, 2),
      passes: capped ? 0 : 1,
      ...(capped
        ? {
            heldout: spread(heldout, options.fuseCap),
            notes: [`capped: only ${options.fuseCap} held-out questions (timed = evaluated)`],
          }
        : {}),
    });

    log(`${scale.label}: MiniSearch`);
    const msRow = measureSystem({
      ...common,
      system: 'MiniSearch BM25',
      build: () => new MiniSearchPeer(entries),
    });
    const threshold = pickThreshold(msRow.asker as MiniSearchPeer, tuning);
    const msTunedRow = measureSystem({
      ...common,
      system: `MiniSearch, score ≥ ${threshold.toFixed(2)}`,
      build: () => (msRow.asker as MiniSearchPeer).withThreshold(threshold),
      notes: ['threshold picked on tuning set; build = same index'],
    });
    msTunedRow.buildMs = undefined;
    msTunedRow.memMb = undefined;

    engineRow.targets = targetsFor(engineRow, [msRow, msTunedRow], storyEngine);
    storyEngine ??= engineRow;
    rows.push(engineRow, fuseRow, msRow, msTunedRow);
  }

  if (lastEngine && options.updates > 0) {
    log(`${lastEngine.label}: live updates`);
    rows.push(...measureUpdates(lastEngine.engine, lastEngine.label, options.updates, options.seed));
  }

  if (options.startupRuns > 0) {
    log('process: engine startup');
    rows.push(
      await measureStartup(
        'node: load story + createEngine',
        spawnEngineStartup,
        options.startupRuns,
        'bench/answerPath/startup.ts',
      ),
    );
    if (options.console) {
      log('process: console mode');
      rows.push(
        await measureStartup(
          'npm start, console mode',
          spawnConsoleStartup,
          options.startupRuns,
          'src/main.ts on a pty, to its banner',
        ),
      );
    }
  }

  for (const row of rows) {
    if (row.system === 'engine' && !exactHeap) row.notes.push('heap Δ approximate (no gc)');
  }
  return { rows, machine: machine() };
}

function targetsFor(engine: Row, miniSearch: Row[], story: Row | undefined): Target[] {
  const targets: Target[] = [];
  const p99 = engine.p99Us ?? Number.POSITIVE_INFINITY;
  if (!story) targets.push({ name: 'p99 ≤ 1 ms', pass: p99 <= 1000 });
  else {
    const a = engine.accuracy;
    const s = story.accuracy;
    const held =
      a !== undefined &&
      s !== undefined &&
      a.answerable >= s.answerable &&
      a.offtopic >= s.offtopic &&
      a.unanswerable >= s.unanswerable;
    targets.push({ name: 'p99 ≤ 20 ms', pass: p99 <= 20_000 }, { name: 'accuracy unchanged', pass: held });
  }
  const faster = miniSearch.every((m) => p99 < (m.p99Us ?? 0) && (engine.p50Us ?? 0) < (m.p50Us ?? 0));
  const better = miniSearch.every((m) => (engine.accuracy?.overall ?? 0) > (m.accuracy?.overall ?? 1));
  targets.push({ name: 'faster than MiniSearch', pass: faster }, { name: 'more accurate', pass: better });
  return targets;
}

export function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.release()}, ${new Date().toISOString().slice(0, 10)} (load average at end: ${load}; heap ${exactHeap ? 'after full GC' : 'approximate'})`;
}

// ---------------------------------------------------------------- the table

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(n < 10 ? 2 : 0));
const us = (n: number | undefined) =>
  n === undefined ? '–' : n < 100 ? n.toFixed(1) : Math.round(n).toString();
const mb = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(1));
const pct = (n: number | undefined) => (n === undefined ? '–' : `${(n * 100).toFixed(1)}%`);

export function renderTable(result: BenchResult): string {
  const header = [
    'Scale',
    'System',
    'Build / ready (ms)',
    'Heap Δ / RSS (MB)',
    'ask p50 (µs)',
    'ask p99 (µs)',
    'n timed',
    'Answerable ✓',
    'Off-topic declined',
    'Unanswerable declined',
    'Held-out overall',
    'Targets',
    'Notes',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of result.rows) {
    const memo = r.scale === 'process' && r.memMb !== undefined ? `${mb(r.memMb)} RSS` : mb(r.memMb);
    const cells = [
      r.scale,
      r.system,
      ms(r.buildMs),
      memo,
      us(r.p50Us),
      us(r.p99Us),
      r.samples === undefined ? '–' : String(r.samples),
      pct(r.accuracy?.answerable),
      pct(r.accuracy?.offtopic),
      pct(r.accuracy?.unanswerable),
      r.accuracy ? `${pct(r.accuracy.overall)} (n=${r.accuracy.questions})` : '–',
      r.targets.map((t) => `${t.pass ? '✅' : '❌'} ${t.name}`).join('<br>') || '–',
      r.notes.join('; ') || '',
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n\n${result.machine}`;
}
