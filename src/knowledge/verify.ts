import { dateProblem } from './dates.js';
import { citationProblem } from './quotes.js';
import type { Citation, Story } from './types.js';

/** Cross-file checks the schemas cannot make. Returns every problem, each naming file and entry. */
export function verifyStory(story: Story): string[] {
  const problems: string[] = [];
  const paragraphs = new Map(story.article.paragraphs.map((p) => [p.n, p.text]));

  story.article.paragraphs.forEach((p, i) => {
    if (p.n !== i + 1) problems.push(`story.yaml: paragraph at position ${i + 1} is numbered ${p.n}`);
  });
  const published = dateProblem(story.article.published);
  if (published) problems.push(`story.yaml: published: ${published}`);

  const checkCitation = (where: string, c: Citation) => {
    const problem = c.kind === 'article' ? citationProblem(paragraphs, c) : null;
    if (problem) problems.push(`${where}: ${problem}`);
  };

  const entityIds = unique(
    story.entities.map((e) => e.id),
    'aliases.yaml: entity',
    problems,
  );
  const factIds = new Set(story.facts.map((f) => f.id));
  entryIdsOnce(story, problems);
  for (const g of story.gaps) {
    for (const [i, c] of g.citations.entries()) checkCitation(`gaps.yaml: ${g.id}: citation ${i + 1}`, c);
  }
  unique(
    story.synonyms.map((s) => s.id),
    'aliases.yaml: synonym group',
    problems,
  );

  const aliasOwner = new Map<string, string>();
  for (const e of story.entities) {
    for (const alias of [e.name, ...e.aliases].map((a) => a.toLowerCase())) {
      const owner = aliasOwner.get(alias);
      if (owner && owner !== e.id) problems.push(`aliases.yaml: "${alias}" names both ${owner} and ${e.id}`);
      aliasOwner.set(alias, e.id);
    }
  }

  for (const f of story.facts) {
    for (const [i, c] of f.citations.entries()) checkCitation(`facts.yaml: ${f.id}: citation ${i + 1}`, c);
    if (f.date !== undefined) {
      const problem = dateProblem(f.date);
      if (problem) problems.push(`facts.yaml: ${f.id}: ${problem}`);
    }
    for (const e of f.entities) {
      if (!entityIds.has(e)) problems.push(`facts.yaml: ${f.id}: unknown entity "${e}"`);
    }
  }
  for (const q of story.qa) {
    for (const [i, c] of q.citations.entries()) checkCitation(`qa.yaml: ${q.id}: citation ${i + 1}`, c);
    for (const f of q.facts) {
      if (!factIds.has(f)) problems.push(`qa.yaml: ${q.id}: unknown fact "${f}"`);
    }
  }
  return problems;
}

/** Facts, Q&A entries and gaps are all found by id: an id names one of them, once. */
function entryIdsOnce(story: Story, problems: string[]): void {
  const files = [
    ['facts.yaml', 'fact', story.facts],
    ['qa.yaml', 'entry', story.qa],
    ['gaps.yaml', 'gap', story.gaps],
  ] as const;
  const fileOf = new Map<string, string>();
  for (const [file, what, entries] of files) {
    for (const { id } of entries) {
      const first = fileOf.get(id);
      if (first === file) problems.push(`${file}: ${what} id "${id}" is used twice`);
      else if (first !== undefined) problems.push(`${file}: ${id}: id is also used in ${first}`);
      else fileOf.set(id, file);
    }
  }
}

function unique(ids: string[], what: string, problems: string[]): Set<string> {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${what} id "${id}" is used twice`);
    seen.add(id);
  }
  return seen;
}
