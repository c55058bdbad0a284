import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, DEFAULT_STORY } from '../../src/knowledge/load.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Runs a command-line script as a user would, with `input` on standard input. */
function run(script: string, args: string[], env: Record<string, string> = {}, input = '') {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      TSX,
      [join(ROOT, script), ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(input);
  });
}

describe('npm run ask', () => {
  it('prints the answer and its citations as ¶N "quote"', async () => {
    const { code, stdout } = await run('src/cli/ask.ts', ['Who is Han Dong?']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Han Dong/);
    expect(stdout).toMatch(/¶\d+ "/);
  });

  it('with --json, reads one question per line and prints one JSON result per line', async () => {
    const { code, stdout } = await run(
      'src/cli/ask.ts',
      ['--json'],
      {},
      'who is han dong\nplay some music\n',
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((a) => a.answered)).toEqual([true, false]);
    expect(lines[0]).toMatchObject({ question: 'who is han dong', citations: expect.any(Array) });
  });

  describe('when the story pack is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-'));
    cpSync(join(DEFAULT_DATA_DIR, DEFAULT_STORY), join(dir, DEFAULT_STORY), { recursive: true });
    const facts = join(dir, DEFAULT_STORY, 'facts.yaml');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace(/paragraph: 1\b/, 'paragraph: 99'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exits non-zero with a message naming the problem, and no stack trace', async () => {
      const { code, stderr } = await run('src/cli/ask.ts', ['Who is Han Dong?'], { STORY_DIR: dir });
      expect(code).not.toBe(0);
      expect(stderr).toMatch(/facts\.yaml: .*paragraph 99 does not exist/);
      expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    });
  });
});

describe('npm run timeline', () => {
  it('prints the dated events oldest first', async () => {
    const { code, stdout } = await run('src/cli/timeline.ts', []);
    expect(code).toBe(0);
    expect(stdout.indexOf('December 2018')).toBeLessThan(stdout.indexOf('23 March 2023'));
  });

  it('refuses a date that does not exist', async () => {
    const { code, stderr } = await run('src/cli/timeline.ts', ['--from', '2023-02-30']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('date 2023-02-30 does not exist');
  });
});

describe('npm run check-data', () => {
  it('passes the shipped story pack', async () => {
    const { code, stdout } = await run('src/cli/checkData.ts', []);
    expect(code).toBe(0);
    expect(stdout).toMatch(/citations verified verbatim/);
  });

  describe('when a synonym reads as a name once stemmed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-'));
    cpSync(join(DEFAULT_DATA_DIR, DEFAULT_STORY), join(dir, DEFAULT_STORY), { recursive: true });
    const aliases = join(dir, DEFAULT_STORY, 'aliases.yaml');
    writeFileSync(
      aliases,
      readFileSync(aliases, 'utf8').replace('words: ["broadcaster"', 'words: ["trudeau"'),
    );
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exits non-zero naming the clash, and so does every entry point that loads the pack', async () => {
      for (const script of ['src/cli/checkData.ts', 'src/cli/ask.ts']) {
        const { code, stderr } = await run(script, ['who is han dong'], { STORY_DIR: dir });
        expect(code).not.toBe(0);
        expect(stderr).toMatch(/aliases\.yaml: "trudeau" reads as @trudeau, not ~media/);
      }
    });
  });
});
