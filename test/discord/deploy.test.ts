import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { readConfig } from '../../src/config/env.js';
import { deployCommands, describeDeployment } from '../../src/discord/deploy.js';
import { type FakeDiscord, startFakeDiscord } from '../fakeDiscord/index.js';

let fake: FakeDiscord;

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await fake.close();
});

function config(env: Record<string, string> = {}) {
  return readConfig(
    {
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      ...env,
    },
    ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'],
  );
}

describe('WHEN the commands are deployed', () => {
  it('THEN with DISCORD_GUILD_ID they are registered to that server only', async () => {
    const deployment = await deployCommands(config({ DISCORD_GUILD_ID: fake.guild.id }), commands);

    const names = fake.registeredCommands(fake.guild.id).map((command) => command.name);
    expect(names).toEqual(expect.arrayContaining(['ask', 'timeline', 'source', 'help']));
    expect(fake.registeredCommands()).toEqual([]);
    expect(describeDeployment(deployment)).toContain(`to server ${fake.guild.id}`);
  });

  it('THEN without DISCORD_GUILD_ID they are registered globally', async () => {
    const deployment = await deployCommands(config(), commands);

    expect(fake.registeredCommands().map((command) => command.name)).toEqual(
      commands.map((c) => c.data.name),
    );
    expect(describeDeployment(deployment)).toMatch(/globally/);
  });

  it('THEN deploying twice keeps one set of commands with the same ids', async () => {
    await deployCommands(config(), commands);
    const ids = fake.registeredCommands().map((command) => command.id);
    await deployCommands(config(), commands);

    expect(fake.registeredCommands().map((command) => command.id)).toEqual(ids);
  });
});
