import type { AutocompleteInteraction, BaseInteraction, Interaction } from 'discord.js';
import { type BotContext, type CommandRegistry, type Reply, UserFacingError } from '../bot/types.js';
import { autocompleteRequest, commandRequest, componentRequest } from './requests.js';
import { type AnswerableInteraction, defer, respond, respondChoices } from './respond.js';

export const SOMETHING_WENT_WRONG = 'Something went wrong while answering. Please try again in a moment.';
export const UNKNOWN_COMMAND = 'I do not know that command. Try /help.';
export const STALE_BUTTON = 'This button no longer works. Ask again to get fresh ones.';

/** Discord drops interactions not acknowledged within 3 s; slower handlers are deferred after this. */
export const DEFER_AFTER_MS = 2000;

const SLOW = Symbol('slow');

/** Where a failure happened, for the log: never the token, never the question's text. */
function describe(interaction: BaseInteraction) {
  return {
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() ? interaction.customId : undefined,
    userId: interaction.user.id,
    guildId: interaction.guildId,
  };
}

function execute(interaction: AnswerableInteraction, registry: CommandRegistry, ctx: BotContext) {
  if (interaction.isChatInputCommand()) {
    const command = registry.findCommand(interaction.commandName);
    if (!command) throw new UserFacingError(UNKNOWN_COMMAND);
    return command.execute(commandRequest(interaction), ctx);
  }
  const found = registry.findComponentHandler(interaction.customId);
  if (!found) throw new UserFacingError(STALE_BUTTON);
  return found.handler.execute(componentRequest(interaction, found.args), ctx);
}

/** The reply, deferring the interaction first if the handler is still working after `deferAfterMs`. */
async function settle(
  interaction: AnswerableInteraction,
  result: Reply | Promise<Reply>,
  deferAfterMs: number,
): Promise<Reply> {
  if (!(result instanceof Promise)) return result;
  // Marked handled now: if deferring fails first, a later rejection must not crash the process.
  result.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<typeof SLOW>((resolve) => {
    timer = setTimeout(() => resolve(SLOW), deferAfterMs);
  });
  try {
    const first = await Promise.race([result, slow]);
    if (first !== SLOW) return first;
  } finally {
    clearTimeout(timer);
  }
  await defer(interaction);
  return result;
}

/**
 * Routes every interaction to its command. The single try/catch of the bot: a UserFacingError is
 * shown to its user as it is; anything else is logged and answered with a short apology, and the
 * next interaction is served as if nothing happened.
 */
export function createInteractionHandler(
  ctx: BotContext,
  registry: CommandRegistry,
  deferAfterMs = DEFER_AFTER_MS,
): (interaction: Interaction) => Promise<void> {
  async function fail(interaction: AnswerableInteraction, error: unknown): Promise<void> {
    const userFacing = error instanceof UserFacingError;
    if (!userFacing) ctx.logger.error({ err: error, ...describe(interaction) }, 'interaction failed');
    try {
      await respond(interaction, {
        content: userFacing ? error.message : SOMETHING_WENT_WRONG,
        ephemeral: true,
      });
    } catch (sendError) {
      // Typically the interaction expired (Discord error 10062); nobody is left to tell.
      ctx.logger.warn(
        { err: sendError, ...describe(interaction) },
        'could not report the failure to the user',
      );
    }
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    try {
      const command = registry.findCommand(interaction.commandName);
      const choices = command?.autocomplete?.(autocompleteRequest(interaction), ctx) ?? [];
      await respondChoices(interaction, choices);
    } catch (error) {
      ctx.logger.error({ err: error, ...describe(interaction) }, 'autocomplete failed');
      if (!interaction.responded) await respondChoices(interaction, []).catch(() => {});
    }
  }

  return async (interaction) => {
    if (interaction.isAutocomplete()) return autocomplete(interaction);
    if (!interaction.isChatInputCommand() && !interaction.isMessageComponent()) return;
    const started = performance.now();
    try {
      const reply = await settle(interaction, execute(interaction, registry, ctx), deferAfterMs);
      await respond(interaction, reply);
      ctx.logger.debug(
        { ...describe(interaction), ms: Math.round(performance.now() - started) },
        'interaction answered',
      );
    } catch (error) {
      await fail(interaction, error);
    }
  };
}
