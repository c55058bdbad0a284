import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/env.js';
import { runConsole } from '../../src/console/session.js';
import { testContext } from './harness.js';

/** Types `lines` into a console and returns everything it printed, once it has ended. */
async function session(...lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => {
    printed += chunk;
  });
  const done = runConsole(testContext(readConfig({ ASK_COOLDOWN_COUNT: '1000' })), { input, output });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

describe('GIVEN the local console', () => {
  it('THEN a plain line is asked like /ask and the answer cites its paragraphs', async () => {
    const printed = await session('Why did Han Dong leave the Liberal Party?');

    expect(printed).toMatch(/Sources:\n\s+¶\d+ “/);
  });

  it('THEN /timeline lists its page buttons by number and typing the number turns the page', async () => {
    const printed = await session('/timeline', '1');

    expect(printed).toMatch(/\[1\] Next/);
    expect(printed).toMatch(/Page 1 of (\d+)[\s\S]*Page 2 of \1/);
  });

  it('THEN options can be given by position or by name', async () => {
    const printed = await session('/timeline kovrig --from 2021', '/source 3');

    expect(printed).toMatch(/Timeline about “kovrig”, from 2021/);
    expect(printed).toMatch(/== ¶3 ==/);
  });

  it("THEN Discord's own name:value form works too, quotes keeping words together", async () => {
    const printed = await session('/timeline about:"the two michaels" from:2021');

    expect(printed).toMatch(/Timeline about “the two michaels”, from 2021/);
  });

  it('THEN a bad option is explained instead of run', async () => {
    const printed = await session('/source three', '/timeline --since 2020');

    expect(printed).toMatch(/paragraph must be a whole number/);
    expect(printed).toMatch(/Unknown option --since/);
  });

  it('THEN /help lists the commands and /quit ends the session before later lines', async () => {
    const printed = await session('/help', '/quit', '/source 3');

    expect(printed).toMatch(/\/timeline \[about\] \[--from X\] \[--to X\]/);
    expect(printed).not.toMatch(/== ¶3 ==/);
  });
});
