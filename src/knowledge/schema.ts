import { z } from 'zod';

/** Shapes of the story-pack files. Cross-file checks (quotes, references) live in verify.ts. */

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case words joined by hyphens, e.g. "han-dong-left"');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD');

export const articleCitationSchema = z.strictObject({
  paragraph: z.number().int().positive(),
  quote: text(500),
});
export const externalCitationSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  title: text(200),
  quote: text(500),
});
export const citationSchema = z.union([articleCitationSchema, externalCitationSchema]);

export const storyFileSchema = z.strictObject({
  id,
  title: text(200),
  published: partialDate,
  source: text(200),
  summary: text(1000),
  paragraphs: z.array(z.strictObject({ n: z.number().int().positive(), text: text(5000) })).min(1),
});

export const factSchema = z.strictObject({
  id,
  statement: text(500),
  date: partialDate.optional(),
  dateNote: text(300).optional(),
  event: text(120).optional(),
  entities: z.array(id).default([]),
  citations: z.array(citationSchema).min(1, 'a fact needs at least one citation'),
  phrasings: z.array(text(300)).default([]),
});
export const factsFileSchema = z.array(factSchema);

export const qaSchema = z.strictObject({
  id,
  question: text(300),
  phrasings: z.array(text(300)).default([]),
  answer: text(600),
  citations: z.array(citationSchema).min(1, 'an answer needs at least one citation'),
  facts: z.array(id).default([]),
});
export const qaFileSchema = z.array(qaSchema);

export const gapSchema = z.strictObject({
  id,
  question: text(300),
  phrasings: z.array(text(300)).default([]),
  answer: text(600),
  citations: z.array(citationSchema).min(1, 'a gap cites where the article comes closest'),
});
export const gapsFileSchema = z.array(gapSchema);

export const aliasesFileSchema = z.strictObject({
  entities: z.array(
    z.strictObject({
      id,
      name: text(120),
      kind: z
        .string()
        .regex(/^\p{L}+$/u, 'a kind is one word, e.g. "party"')
        .optional(),
      aliases: z.array(text(120)).min(1),
    }),
  ),
  synonyms: z.array(z.strictObject({ id, words: z.array(text(60)).min(2) })).default([]),
});
