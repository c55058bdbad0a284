import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import { StoryPackError } from './errors.js';
import {
  aliasesFileSchema,
  factsFileSchema,
  gapsFileSchema,
  qaFileSchema,
  storyFileSchema,
} from './schema.js';
import type { Citation, Story } from './types.js';
import { verifyStory } from './verify.js';

export const DEFAULT_STORY = 'canada-interference-2023';
export const DEFAULT_DATA_DIR = new URL('../../data/stories/', import.meta.url).pathname;

/** Reads and validates one story pack; throws StoryPackError listing every problem found. */
export function loadStory(storyId = DEFAULT_STORY, dataDir = DEFAULT_DATA_DIR): Story {
  const dir = join(dataDir, storyId);
  const problems: string[] = [];
  const read = <S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined => {
    let raw: unknown;
    try {
      raw = YAML.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: ${describeReadError(error)}`);
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      problems.push(`${file}: ${describePath(raw, issue.path)}: ${issue.message}`);
    }
    return undefined;
  };

  const story = read('story.yaml', storyFileSchema);
  const facts = read('facts.yaml', factsFileSchema);
  const qa = read('qa.yaml', qaFileSchema);
  const gaps = read('gaps.yaml', gapsFileSchema);
  const aliases = read('aliases.yaml', aliasesFileSchema);
  if (!story || !facts || !qa || !gaps || !aliases) throw new StoryPackError(problems);
  if (story.id !== storyId)
    problems.push(`story.yaml: id "${story.id}" does not match its folder "${storyId}"`);

  const loaded: Story = {
    id: story.id,
    article: {
      title: story.title,
      published: story.published,
      source: story.source,
      summary: story.summary,
      paragraphs: story.paragraphs,
    },
    facts: facts.map((f) => ({ ...f, citations: f.citations.map(toCitation) })),
    qa: qa.map((q) => ({ ...q, citations: q.citations.map(toCitation) })),
    gaps: gaps.map((g) => ({ ...g, citations: g.citations.map(toCitation) })),
    entities: aliases.entities,
    synonyms: aliases.synonyms,
  };
  problems.push(...verifyStory(loaded));
  if (problems.length > 0) throw new StoryPackError(problems);
  return loaded;
}

export function toCitation(
  c: { paragraph: number; quote: string } | { url: string; title: string; quote: string },
): Citation {
  return 'paragraph' in c ? { kind: 'article', ...c } : { kind: 'external', ...c };
}

function describeReadError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT')
    return 'file is missing';
  return `not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
}

/** "entry 3 (han-dong-left): citations.0.quote" reads better than a bare index path. */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'file';
  const [first, ...rest] = path;
  const entry = Array.isArray(raw) && typeof first === 'number' ? raw[first] : undefined;
  const label =
    typeof first === 'number'
      ? `entry ${first + 1}${entry && typeof entry === 'object' && 'id' in entry ? ` (${String(entry.id)})` : ''}`
      : String(first);
  return [label, ...rest.map(String)].join('.');
}
