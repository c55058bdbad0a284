/** A story pack that cannot be trusted: says which file, which entry and what is wrong. */
export class StoryPackError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The story pack is broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'StoryPackError';
  }
}
