import { dateProblem } from './dates.js';
import { findQuote } from './quotes.js';
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
    if (c.kind !== 'article') return;
    const text = paragraphs.get(c.paragraph);
    if (text === undefined) {
      problems.push(`${where}: paragraph ${c.paragraph} does not exist (the article has ${paragraphs.size})`);
    } else if (findQuote(text, c.quote) === null) {
      problems.push(`${where}: quote not found in ¶${c.paragraph}: "${c.quote}"`);
    }
  };

  const entityIds = unique(
    story.entities.map((e) => e.id),
    'aliases.yaml: entity',
    problems,
  );
  const factIds = unique(
    story.facts.map((f) => f.id),
    'facts.yaml: fact',
    problems,
  );
  unique(
    story.qa.map((q) => q.id),
    'qa.yaml: entry',
    problems,
  );
  // Facts, Q&A entries and gaps are all found by id: one id must not name two of them.
  const gapIds = unique(
    story.gaps.map((g) => g.id),
    'gaps.yaml: gap',
    problems,
  );
  for (const q of story.qa) {
    if (factIds.has(q.id)) problems.push(`qa.yaml: ${q.id}: id is also a fact's id in facts.yaml`);
    if (gapIds.has(q.id)) problems.push(`qa.yaml: ${q.id}: id is also a gap's id in gaps.yaml`);
  }
  for (const g of story.gaps) {
    if (factIds.has(g.id)) problems.push(`gaps.yaml: ${g.id}: id is also a fact's id in facts.yaml`);
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

function unique(ids: string[], what: string, problems: string[]): Set<string> {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${what} id "${id}" is used twice`);
    seen.add(id);
  }
  return seen;
}
