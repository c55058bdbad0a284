import type { DraftCheck } from './checks.js';
import { sameDraft } from './drafts.js';
import { parseGuildExport } from './schema.js';
import {
  type EntryDraft,
  type GuildExport,
  ImportError,
  type ImportPlan,
  type OverlayEntry,
} from './store.js';

/** Storage-agnostic: what an import would do, so every backend plans it the same way. */

export interface ImportWrite {
  entryId: string;
  before: EntryDraft | null;
  after: EntryDraft | null;
}

/** Parses and checks the whole file first: an import is refused as a whole, naming every bad entry. */
export function validateImport(data: unknown, check?: DraftCheck): GuildExport {
  const parsed = parseGuildExport(data);
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.entries.forEach((entry, i) => {
    const where = `entry ${entry.entryId} (#${i + 1})`;
    if (seen.has(entry.entryId)) problems.push(`${where}: appears more than once`);
    seen.add(entry.entryId);
    if (entry.draft && check)
      problems.push(...check(entry.entryId, entry.draft).map((p) => `${where}: ${p}`));
  });
  if (problems.length > 0) throw new ImportError(problems);
  return parsed;
}

/**
 * Compares each imported entry with the guild's current state: its overlay, else the curated
 * version if known. Entries already in that state are skipped, so re-importing is a no-op.
 */
export function planImport(
  data: GuildExport,
  overlay: readonly OverlayEntry[],
  curated?: (entryId: string) => EntryDraft | undefined,
): { plan: ImportPlan; writes: ImportWrite[] } {
  const current = new Map(overlay.map((o) => [o.entryId, o.draft]));
  const plan: ImportPlan = { added: [], changed: [], retired: [], unchanged: [] };
  const writes: ImportWrite[] = [];
  for (const { entryId, draft } of data.entries) {
    // undefined: this guild has never seen the entry, neither in its overlay nor in the pack.
    const now = current.has(entryId) ? (current.get(entryId) ?? null) : curated?.(entryId);
    if (now !== undefined && sameDraft(now, draft)) {
      plan.unchanged.push(entryId);
      continue;
    }
    if (draft === null) plan.retired.push(entryId);
    else if (now === undefined) plan.added.push(entryId);
    else plan.changed.push(entryId);
    writes.push({ entryId, before: now ?? null, after: draft });
  }
  return { plan, writes };
}
