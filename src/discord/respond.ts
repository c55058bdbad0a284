import {
  type APIApplicationCommandOptionChoice,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Message,
  type MessageComponentInteraction,
  MessageFlags,
} from 'discord.js';
import { fitReply, LIMITS, truncate } from '../bot/limits.js';
import type { Reply } from '../bot/types.js';

/**
 * The one place that sends a Reply to Discord: it trims to Discord's limits, never pings anyone,
 * and picks reply / update / editReply / followUp from where the interaction stands.
 */

export type AnswerableInteraction = ChatInputCommandInteraction | MessageComponentInteraction;

const NO_PINGS = { parse: [] } as const;

/** How each interaction was deferred: a button's message (update) or a "thinking…" reply. */
const deferrals = new WeakMap<AnswerableInteraction, 'update' | 'reply'>();

function messageBody(reply: Reply, replacing: boolean) {
  const fitted = fitReply(reply);
  // Replacing a message (a button's update, an edit) must clear what the new reply does not set.
  return replacing
    ? {
        content: fitted.content ?? '',
        embeds: fitted.embeds ?? [],
        components: fitted.components ?? [],
        allowedMentions: NO_PINGS,
      }
    : {
        ...(fitted.content !== undefined ? { content: fitted.content } : {}),
        ...(fitted.embeds ? { embeds: fitted.embeds } : {}),
        ...(fitted.components ? { components: fitted.components } : {}),
        allowedMentions: NO_PINGS,
      };
}

function visibility(reply: Reply) {
  return reply.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
}

/** Acknowledges now and answers later, for work that may outlast Discord's 3-second window. */
export async function defer(interaction: AnswerableInteraction): Promise<void> {
  if (interaction.deferred || interaction.replied) return;
  if (interaction.isMessageComponent()) {
    await interaction.deferUpdate();
    deferrals.set(interaction, 'update');
  } else {
    await interaction.deferReply();
    deferrals.set(interaction, 'reply');
  }
}

export async function respond(interaction: AnswerableInteraction, reply: Reply): Promise<void> {
  const update = reply.update === true && interaction.isMessageComponent();
  if (!interaction.deferred && !interaction.replied) {
    if (update) await interaction.update(messageBody(reply, true));
    else await interaction.reply({ ...messageBody(reply, false), ...visibility(reply) });
    return;
  }
  const deferral = deferrals.get(interaction);
  if (interaction.deferred && !interaction.replied && deferral !== undefined) {
    if (deferral === 'update' && update) {
      await interaction.editReply(messageBody(reply, true));
      return;
    }
    if (deferral === 'reply' && !reply.ephemeral) {
      await interaction.editReply(messageBody(reply, true));
      return;
    }
    // A public "thinking…" cannot turn private: remove it and answer privately instead.
    if (deferral === 'reply') await interaction.deleteReply();
  }
  await interaction.followUp({ ...messageBody(reply, false), ...visibility(reply) });
}

/** Autocomplete answers: at most 25 choices, names and string values within 100 characters. */
export async function respondChoices(
  interaction: AutocompleteInteraction,
  choices: readonly APIApplicationCommandOptionChoice[],
): Promise<void> {
  await interaction.respond(
    choices.slice(0, LIMITS.choices).map((choice) => ({
      ...choice,
      name: truncate(choice.name, LIMITS.choiceName),
      ...(typeof choice.value === 'string' ? { value: truncate(choice.value, LIMITS.choiceValue) } : {}),
    })),
  );
}

/** Answers a message that asked the bot something, without pinging its author or anyone named in it. */
export async function replyToMessage(message: Message, reply: Reply): Promise<void> {
  await message.reply({ ...messageBody(reply, false), allowedMentions: { ...NO_PINGS, repliedUser: false } });
}
