/** A Discord-style API error: the REST layer turns it into `{ code, message, errors? }` with this status. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

// JSON error codes from https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
const UNKNOWN_CODES = {
  Application: 10002,
  Channel: 10003,
  Guild: 10004,
  Member: 10007,
  Message: 10008,
  User: 10013,
  Webhook: 10015,
  interaction: 10062,
  'application command': 10063,
} as const;

export function unknown(kind: keyof typeof UNKNOWN_CODES): DiscordHttpError {
  return new DiscordHttpError(404, UNKNOWN_CODES[kind], `Unknown ${kind}`);
}

/** Discord's 50035 "Invalid Form Body", with the error nested under the offending field's path. */
export function invalidFormBody(
  path: Array<string | number>,
  code: string,
  message: string,
): DiscordHttpError {
  let errors: Record<string, unknown> = { _errors: [{ code, message }] };
  for (const key of [...path].reverse()) errors = { [String(key)]: errors };
  return new DiscordHttpError(400, 50035, 'Invalid Form Body', errors);
}
