import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../fakeDiscord/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
// A directory without a .env, so a developer's own .env cannot leak into these runs.
const cwd = mkdtempSync(join(tmpdir(), 'bot-main-'));

let fake: FakeDiscord | undefined;
let child: ChildProcessWithoutNullStreams | undefined;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  child = undefined;
  await fake?.close();
  fake = undefined;
});

/** `npm start` as a child process with exactly `env` (plus PATH); stdin is a pipe, never a TTY. */
function startMain(env: Record<string, string>) {
  const proc = spawn(tsx, [join(root, 'src/main.ts')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  child = proc;
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  proc.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, exited, output: () => ({ stdout, stderr }) };
}

async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('GIVEN `npm start` with a token', () => {
  it('THEN it logs in, logs that it is ready without printing the token, and exits 0 on SIGTERM', async () => {
    fake = await startFakeDiscord({ timeoutMs: 20_000 });
    const main = startMain({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' });

    await fake.waitForReady();
    await expect.poll(() => main.output().stdout, { timeout: 10_000 }).toMatch(/"msg":"ready/);
    main.proc.kill('SIGTERM');

    expect(await within(5000, main.exited, 'shutting down')).toBe(0);
    const { stdout, stderr } = main.output();
    expect(stdout).toMatch(/shutting down/);
    expect(stdout + stderr).not.toContain(fake.token);
  });
});

describe('GIVEN `npm start` without a token and without a terminal', () => {
  it('THEN it exits 1 saying DISCORD_TOKEN is not set and how to fix it', async () => {
    const main = startMain({});

    expect(await within(20_000, main.exited, 'exiting')).toBe(1);
    expect(main.output().stderr).toMatch(/DISCORD_TOKEN is not set: copy \.env\.example to \.env/);
  });
});

describe('GIVEN `npm start` with a bad environment', () => {
  it('THEN it exits 1 listing the problem and never echoes the token', async () => {
    const main = startMain({ DISCORD_TOKEN: 'abc.secret-token.xyz', LOG_LEVEL: 'chatty' });

    expect(await within(20_000, main.exited, 'exiting')).toBe(1);
    const { stderr } = main.output();
    expect(stderr).toMatch(/LOG_LEVEL/);
    expect(stderr).not.toContain('secret-token');
  });
});
