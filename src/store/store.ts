import type { Citation, PartialDate } from '../knowledge/types.js';

/**
 * A guild's moderator changes, kept as an overlay on top of the read-only curated story pack.
 * Nothing is ever deleted: every change, retirement included, is a new revision.
 * This module is storage-agnostic; sqlite/ is one implementation of KnowledgeStore.
 */

export interface Actor {
  id: string;
  name: string;
}

/** A gap is a question the article leaves open (see the engine's Entry). */
export type EntryKind = 'fact' | 'qa' | 'gap';

/** What a moderator may set on an entry. For a fact `text` is the statement; for a qa, the answer and `question` is required. */
export interface EntryDraft {
  kind: EntryKind;
  question?: string;
  text: string;
  date?: PartialDate;
  dateNote?: string;
  event?: string;
  phrasings: string[];
  citations: Citation[];
  entities: string[];
}

export const REVISION_ACTIONS = ['add', 'edit', 'retire', 'revert', 'teach', 'import'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

export interface Revision {
  guildId: string;
  entryId: string;
  /** 1, 2, 3… per (guild, entry). */
  rev: number;
  action: RevisionAction;
  before: EntryDraft | null;
  /** null = retired. */
  after: EntryDraft | null;
  actor: Actor;
  /** ISO 8601, UTC. */
  at: string;
  note?: string;
}

export interface OverlayEntry {
  entryId: string;
  rev: number;
  /** null = retired. */
  draft: EntryDraft | null;
}

export interface RecordChange {
  guildId: string;
  entryId: string;
  action: RevisionAction;
  before: EntryDraft | null;
  after: EntryDraft | null;
  actor: Actor;
  /** The revision the moderator saw: 0 or undefined for an entry never changed in this guild. */
  baseRev?: number;
  note?: string;
}

export interface GuildExport {
  format: 1;
  guildId: string;
  exportedAt: string;
  /** The overlay: what import applies. */
  entries: OverlayEntry[];
  /** Full history, oldest first, for review and backup. Import does not replay it. */
  revisions: Revision[];
}

export interface ImportPlan {
  added: string[];
  changed: string[];
  retired: string[];
  unchanged: string[];
}

export interface ImportOptions {
  dryRun: boolean;
  /**
   * The curated version of an entry, if the story pack has one. Used as `before` for entries this
   * guild never changed, and so that importing a draft equal to the curated text is "unchanged".
   */
  curated?: (entryId: string) => EntryDraft | undefined;
}

export interface DeclinedQuestion {
  question: string;
  count: number;
  lastAsked: string;
}

export interface VoteStat {
  entryId: string;
  up: number;
  down: number;
}

export interface KnowledgeStore {
  /** Current state of every entry this guild's moderators touched (latest revision each). */
  overlay(guildId: string): OverlayEntry[];
  /**
   * Records a change as a new revision in one transaction. If the entry has moved on since `baseRev`,
   * throws StaleEditError naming who changed it and when. `before` is the caller's view of the entry
   * before the change (e.g. the curated version for a first edit of a curated entry).
   * Throws DraftError when `after` is not a valid draft, or the action does not fit it.
   */
  record(change: RecordChange): Revision;
  /** Oldest first. */
  history(guildId: string, entryId: string): Revision[];
  /** Newest first (commit order), all entries. */
  recentChanges(guildId: string, limit: number): Revision[];
  revision(guildId: string, entryId: string, rev: number): Revision | undefined;
  /** Declined questions, normalised text, per guild, with count and last asked. */
  logDeclined(guildId: string, normalized: string, at?: Date): void;
  /** Most asked first. */
  topDeclined(guildId: string, limit: number): DeclinedQuestion[];
  dismissDeclined(guildId: string, normalized: string): void;
  /** One vote per user per entry per guild; a new vote replaces the old. */
  vote(guildId: string, entryId: string, userId: string, value: 1 | -1): void;
  /** Most down-voted first. */
  voteStats(guildId: string, limit: number): VoteStat[];
  /** Whole-guild export for review, backup and moving servers. */
  exportGuild(guildId: string): GuildExport;
  /**
   * Validates (throws ImportError naming each bad entry), then applies in ONE transaction as 'import'
   * revisions; entries whose draft equals the current state are skipped. dryRun returns the plan only.
   */
  importGuild(guildId: string, data: unknown, actor: Actor, options: ImportOptions): ImportPlan;
  close(): void;
}

/** Someone else changed the entry after the moderator opened it: they must look again before saving. */
export class StaleEditError extends Error {
  constructor(
    readonly entryId: string,
    readonly baseRev: number,
    readonly currentRev: number,
    /** Revisions after baseRev, oldest first: who changed it, when, and to what. */
    readonly since: readonly Revision[],
  ) {
    const last = since.at(-1);
    super(
      last
        ? `${entryId} was changed by ${last.actor.name} at ${last.at} (revision ${currentRev}) after you opened revision ${baseRev}; reload it and try again.`
        : `${entryId} is at revision ${currentRev}, not ${baseRev}; reload it and try again.`,
    );
    this.name = 'StaleEditError';
  }
}

/** A draft that may not be stored: says what is wrong with it. */
export class DraftError extends Error {
  constructor(
    readonly entryId: string,
    readonly problems: readonly string[],
  ) {
    super(`${entryId} cannot be saved:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DraftError';
  }
}

/** An import that was refused as a whole; every problem names its entry. */
export class ImportError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The import was refused, nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ImportError';
  }
}
