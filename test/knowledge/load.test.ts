import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoryPackError } from '../../src/knowledge/errors.js';
import { DEFAULT_DATA_DIR, DEFAULT_STORY, loadStory } from '../../src/knowledge/load.js';

const SHARED_ARTICLE = new URL('../../../shared/story/article.txt', import.meta.url).pathname;

describe('the curated story pack', () => {
  const story = loadStory();

  it('loads and passes every check', () => {
    expect(story.id).toBe(DEFAULT_STORY);
    expect(story.article.paragraphs).toHaveLength(12);
    expect(story.article.published).toBe('2023-03-24');
  });

  it('quotes every citation verbatim from the paragraph it names', () => {
    const citations = [...story.facts, ...story.qa].flatMap((e) => e.citations);
    expect(citations.length).toBeGreaterThan(50);
    for (const c of citations) {
      if (c.kind !== 'article') continue;
      expect(story.article.paragraphs[c.paragraph - 1]?.text).toContain(c.quote);
    }
  });

  it('cites every paragraph from at least one Q&A entry', () => {
    const cited = new Set(
      story.qa.flatMap((q) => q.citations.map((c) => (c.kind === 'article' ? c.paragraph : 0))),
    );
    for (const p of story.article.paragraphs) expect(cited).toContain(p.n);
  });

  it.skipIf(!existsSync(SHARED_ARTICLE))('keeps the article text verbatim, flaws included', () => {
    const source = readFileSync(SHARED_ARTICLE, 'utf8')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    source[0] = (source[0] ?? '').replace(/^date \d{4}-\d{2}-\d{2} /, '');
    expect(story.article.paragraphs.map((p) => p.text)).toEqual(source);
    expect(story.article.paragraphs[2]?.text).toContain('Hang Dong');
  });
});

describe('when a story pack is broken', () => {
  let dir = '';
  const brokenCopy = (file: string, edit: (text: string) => string) => {
    dir = mkdtempSync(join(tmpdir(), 'pack-'));
    cpSync(join(DEFAULT_DATA_DIR, DEFAULT_STORY), join(dir, DEFAULT_STORY), { recursive: true });
    const path = join(dir, DEFAULT_STORY, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return () => loadStory(DEFAULT_STORY, dir);
  };
  const problemsOf = (load: () => unknown): string => {
    try {
      load();
    } catch (error) {
      expect(error).toBeInstanceOf(StoryPackError);
      return (error as Error).message;
    }
    throw new Error('the broken pack loaded');
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the file, the entry and the quote that is not in its paragraph', () => {
    const load = brokenCopy('qa.yaml', (t) => t.replace(/(quote: ".*?)Han Dong/, '$1Hann Dongg'));
    expect(problemsOf(load)).toMatch(/qa\.yaml: [a-z0-9-]+: citation \d+: quote not found in ¶\d+/);
  });

  it('refuses a paragraph number the article does not have', () => {
    const load = brokenCopy('facts.yaml', (t) => t.replace(/paragraph: 1\b/, 'paragraph: 13'));
    expect(problemsOf(load)).toMatch(/facts\.yaml: .*paragraph 13 does not exist/);
  });

  it('refuses a date that does not exist', () => {
    const load = brokenCopy('facts.yaml', (t) => t.replace(/date: "?2021-09"?/, 'date: "2021-02-30"'));
    expect(problemsOf(load)).toContain('date 2021-02-30 does not exist');
  });

  it('refuses a reference to a fact that does not exist', () => {
    const load = brokenCopy('qa.yaml', (t) => t.replace(/facts: \[([a-z0-9-]+)/, 'facts: [no-such-fact'));
    expect(problemsOf(load)).toContain('unknown fact "no-such-fact"');
  });

  it('says which file is not valid YAML', () => {
    const load = brokenCopy('aliases.yaml', (t) => `${t}\n  - : : [unclosed`);
    expect(problemsOf(load)).toMatch(/aliases\.yaml: not valid YAML/);
  });

  it('says which file is missing', () => {
    const load = brokenCopy('facts.yaml', (t) => t);
    rmSync(join(dir, DEFAULT_STORY, 'facts.yaml'));
    expect(problemsOf(load)).toContain('facts.yaml: file is missing');
  });

  it('names the entry whose shape is wrong', () => {
    const load = brokenCopy('qa.yaml', (t) => t.replace(/\n {2}answer: /, '\n  answr: '));
    expect(problemsOf(load)).toMatch(/qa\.yaml: entry 1 \([a-z0-9-]+\)/);
  });

  it('names an id two entries of one file share', () => {
    const load = brokenCopy('qa.yaml', (t) => t.replace('- id: motion-calls-for', '- id: what-happened'));
    expect(problemsOf(load)).toContain('qa.yaml: entry id "what-happened" is used twice');
  });

  it("names the id and both files when a gap takes a fact's id", () => {
    const load = brokenCopy('gaps.yaml', (t) => t.replace('- id: release-terms', '- id: motion-approved'));
    expect(problemsOf(load)).toContain('gaps.yaml: motion-approved: id is also used in facts.yaml');
  });
});
