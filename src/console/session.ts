import { createInterface } from 'node:readline';
import * as commands from '../../commands/index.js';
import {
  type BotContext,
  type Command,
  type CommandRegistry,
  type CommandRequest,
  type Reply,
  UserFacingError,
} from '../bot/types.js';
import { ConsoleUsageError, classifyLine, parseCommandArgs, usage } from './parse.js';
import { type ConsoleButton, renderReply } from './render.js';

/** The console plays one moderator with full rights in a server of its own. */
export const CONSOLE_REQUEST: Omit<CommandRequest, 'options'> = {
  user: { id: 'console', name: 'console' },
  guildId: 'console',
  channelId: 'console',
  member: { manageMessages: true, roleIds: [] },
};

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Prompt and line editing; off when driven by a test or a pipe. */
  terminal?: boolean;
}

/** The registry plus the list of commands, for the help text. */
export type ConsoleCommands = CommandRegistry & { commands: readonly Command[] };

function consoleHelp(registry: ConsoleCommands): string {
  const known = registry.commands.map((c) => `  ${usage(c.data.toJSON())}`);
  return [
    'Type a question to ask it (same as /ask), or a command:',
    ...known,
    '  /quit',
    'Buttons are listed as [1], [2]…: type the number to press one.',
  ].join('\n');
}

/**
 * A local stand-in for Discord: reads lines, runs the same command modules the bot runs, prints
 * their replies as text. Resolves on /quit or end of input.
 */
export async function runConsole(
  ctx: BotContext,
  io: ConsoleIO = { input: process.stdin, output: process.stdout, terminal: true },
  registry: ConsoleCommands = commands,
): Promise<void> {
  const rl = createInterface({ input: io.input, output: io.output, terminal: io.terminal ?? false });
  const print = (text: string) => io.output.write(`${text}\n`);
  let buttons: ConsoleButton[] = [];

  function show(reply: Reply): void {
    const rendered = renderReply(reply);
    print(rendered.text);
    // A reply without buttons leaves the previous ones pressable, as they stay in a Discord channel.
    if (rendered.buttons.length > 0 || reply.update) buttons = rendered.buttons;
  }

  async function run(execute: () => Reply | Promise<Reply>): Promise<void> {
    try {
      show(await execute());
    } catch (error) {
      if (error instanceof UserFacingError || error instanceof ConsoleUsageError) print(error.message);
      else {
        ctx.logger.error({ err: error }, 'console command failed');
        print(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  async function handle(line: string): Promise<boolean> {
    const input = classifyLine(line, buttons.length);
    switch (input.kind) {
      case 'empty':
        return true;
      case 'quit':
        return false;
      case 'press': {
        const button = buttons[input.index] as ConsoleButton;
        const found = registry.findComponentHandler(button.customId);
        if (!found) print('That button does nothing here.');
        else
          await run(() => found.handler.execute({ ...CONSOLE_REQUEST, options: {}, args: found.args }, ctx));
        return true;
      }
      case 'ask': {
        const ask = registry.findCommand('ask');
        if (ask)
          await run(() => ask.execute({ ...CONSOLE_REQUEST, options: { question: input.question } }, ctx));
        return true;
      }
      case 'command': {
        const command = registry.findCommand(input.name);
        // The console's own keys first, then the command's own help, if there is one.
        if (input.name === 'help') print(consoleHelp(registry));
        if (command) {
          await run(() =>
            command.execute(
              { ...CONSOLE_REQUEST, ...parseCommandArgs(command.data.toJSON(), input.args) },
              ctx,
            ),
          );
        } else if (input.name !== 'help') print(`Unknown command /${input.name}. Type /help.`);
        return true;
      }
    }
  }

  rl.on('SIGINT', () => rl.close());
  rl.setPrompt('> ');
  print(`Local console for “${ctx.knowledge.story.article.title}”. Type /help for commands, /quit to leave.`);
  rl.prompt();
  for await (const line of rl) {
    if (!(await handle(line))) break;
    print('');
    rl.prompt();
  }
  rl.close();
}
