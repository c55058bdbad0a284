import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../config/env.js';
import { storyEntries } from '../engine/entries.js';
import type { Story } from '../knowledge/types.js';
import { articleCheck } from '../store/checks.js';
import { draftFromEntry } from '../store/drafts.js';
import { openSqliteStore } from '../store/sqlite/open.js';
import { type Actor, ImportError, type ImportPlan, type KnowledgeStore } from '../store/store.js';
import { loadStoryFromEnv, runCli, UsageError } from './run.js';

/**
 * A server's moderator changes, in and out of the database:
 *   npm run facts -- export --guild ID > file.json
 *   npm run facts -- import --guild ID file.json [--dry-run]
 * A running bot keeps its own cached view: restart it to see an import.
 */

const USAGE = 'usage: facts export --guild ID | facts import --guild ID FILE [--dry-run]';

/** The guild's overlay and history as pretty JSON. */
export function exportFacts(store: KnowledgeStore, guildId: string): string {
  return `${JSON.stringify(store.exportGuild(guildId), null, 2)}\n`;
}

/** Applies (or with dryRun only plans) an export; an invalid file is a UsageError and nothing is written. */
export function importFacts(
  store: KnowledgeStore,
  story: Story,
  guildId: string,
  json: string,
  options: { dryRun: boolean; actor: Actor },
): ImportPlan {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new UsageError(`The file is not JSON: ${(error as Error).message}`);
  }
  const curated = new Map(storyEntries(story).map((e) => [e.id, e]));
  try {
    return store.importGuild(guildId, data, options.actor, {
      dryRun: options.dryRun,
      curated: (id) => {
        const entry = curated.get(id);
        return entry && draftFromEntry(entry);
      },
    });
  } catch (error) {
    if (error instanceof ImportError) throw new UsageError(error.message);
    throw error;
  }
}

export function formatPlan(plan: ImportPlan, dryRun: boolean): string {
  const line = (label: string, ids: string[]) =>
    `${label}: ${ids.length}${ids.length ? ` (${ids.join(', ')})` : ''}`;
  return [
    dryRun ? 'Dry run: nothing was written.' : 'Imported.',
    line('added', plan.added),
    line('changed', plan.changed),
    line('retired', plan.retired),
    line('unchanged', plan.unchanged),
  ].join('\n');
}

interface Args {
  verb: 'export' | 'import';
  guildId: string;
  file?: string;
  dryRun: boolean;
}

export function parseArgs(argv: readonly string[]): Args {
  const [verb, ...rest] = argv;
  if (verb !== 'export' && verb !== 'import') throw new UsageError(USAGE);
  let guildId: string | undefined;
  let file: string | undefined;
  let dryRun = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--guild') guildId = rest[++i];
    else if (arg === '--dry-run') dryRun = true;
    else if (arg?.startsWith('--') || file !== undefined) throw new UsageError(`unexpected ${arg}\n${USAGE}`);
    else file = arg;
  }
  if (!guildId) throw new UsageError(`--guild ID is required\n${USAGE}`);
  if (verb === 'import' && file === undefined) throw new UsageError(`import needs a FILE\n${USAGE}`);
  if (verb === 'export' && (file !== undefined || dryRun)) throw new UsageError(USAGE);
  return { verb, guildId, ...(file !== undefined ? { file } : {}), dryRun };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const story = loadStoryFromEnv();
  // The same database the bot uses, by the same rule (and default).
  const store = openSqliteStore(readConfig(process.env).DATABASE_PATH, {
    check: articleCheck(story.article),
  });
  try {
    if (args.verb === 'export') {
      process.stdout.write(exportFacts(store, args.guildId));
      return;
    }
    const name = userInfo().username;
    const plan = importFacts(store, story, args.guildId, readFileSync(args.file as string, 'utf8'), {
      dryRun: args.dryRun,
      actor: { id: `cli:${name}`, name: `${name} (command line)` },
    });
    console.log(formatPlan(plan, args.dryRun));
  } finally {
    store.close();
  }
}

// Tests import the functions above; only `npm run facts` runs main.
if (process.argv[1] === fileURLToPath(import.meta.url)) runCli(main);
