import type { GuildKnowledge } from '../bot/knowledge.js';
import { UserFacingError } from '../bot/types.js';
import { draftFromEntry } from '../store/drafts.js';
import {
  type Actor,
  DraftError,
  type EntryDraft,
  type KnowledgeStore,
  type RecordChange,
  type Revision,
  StaleEditError,
} from '../store/store.js';
import {
  checkedDate,
  checkedStatement,
  citationFrom,
  hasSource,
  type SourceInput,
  slugFrom,
  uniqueId,
} from './drafts.js';

/**
 * What moderators may do to a server's facts, pure of Discord: every change is checked here,
 * recorded as a revision by the store, then applied in place to that server's engine.
 */

export type Origin = 'curated' | 'moderator' | 'retired';

export interface EntryState {
  entryId: string;
  /** 0 = the curated version, never changed in this server. */
  rev: number;
  /** null = retired. */
  draft: EntryDraft | null;
  origin: Origin;
}

export interface FactInput extends SourceInput {
  statement: string;
  date?: string;
  phrasing?: string;
  id?: string;
}

export interface FactChanges extends SourceInput {
  statement?: string;
  date?: string;
}

export interface ListedEntry {
  id: string;
  title: string;
  origin: Origin;
}

export interface Moderation {
  add(guildId: string, actor: Actor, input: FactInput): Revision;
  /** `baseRev` is the revision the moderator saw; omitted, the current one. */
  edit(guildId: string, actor: Actor, entryId: string, changes: FactChanges, baseRev?: number): Revision;
  retire(guildId: string, actor: Actor, entryId: string, baseRev?: number): Revision;
  /** Brings back the content of revision `rev` (0 = the curated version) as a new revision. */
  revert(guildId: string, actor: Actor, entryId: string, rev: number): Revision;
  teach(guildId: string, actor: Actor, entryId: string, phrasing: string): Revision;
  show(guildId: string, entryId: string): EntryState;
  list(guildId: string, filter?: string): ListedEntry[];
  history(guildId: string, entryId: string): Revision[];
}

export const unknownEntry = (entryId: string) =>
  new UserFacingError(`No entry \`${entryId}\` in this server.`);

export function createModeration(knowledge: GuildKnowledge, store: KnowledgeStore): Moderation {
  const { article } = knowledge.story;

  const curatedDraft = (entryId: string): EntryDraft | undefined => {
    const curated = knowledge.curated(entryId);
    return curated && draftFromEntry(curated);
  };

  const state = (guildId: string, entryId: string): EntryState | undefined => {
    const last = store.history(guildId, entryId).at(-1);
    if (last) {
      return { entryId, rev: last.rev, draft: last.after, origin: last.after ? 'moderator' : 'retired' };
    }
    const draft = curatedDraft(entryId);
    return draft && { entryId, rev: 0, draft, origin: 'curated' };
  };

  const existing = (guildId: string, entryId: string): EntryState => {
    const found = state(guildId, entryId);
    if (!found) throw unknownEntry(entryId);
    return found;
  };

  const live = (guildId: string, entryId: string): EntryState & { draft: EntryDraft } => {
    const found = existing(guildId, entryId);
    if (found.draft === null)
      throw new UserFacingError(
        `\`${entryId}\` is retired; \`/fact revert\` brings an earlier revision back.`,
      );
    return found as EntryState & { draft: EntryDraft };
  };

  const commit = (change: RecordChange): Revision => {
    let revision: Revision;
    try {
      revision = store.record(change);
    } catch (error) {
      if (error instanceof StaleEditError) throw new UserFacingError(error.message);
      if (error instanceof DraftError)
        throw new UserFacingError(
          `\`${change.entryId}\` was not saved:\n${error.problems.map((p) => `- ${p}`).join('\n')}`,
        );
      throw error;
    }
    knowledge.applied(change.guildId, change.entryId, revision.after);
    return revision;
  };

  return {
    add(guildId, actor, input) {
      const statement = checkedStatement(input.statement);
      const citation = citationFrom(article, input);
      const date = input.date === undefined ? undefined : checkedDate(input.date);
      const taken = (id: string) => state(guildId, id) !== undefined;
      const given = input.id?.trim();
      if (given && taken(given)) throw new UserFacingError(`\`${given}\` already exists in this server.`);
      const entryId = given || uniqueId(slugFrom(statement), taken);
      const phrasing = input.phrasing?.trim();
      return commit({
        guildId,
        entryId,
        action: 'add',
        before: null,
        after: {
          kind: 'fact',
          text: statement,
          ...(date !== undefined ? { date } : {}),
          phrasings: phrasing ? [phrasing] : [],
          citations: [citation],
          entities: [],
        },
        actor,
        baseRev: 0,
      });
    },

    edit(guildId, actor, entryId, changes, baseRev) {
      const current = live(guildId, entryId);
      const after: EntryDraft = { ...current.draft };
      if (changes.statement !== undefined) {
        after.text = checkedStatement(changes.statement);
      }
      if (changes.date !== undefined) after.date = checkedDate(changes.date);
      if (hasSource(changes)) after.citations = [citationFrom(article, changes)];
      return commit({
        guildId,
        entryId,
        action: 'edit',
        before: current.draft,
        after,
        actor,
        baseRev: baseRev ?? current.rev,
      });
    },

    retire(guildId, actor, entryId, baseRev) {
      const current = live(guildId, entryId);
      return commit({
        guildId,
        entryId,
        action: 'retire',
        before: current.draft,
        after: null,
        actor,
        baseRev: baseRev ?? current.rev,
      });
    },

    revert(guildId, actor, entryId, rev) {
      const current = existing(guildId, entryId);
      const target = rev === 0 ? curatedDraft(entryId) : store.revision(guildId, entryId, rev)?.after;
      if (target === undefined)
        throw new UserFacingError(`\`${entryId}\` has no revision ${rev}; see \`/fact history\`.`);
      return commit({
        guildId,
        entryId,
        action: 'revert',
        before: current.draft,
        after: target,
        actor,
        baseRev: current.rev,
        note: `back to revision ${rev}`,
      });
    },

    teach(guildId, actor, entryId, phrasing) {
      const current = live(guildId, entryId);
      const taught = phrasing.replace(/\s+/g, ' ').trim();
      if (taught === '') throw new UserFacingError('The phrasing must not be empty.');
      const known = [current.draft.question, ...current.draft.phrasings].map((p) => p?.toLowerCase());
      if (known.includes(taught.toLowerCase()))
        throw new UserFacingError(`\`${entryId}\` already knows that phrasing.`);
      return commit({
        guildId,
        entryId,
        action: 'teach',
        before: current.draft,
        after: { ...current.draft, phrasings: [...current.draft.phrasings, taught] },
        actor,
        baseRev: current.rev,
      });
    },

    show: (guildId, entryId) => existing(guildId, entryId),

    list(guildId, filter = '') {
      const needle = filter.trim().toLowerCase();
      const live: ListedEntry[] = knowledge
        .engineFor(guildId)
        .entries()
        .map((e) => ({ id: e.id, title: e.title, origin: e.origin }));
      const retired: ListedEntry[] = store
        .overlay(guildId)
        .filter((o) => o.draft === null)
        .map((o) => ({ id: o.entryId, title: '(retired)', origin: 'retired' }));
      return [...live, ...retired].filter(
        (e) => needle === '' || e.id.toLowerCase().includes(needle) || e.title.toLowerCase().includes(needle),
      );
    },

    history(guildId, entryId) {
      existing(guildId, entryId);
      return store.history(guildId, entryId);
    },
  };
}
