import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { LIMITS, truncate } from '../src/bot/limits.js';
import type { AutocompleteRequest, BotContext, Command, CommandRequest, Reply } from '../src/bot/types.js';
import { UserFacingError } from '../src/bot/types.js';
import type { EntryState, Moderation } from '../src/moderation/moderation.js';
import { type ModeratorCall, requireModerator } from '../src/moderation/permissions.js';
import { moderationFor, storeFor } from '../src/moderation/service.js';
import { citationLine, safeText } from '../src/render/discord.js';
import type { Revision } from '../src/store/store.js';

/**
 * `/fact …`: moderators add, correct, retire and restore this server's facts. Every change is a
 * revision. `edit`'s `base_rev` is the revision the moderator saw in `/fact show`; when omitted the
 * current revision is assumed, so a concurrent change is only caught when it is given.
 */

const STATS_LIMIT = 10;
const LIST_LIMIT = 25;

const data = new SlashCommandBuilder()
  .setName('fact')
  .setDescription("Moderators: change this server's facts")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add a fact with its source')
      .addStringOption((o) =>
        o
          .setName('statement')
          .setDescription('The fact, as the bot should say it')
          .setRequired(true)
          .setMaxLength(600),
      )
      .addIntegerOption((o) =>
        o.setName('paragraph').setDescription('Article paragraph (¶) it comes from').setMinValue(1),
      )
      .addStringOption((o) =>
        o.setName('quote').setDescription('Words copied exactly from the source').setMaxLength(500),
      )
      .addStringOption((o) =>
        o.setName('url').setDescription('Outside source: its address').setMaxLength(500),
      )
      .addStringOption((o) =>
        o.setName('source_title').setDescription('Outside source: its title').setMaxLength(200),
      )
      .addStringOption((o) =>
        o.setName('date').setDescription('When it happened: 2023, 2023-03 or 2023-03-23'),
      )
      .addStringOption((o) =>
        o.setName('phrasing').setDescription('A question that should lead here').setMaxLength(300),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('edit')
      .setDescription('Correct a fact')
      .addStringOption((o) =>
        o.setName('id').setDescription('The entry').setRequired(true).setAutocomplete(true),
      )
      .addStringOption((o) => o.setName('statement').setDescription('New wording').setMaxLength(600))
      .addStringOption((o) => o.setName('date').setDescription('New date: 2023, 2023-03 or 2023-03-23'))
      .addIntegerOption((o) =>
        o.setName('paragraph').setDescription('New source: article paragraph').setMinValue(1),
      )
      .addStringOption((o) => o.setName('quote').setDescription('New source: exact words').setMaxLength(500))
      .addStringOption((o) =>
        o.setName('url').setDescription('New source: outside address').setMaxLength(500),
      )
      .addStringOption((o) =>
        o.setName('source_title').setDescription('New source: outside title').setMaxLength(200),
      )
      .addIntegerOption((o) =>
        o
          .setName('base_rev')
          .setDescription('The revision you saw in /fact show (default: the current one)')
          .setMinValue(0),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Retire an entry: it stops answering, its history stays')
      .addStringOption((o) =>
        o.setName('id').setDescription('The entry').setRequired(true).setAutocomplete(true),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('show')
      .setDescription('An entry as this server has it, with its revision')
      .addStringOption((o) =>
        o.setName('id').setDescription('The entry').setRequired(true).setAutocomplete(true),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('list')
      .setDescription("This server's entries")
      .addStringOption((o) => o.setName('filter').setDescription('Only ids or titles containing this')),
  )
  .addSubcommand((s) =>
    s
      .setName('history')
      .setDescription('Every change to an entry: who, when, what')
      .addStringOption((o) =>
        o.setName('id').setDescription('The entry').setRequired(true).setAutocomplete(true),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('revert')
      .setDescription('Bring back an earlier revision (0 = the curated version)')
      .addStringOption((o) =>
        o.setName('id').setDescription('The entry').setRequired(true).setAutocomplete(true),
      )
      .addIntegerOption((o) =>
        o.setName('rev').setDescription('Revision to restore').setRequired(true).setMinValue(0),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('teach')
      .setDescription('Teach another way of asking for an entry')
      .addStringOption((o) =>
        o.setName('id').setDescription('The entry').setRequired(true).setAutocomplete(true),
      )
      .addStringOption((o) =>
        o
          .setName('phrasing')
          .setDescription('The question, as people ask it')
          .setRequired(true)
          .setMaxLength(300),
      ),
  )
  .addSubcommand((s) => s.setName('stats').setDescription('The most down-voted answers'));

const text = (request: CommandRequest, name: string): string | undefined => {
  const value = request.options[name];
  return typeof value === 'string' ? value : undefined;
};

const integer = (request: CommandRequest, name: string): number | undefined => {
  const value = request.options[name];
  return typeof value === 'number' ? value : undefined;
};

const requiredText = (request: CommandRequest, name: string): string => {
  const value = text(request, name);
  if (value === undefined) throw new UserFacingError(`\`${name}\` is required.`);
  return value;
};

const source = (request: CommandRequest) => ({
  ...(integer(request, 'paragraph') !== undefined ? { paragraph: integer(request, 'paragraph') } : {}),
  ...(text(request, 'quote') !== undefined ? { quote: text(request, 'quote') } : {}),
  ...(text(request, 'url') !== undefined ? { url: text(request, 'url') } : {}),
  ...(text(request, 'source_title') !== undefined ? { title: text(request, 'source_title') } : {}),
});

const reply = (content: string): Reply => ({ content: truncate(content, LIMITS.content), ephemeral: true });

const saved = (verb: string, revision: Revision): Reply =>
  reply(`${verb} \`${revision.entryId}\` (revision ${revision.rev}).`);

export function showEntry(state: EntryState): string {
  const head = `\`${state.entryId}\` · revision ${state.rev} · ${state.origin}`;
  if (state.draft === null) return `${head}\nRetired. \`/fact history\` shows what it said.`;
  const { draft } = state;
  return [
    head,
    ...(draft.question !== undefined ? [`**Question:** ${safeText(draft.question)}`] : []),
    safeText(draft.text),
    ...(draft.date !== undefined ? [`**Date:** ${draft.date}`] : []),
    ...(draft.phrasings.length > 0 ? [`**Phrasings:** ${draft.phrasings.map(safeText).join(' · ')}`] : []),
    ...draft.citations.map((c) => `**Source:** ${citationLine(c)}`),
  ].join('\n');
}

export function historyLine(revision: Revision): string {
  const note = revision.note ? ` (${safeText(revision.note)})` : '';
  return `r${revision.rev} · ${revision.action} · ${safeText(revision.actor.name)} · ${revision.at}${note}`;
}

function run(moderation: Moderation, call: ModeratorCall, request: CommandRequest, ctx: BotContext): Reply {
  const { guildId, actor } = call;
  const id = () => requiredText(request, 'id');
  switch (request.subcommand) {
    case 'add': {
      const date = text(request, 'date');
      const phrasing = text(request, 'phrasing');
      const revision = moderation.add(guildId, actor, {
        statement: requiredText(request, 'statement'),
        ...source(request),
        ...(date !== undefined ? { date } : {}),
        ...(phrasing !== undefined ? { phrasing } : {}),
      });
      return saved('Added', revision);
    }
    case 'edit': {
      const statement = text(request, 'statement');
      const date = text(request, 'date');
      const changes = {
        ...source(request),
        ...(statement !== undefined ? { statement } : {}),
        ...(date !== undefined ? { date } : {}),
      };
      return saved('Saved', moderation.edit(guildId, actor, id(), changes, integer(request, 'base_rev')));
    }
    case 'remove':
      return saved('Retired', moderation.retire(guildId, actor, id()));
    case 'show':
      return reply(showEntry(moderation.show(guildId, id())));
    case 'list': {
      const entries = moderation.list(guildId, text(request, 'filter'));
      if (entries.length === 0) return reply('No entries match.');
      const lines = entries
        .slice(0, LIST_LIMIT)
        .map((e) => `\`${e.id}\` · ${e.origin} · ${safeText(truncate(e.title.replace(/\s+/g, ' '), 60))}`);
      const more =
        entries.length > LIST_LIMIT
          ? `\n…and ${entries.length - LIST_LIMIT} more: narrow with \`filter\`.`
          : '';
      return reply(`${lines.join('\n')}${more}`);
    }
    case 'history': {
      const revisions = moderation.history(guildId, id());
      if (revisions.length === 0)
        return reply(`\`${id()}\` is the curated version: never changed in this server.`);
      // The newest changes matter most when the list is long.
      return reply(revisions.slice(-20).map(historyLine).join('\n'));
    }
    case 'revert': {
      const rev = integer(request, 'rev');
      if (rev === undefined) throw new UserFacingError('`rev` is required.');
      return saved('Reverted', moderation.revert(guildId, actor, id(), rev));
    }
    case 'teach':
      return saved('Taught', moderation.teach(guildId, actor, id(), requiredText(request, 'phrasing')));
    case 'stats': {
      const stats = storeFor(ctx).voteStats(guildId, STATS_LIMIT);
      if (stats.length === 0) return reply('No votes yet.');
      return reply(stats.map((s) => `\`${s.entryId}\` · 👎 ${s.down} · 👍 ${s.up}`).join('\n'));
    }
    default:
      throw new UserFacingError(`Unknown subcommand: ${request.subcommand ?? '(none)'}`);
  }
}

/**
 * This server's entries whose id or title holds what was typed, retired ones included (they can
 * be reverted), as autocomplete choices: the same list `/fact list` shows. An id too long to be a
 * choice's value is left out rather than cut into an id that does not exist.
 */
function entryChoices(request: AutocompleteRequest, ctx: BotContext) {
  if (request.guildId === null || ctx.knowledge.store === undefined) return [];
  return moderationFor(ctx)
    .list(request.guildId, request.focused.value)
    .filter((e) => e.id.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((e) => ({
      name: truncate(`${e.id} — ${e.title.replace(/\s+/g, ' ')}`, LIMITS.choiceName),
      value: e.id,
    }));
}

export default {
  data,
  execute(request, ctx) {
    // Permission first: a refused call reads nothing and changes nothing.
    const call = requireModerator(request, ctx.config);
    return run(moderationFor(ctx), call, request, ctx);
  },
  autocomplete: entryChoices,
} satisfies Command;
