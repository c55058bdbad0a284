import 'dotenv/config';
import { Lexicon } from '../engine/lexicon.js';
import { StoryPackError } from '../knowledge/errors.js';
import { DEFAULT_DATA_DIR, DEFAULT_STORY, loadStory } from '../knowledge/load.js';
import type { Story } from '../knowledge/types.js';

/** The story pack chosen by STORY_ID (and STORY_DIR), validated. */
export function loadStoryFromEnv(env: NodeJS.ProcessEnv = process.env): Story {
  const story = loadStory(env.STORY_ID || DEFAULT_STORY, env.STORY_DIR || DEFAULT_DATA_DIR);
  // Names and synonyms that read the same once stemmed would answer one for the other.
  const { clashes } = new Lexicon(story.entities, story.synonyms);
  if (clashes.length > 0) throw new StoryPackError(clashes.map((c) => `aliases.yaml: ${c}`));
  return story;
}

/** Runs a command-line entry point: a broken pack or bad argument is a message and exit 1, not a stack. */
export function runCli(main: () => void | Promise<void>): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (error instanceof StoryPackError || error instanceof UsageError) console.error(error.message);
      else console.error(error);
      process.exitCode = 1;
    });
}

export class UsageError extends Error {}
