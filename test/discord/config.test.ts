import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config/env.js';

/** The environment is checked once at start; these are the properties the bot's start relies on. */
describe('WHEN the environment has several bad variables', () => {
  const token = 'MTIz.super-secret-token-value';
  const env = { DISCORD_TOKEN: token, DISCORD_CLIENT_ID: 'my-bot', LOG_LEVEL: 'loud' };

  function problem(): ConfigError {
    try {
      readConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('readConfig accepted a bad environment');
  }

  it('THEN one ConfigError lists every one of them', () => {
    const { message } = problem();

    expect(message).toMatch(/DISCORD_CLIENT_ID/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it('THEN the message never contains the token', () => {
    expect(problem().message).not.toContain(token);
    expect(problem().message).not.toContain('super-secret');
  });
});

describe('WHEN a command needs a variable that is missing', () => {
  it('THEN the error names it', () => {
    expect(() => readConfig({}, ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'])).toThrow(
      /DISCORD_TOKEN: is not set[\s\S]*DISCORD_CLIENT_ID: is not set/,
    );
  });
});

describe('WHEN the environment is good', () => {
  it('THEN the config is typed and frozen', () => {
    const config = readConfig({ ASK_COOLDOWN_COUNT: '3' });

    expect(config).toMatchObject({ ASK_COOLDOWN_COUNT: 3, LOG_LEVEL: 'info' });
    expect(Object.isFrozen(config)).toBe(true);
  });
});
