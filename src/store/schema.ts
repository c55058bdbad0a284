import { z } from 'zod';
import { dateProblem } from '../knowledge/dates.js';
import { articleCitationSchema, externalCitationSchema } from '../knowledge/schema.js';
import { DraftError, type EntryDraft, type GuildExport, ImportError, REVISION_ACTIONS } from './store.js';

/** Shapes and limits of what moderators may store. Limits keep answers chat-sized and exports sane. */

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const partialDate = z.string({ error: 'must be text like 2023, 2023-03 or 2023-03-23' }).check((ctx) => {
  const problem = dateProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

// The story pack's citation shapes, plus the `kind` tag the domain type carries, with messages
// written for moderators (they read them in Discord).
export const citationSchema = z.discriminatedUnion(
  'kind',
  [
    articleCitationSchema.extend({ kind: z.literal('article'), quote: text(500) }),
    externalCitationSchema.extend({
      kind: z.literal('external'),
      title: text(200),
      quote: text(500),
      url: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .max(500, 'must be at most 500 characters'),
    }),
  ],
  { error: 'kind must be "article" or "external"' },
);

export const entryDraftSchema = z
  .strictObject({
    kind: z.enum(['fact', 'qa', 'gap'], { error: 'kind must be "fact", "qa" or "gap"' }),
    question: text(300).optional(),
    text: text(600),
    date: partialDate.optional(),
    dateNote: text(300).optional(),
    event: text(120).optional(),
    phrasings: z.array(text(300)).max(20, 'at most 20 phrasings').default([]),
    citations: z
      .array(citationSchema, { error: 'is required' })
      .min(1, 'needs at least one citation')
      .max(5, 'at most 5 citations'),
    entities: z.array(text(120)).max(20, 'at most 20 entities').default([]),
  })
  .superRefine((draft, ctx) => {
    if (draft.kind !== 'fact' && draft.question === undefined) {
      ctx.addIssue({ code: 'custom', path: ['question'], message: 'a qa entry needs a question' });
    }
    if (draft.kind === 'fact' && draft.question !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['question'],
        message: 'a fact has no question: its text is the statement',
      });
    }
  });

// Fails to compile if the schema drifts from the domain type.
const _draftMatches: (d: z.output<typeof entryDraftSchema>) => EntryDraft = (d) => d;

const entryId = text(100);

export const overlayEntrySchema = z.strictObject({
  entryId,
  rev: z.number().int().nonnegative(),
  draft: entryDraftSchema.nullable(),
});

// History is for review: its drafts were checked when recorded (and `before` may be curated text),
// so it is only checked for shape, not limits. Import applies `entries`, never replays history.
const recordedDraft = z
  .custom<EntryDraft>(
    (v) => typeof v === 'object' && v !== null && 'kind' in v && 'text' in v,
    'is not an entry draft',
  )
  .nullable();

export const revisionSchema = z.strictObject({
  guildId: z.string(),
  entryId,
  rev: z.number().int().positive(),
  action: z.enum(REVISION_ACTIONS),
  before: recordedDraft,
  after: recordedDraft,
  actor: z.strictObject({ id: z.string(), name: z.string() }),
  at: z.string(),
  note: z.string().optional(),
});

export const guildExportSchema = z.strictObject({
  format: z.literal(1, 'format must be 1 (was this exported by a newer version of the bot?)'),
  guildId: z.string(),
  exportedAt: z.string(),
  entries: z.array(overlayEntrySchema, { error: 'entries must be a list' }),
  revisions: z.array(revisionSchema).default([]),
});

const _exportMatches: (e: z.output<typeof guildExportSchema>) => GuildExport = (e) => e;

/** The draft as it will be stored (trimmed, defaults filled), or DraftError saying what is wrong. */
export function parseDraft(entryId: string, value: unknown): EntryDraft {
  const result = entryDraftSchema.safeParse(value);
  if (!result.success)
    throw new DraftError(
      entryId,
      result.error.issues.map((i) => describe(i.path, i.message)),
    );
  return result.data;
}

/** A validated export, or ImportError whose every problem names the entry it is about. */
export function parseGuildExport(data: unknown): GuildExport {
  const result = guildExportSchema.safeParse(data);
  if (result.success) return result.data;
  throw new ImportError(
    result.error.issues.map((issue) => describeImportIssue(data, issue.path, issue.message)),
  );
}

/** "entry han-dong-left (#3): citations #1 quote: must not be empty" beats a bare index path. */
function describeImportIssue(data: unknown, path: readonly PropertyKey[], message: string): string {
  const [list, index, ...rest] = path;
  if ((list === 'entries' || list === 'revisions') && typeof index === 'number') {
    const raw = (data as Record<string, unknown[]>)[list]?.[index];
    const id =
      raw && typeof raw === 'object' && 'entryId' in raw && typeof raw.entryId === 'string'
        ? `${raw.entryId} `
        : '';
    const where = list === 'entries' ? `entry ${id}(#${index + 1})` : `revision ${id}(#${index + 1})`;
    // Problems inside an entry's draft read as the draft's own fields: "date", not "draft.date".
    const inner = list === 'entries' && rest[0] === 'draft' ? rest.slice(1) : rest;
    return `${where}: ${describe(inner, message)}`;
  }
  return describe(path, message);
}

function describe(path: readonly PropertyKey[], message: string): string {
  if (path.length === 0) return message;
  const last = String(path.at(-1));
  // dateProblem already says "date 2023-02-30 …"; do not print "date: date 2023-02-30 …".
  if (message.startsWith(`${last} `)) return message;
  // Positions are 1-based for the moderators who read these: "citations #1 quote".
  return `${path.map((key) => (typeof key === 'number' ? `#${key + 1}` : String(key))).join(' ')}: ${message}`;
}
