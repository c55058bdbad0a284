import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import help from '../../commands/help.js';
import { commands, componentHandlers, findCommand, findComponentHandler } from '../../commands/index.js';
import type { Reply } from '../../src/bot/types.js';
import { embedOf, expectWithinLimits, request, setup } from './setup.js';

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function expectValidOption(option: APIApplicationCommandOption) {
  expect(option.name).toMatch(NAME);
  expect(option.description.length).toBeGreaterThanOrEqual(1);
  expect(option.description.length).toBeLessThanOrEqual(100);
  const basic = option as APIApplicationCommandBasicOption & { max_length?: number; choices?: unknown[] };
  if (basic.max_length !== undefined) expect(basic.max_length).toBeLessThanOrEqual(6000);
  expect(basic.choices?.length ?? 0).toBeLessThanOrEqual(25);
}

describe('The command registry', () => {
  it.each(commands.map((c) => [c.data.name, c] as const))(
    '/%s is a valid slash command',
    (_name, command) => {
      const json = command.data.toJSON();
      expect(json.name).toMatch(NAME);
      expect(json.description?.length ?? 0).toBeGreaterThanOrEqual(1);
      expect(json.description?.length ?? 0).toBeLessThanOrEqual(100);
      // Each subcommand's options are checked like a command's own.
      const levels = [json.options ?? []];
      for (const o of json.options ?? []) {
        if (o.type === ApplicationCommandOptionType.Subcommand) levels.push(o.options ?? []);
      }
      let autocompletes = false;
      for (const options of levels) {
        expect(options.length).toBeLessThanOrEqual(25);
        options.forEach(expectValidOption);
        // Discord wants required options before optional ones.
        const required = options.map((o) => 'required' in o && o.required === true);
        expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
        expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
        autocompletes ||= options.some((o) => 'autocomplete' in o && o.autocomplete === true);
      }
      // An autocomplete option needs a command that answers it.
      expect(autocompletes).toBe(command.autocomplete !== undefined);
    },
  );

  it('has unique command names and unique button prefixes, shared buttons (👍/👎) included', () => {
    const names = commands.map((c) => c.data.name);
    expect(new Set(names).size).toBe(names.length);
    const prefixes = componentHandlers.map((h) => h.prefix);
    expect(prefixes).toContain('vote');
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('finds commands by name and buttons by the prefix of their custom_id', () => {
    expect(findCommand('ask')?.data.name).toBe('ask');
    expect(findCommand('nope')).toBeUndefined();
    expect(findComponentHandler('timeline:page:2:kovrig::')?.args).toEqual(['page', '2', 'kovrig', '', '']);
    expect(findComponentHandler('nope:1')).toBeUndefined();
  });

  it('only uses option types the commands read', () => {
    const types = commands
      .flatMap((c) => c.data.toJSON().options ?? [])
      .flatMap((o) => (o.type === ApplicationCommandOptionType.Subcommand ? (o.options ?? []) : [o]))
      .map((o) => o.type);
    const read = [
      ApplicationCommandOptionType.String,
      ApplicationCommandOptionType.Boolean,
      ApplicationCommandOptionType.Integer,
    ];
    for (const type of types) expect(read).toContain(type);
  });
});

describe('/help', () => {
  const reply = help.execute(request(), setup()) as Reply;

  it('shows, to the asker only, how to use /ask, mentions, /timeline, /source and /fact', () => {
    expect(reply.ephemeral).toBe(true);
    const text = JSON.stringify(embedOf(reply));
    for (const part of ['/ask', 'mention me', '/timeline', '/source', '/fact']) expect(text).toContain(part);
    expectWithinLimits(reply);
  });
});
