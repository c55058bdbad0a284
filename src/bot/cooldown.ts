/**
 * Per-user rate limit: at most `count` questions in any `seconds`-long window.
 * Time is passed in so tests need no clock tricks.
 */
export class Cooldown {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly count: number,
    private readonly seconds: number,
  ) {}

  /** Records a question by `userId` if allowed; otherwise says how long to wait. */
  take(userId: string, now = Date.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const windowStart = now - this.seconds * 1000;
    const times = (this.recent.get(userId) ?? []).filter((t) => t > windowStart);
    if (times.length >= this.count) {
      this.recent.set(userId, times);
      const oldest = times[0] ?? now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest - windowStart) / 1000)) };
    }
    times.push(now);
    this.recent.set(userId, times);
    // Forget idle users so the map does not grow with every user ever seen.
    if (this.recent.size > 10_000) {
      for (const [id, ts] of this.recent) if ((ts.at(-1) ?? 0) <= windowStart) this.recent.delete(id);
    }
    return { ok: true };
  }
}
