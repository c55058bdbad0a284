import { type DestinationStream, type Logger, pino } from 'pino';
import type { Config } from './config/env.js';

/** Keys that could carry a secret, wherever they sit in a logged object (two levels deep). */
const SECRET_KEYS = ['token', 'DISCORD_TOKEN', 'authorization', 'password', 'secret'];
const SECRET_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
/** A failed Discord call's URL carries the interaction or webhook token: keep the URL, hide the token. */
const URL_PATHS = ['err.url', 'error.url'];

function censor(value: unknown, path: readonly unknown[]): unknown {
  if (!URL_PATHS.includes(path.map(String).join('.')) || typeof value !== 'string') return '[redacted]';
  return value.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[^/?]+/, '/$1/[redacted]');
}

/** The process's one logger: JSON lines at LOG_LEVEL on stdout (or `to`), secrets censored. */
export function createLogger(level: Config['LOG_LEVEL'], to: 1 | 2 | DestinationStream = 1): Logger {
  const destination = typeof to === 'number' ? pino.destination({ fd: to, sync: true }) : to;
  return pino({ level, redact: { paths: [...SECRET_PATHS, ...URL_PATHS], censor } }, destination);
}
