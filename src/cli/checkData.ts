import { Lexicon } from '../engine/lexicon.js';
import { StoryPackError } from '../knowledge/errors.js';
import { loadStoryFromEnv, runCli } from './run.js';

/** `npm run check-data`: validates the story pack with no Discord involved; exit 1 naming every problem. */
runCli(() => {
  const story = loadStoryFromEnv();
  // Names and synonyms that read the same once stemmed would answer one for the other.
  const { clashes } = new Lexicon(story.entities, story.synonyms);
  if (clashes.length > 0) throw new StoryPackError(clashes.map((c) => `aliases.yaml: ${c}`));
  const citations = [...story.facts, ...story.qa, ...story.gaps].reduce((n, e) => n + e.citations.length, 0);
  console.log(
    `${story.id}: ${story.article.paragraphs.length} paragraphs, ${story.facts.length} facts, ` +
      `${story.qa.length} Q&A entries, ${story.gaps.length} gaps, ${story.entities.length} entities; ` +
      `${citations} citations verified verbatim.`,
  );
});
