import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

function logged(write: (logger: ReturnType<typeof createLogger>) => void): string {
  let text = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += chunk;
      done();
    },
  });
  write(createLogger('info', sink));
  return text;
}

describe('WHEN something token-like is logged', () => {
  it('THEN token and authorization values are censored wherever they sit', () => {
    const text = logged((logger) =>
      logger.info(
        {
          token: 'bot-token-1',
          config: { DISCORD_TOKEN: 'bot-token-2' },
          headers: { authorization: 'Bot bot-token-3' },
        },
        'x',
      ),
    );

    expect(text).not.toMatch(/bot-token/);
    expect(text).toContain('[redacted]');
  });

  it('THEN a failed call keeps its URL but not the interaction token in it', () => {
    const error = Object.assign(new Error('Unknown interaction'), {
      url: 'https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb24tdG9rZW4/callback',
    });

    const text = logged((logger) => logger.error({ err: error }, 'interaction failed'));

    expect(text).toContain('/interactions/123/[redacted]/callback');
    expect(text).not.toContain('aW50ZXJhY3Rpb24tdG9rZW4');
  });
});
