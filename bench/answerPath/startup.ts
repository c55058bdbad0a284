/**
 * Spawned by the bench (`node --import tsx bench/answerPath/startup.ts`): loads the story, builds
 * the engine, answers nothing, and prints its RSS after a ready marker.
 */
import { createEngine } from '../../src/engine/engine.js';
import { loadStory } from '../../src/knowledge/load.js';
import { READY_MARKER } from './marker.js';

const engine = createEngine(loadStory());
process.stdout.write(
  `${READY_MARKER} ${JSON.stringify({ rss: process.memoryUsage().rss, entries: engine.entries().length })}\n`,
);
