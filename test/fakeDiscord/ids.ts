import { randomBytes } from 'node:crypto';

// Discord snowflakes count milliseconds from 2015-01-01; discord.js derives createdAt from them.
const DISCORD_EPOCH = 1_420_070_400_000n;

/** Returns a generator of real-looking, strictly increasing snowflakes (unique even within one ms). */
export function createSnowflakes(): () => string {
  let last = 0n;
  return () => {
    const now = (BigInt(Date.now()) - DISCORD_EPOCH) << 22n;
    last = now > last ? now : last + 1n;
    return last.toString();
  };
}

/** An opaque random token, e.g. for interactions and gateway sessions. */
export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(18).toString('base64url')}`;
}

/** A bot token in Discord's three-part shape, so log censoring in discord.js behaves as in production. */
export function botToken(applicationId: string): string {
  return `${Buffer.from(applicationId).toString('base64url')}.FAKE00.${randomBytes(20).toString('base64url')}`;
}
