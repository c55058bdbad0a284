/**
 * What each person last asked about, per channel, so "did he vote for it?" can follow
 * "who is Han Dong?". Kept in memory for a few minutes: a follow-up comes soon or not at all.
 */
export class Conversations {
  private readonly last = new Map<string, { entryId: string; at: number }>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxSize = 10_000,
  ) {}

  /** The entry this person's previous answer here came from, if recent. */
  previous(key: string, now = Date.now()): string | undefined {
    const seen = this.last.get(key);
    if (!seen || now - seen.at > this.ttlMs) return undefined;
    return seen.entryId;
  }

  remember(key: string, entryId: string, now = Date.now()): void {
    this.last.delete(key);
    this.last.set(key, { entryId, at: now });
    // A Map keeps insertion order: the first key is the one unused longest.
    if (this.last.size > this.maxSize) this.last.delete(this.last.keys().next().value as string);
  }
}
