import { loadStoryFromEnv, runCli } from './run.js';

/** `npm run check-data`: validates the story pack (as every entry point loads it) with no Discord involved; exit 1 naming every problem. */
runCli(() => {
  const story = loadStoryFromEnv();
  const citations = [...story.facts, ...story.qa, ...story.gaps].reduce((n, e) => n + e.citations.length, 0);
  console.log(
    `${story.id}: ${story.article.paragraphs.length} paragraphs, ${story.facts.length} facts, ` +
      `${story.qa.length} Q&A entries, ${story.gaps.length} gaps, ${story.entities.length} entities; ` +
      `${citations} citations verified verbatim.`,
  );
});
