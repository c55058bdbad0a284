import { describe, expect, it } from 'vitest';
import { exportFacts, formatPlan, importFacts, parseArgs } from '../../src/cli/facts.js';
import { UsageError } from '../../src/cli/run.js';
import { alice, GUILD, modRequest, OTHER_GUILD, runFact, story, useBot } from './setup.js';

const cli = { id: 'cli:test', name: 'test (command line)' };

describe('GIVEN a server with moderator changes, exported with the facts CLI', () => {
  const bot = useBot();

  async function exported() {
    const b = bot();
    await runFact(
      b.ctx,
      modRequest('add', {
        statement: 'The vote was broadcast live on CPAC.',
        url: 'https://www.cpac.ca/x',
        source_title: 'CPAC',
        quote: 'live',
      }),
    );
    const curated = story.facts[0]?.id ?? '';
    await runFact(b.ctx, modRequest('remove', { id: curated }));
    return { ...b, json: exportFacts(b.store, GUILD), curated };
  }

  it('THEN the export is pretty JSON holding the overlay and who made it', async () => {
    const { json } = await exported();
    const data = JSON.parse(json);
    expect(json).toContain('\n  "format": 1');
    expect(data.entries).toHaveLength(2);
    expect(data.revisions[0].actor).toEqual(alice);
  });

  it('THEN a dry run into another server prints the plan and writes nothing', async () => {
    const { store, json, curated } = await exported();
    const plan = importFacts(store, story, OTHER_GUILD, json, { dryRun: true, actor: cli });

    expect(plan.added).toEqual(['the-vote-was-broadcast-live-on-cpac']);
    expect(plan.retired).toEqual([curated]);
    expect(formatPlan(plan, true)).toMatch(/^Dry run: nothing was written\.\nadded: 1 \(the-vote/);
    expect(store.overlay(OTHER_GUILD)).toEqual([]);
  });

  it('THEN importing applies it to the other server, and a second import changes nothing', async () => {
    const b = await exported();
    importFacts(b.store, story, OTHER_GUILD, b.json, { dryRun: false, actor: cli });

    const engine = b.restart().knowledge.engineFor(OTHER_GUILD);
    expect(engine.entry('the-vote-was-broadcast-live-on-cpac')?.citations[0]).toMatchObject({
      kind: 'external',
    });
    expect(engine.entry(b.curated)).toBeUndefined();
    expect(b.store.history(OTHER_GUILD, b.curated)[0]?.actor).toEqual(cli);

    const again = importFacts(b.store, story, OTHER_GUILD, b.json, { dryRun: false, actor: cli });
    expect(again.unchanged).toHaveLength(2);
  });

  it('THEN a file that does not validate is refused with its message, and nothing is written', async () => {
    const { store, json } = await exported();
    const data = JSON.parse(json);
    data.entries.find((e: { draft: unknown }) => e.draft !== null).draft.citations = [
      { kind: 'article', paragraph: 7, quote: 'not in the article' },
    ];

    expect(() =>
      importFacts(store, story, OTHER_GUILD, JSON.stringify(data), { dryRun: false, actor: cli }),
    ).toThrow(UsageError);
    expect(() => importFacts(store, story, OTHER_GUILD, '{not json', { dryRun: false, actor: cli })).toThrow(
      /not JSON/,
    );
    expect(store.overlay(OTHER_GUILD)).toEqual([]);
  });
});

describe('WHEN the CLI arguments are read', () => {
  it('THEN import needs a guild and a file, and --dry-run is understood', () => {
    expect(parseArgs(['import', '--guild', GUILD, 'f.json', '--dry-run'])).toEqual({
      verb: 'import',
      guildId: GUILD,
      file: 'f.json',
      dryRun: true,
    });
    expect(() => parseArgs(['import', 'f.json'])).toThrow(/--guild ID is required/);
    expect(() => parseArgs(['import', '--guild', GUILD])).toThrow(/needs a FILE/);
    expect(() => parseArgs(['delete'])).toThrow(UsageError);
  });
});
