import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Reply } from './types.js';

/**
 * Discord's size limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 * Lengths are measured in UTF-16 units, which is never less than Discord's own count, so a
 * text that fits here fits there.
 */
export const LIMITS = Object.freeze({
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  embedsPerMessage: 10,
  fieldsPerEmbed: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  customId: 100,
});

/** Discord rejects empty field names and values; this shows as nothing. */
export const BLANK = '\u200b';

/** The first `max` UTF-16 units of `text`, never splitting a surrogate pair (an emoji). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  // A high surrogate at the end would be half a character.
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** `text` in at most `max` units, cut at a word boundary when one is near, ending in "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let cut = clip(text, max - 1);
  const atBoundary = /\s/.test(text.charAt(cut.length));
  const lastSpace = cut.search(/\s\S*$/);
  // Back off to the last space only when that keeps most of the text: one long word is cut where it is.
  if (!atBoundary && lastSpace >= cut.length * 0.6) cut = cut.slice(0, lastSpace);
  return `${cut.trimEnd()}…`;
}

/** What Discord counts towards the 6,000-character total of one embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/**
 * A copy of `embed` that Discord accepts: every text within its limit, at most 25 fields, and
 * the whole within 6,000. When over the total, the description gives way first, then the last
 * fields, then the footer, author and title.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncate(fitted.title, LIMITS.embedTitle);
  if (fitted.description !== undefined)
    fitted.description = truncate(fitted.description, LIMITS.embedDescription);
  if (fitted.footer)
    fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, LIMITS.footerText) };
  if (fitted.author)
    fitted.author = { ...fitted.author, name: truncate(fitted.author.name, LIMITS.authorName) };
  if (fitted.fields) fitted.fields = fitted.fields.slice(0, LIMITS.fieldsPerEmbed).map(fitField);

  const over = () => embedLength(fitted) - LIMITS.embedTotal;
  if (over() > 0 && fitted.description)
    fitted.description = shrink(fitted.description, over(), LIMITS.embedDescription);
  while (over() > 0 && fitted.fields && fitted.fields.length > 0) {
    const fields = fitted.fields.slice();
    const last = fields.pop() as APIEmbedField;
    const value = shrink(last.value, over(), LIMITS.fieldValue);
    // A field cut to a stub says nothing; drop it instead.
    if (value.length >= 20) fields.push({ ...last, value });
    fitted.fields = fields;
  }
  if (over() > 0 && fitted.footer)
    fitted.footer = { ...fitted.footer, text: shrink(fitted.footer.text, over()) };
  if (over() > 0 && fitted.author)
    fitted.author = { ...fitted.author, name: shrink(fitted.author.name, over()) };
  if (over() > 0 && fitted.title) fitted.title = shrink(fitted.title, over());
  return fitted;
}

function fitField(field: APIEmbedField): APIEmbedField {
  return {
    ...field,
    name: orBlank(truncate(field.name, LIMITS.fieldName)),
    value: orBlank(truncate(field.value, LIMITS.fieldValue)),
  };
}

function orBlank(text: string): string {
  return text.trim() === '' ? BLANK : text;
}

/** `text` made `excess` units shorter (at least down to one character), capped at `max`. */
function shrink(text: string, excess: number, max = text.length): string {
  return truncate(text, Math.max(1, Math.min(max, text.length - excess)));
}

/**
 * A copy of `reply` within the message limits: content, ten embeds sharing one 6,000 total,
 * five rows of five buttons. Commands already stay inside them; this is the adapter's last guard.
 */
export function fitReply(reply: Reply): Reply {
  const fitted: Reply = { ...reply };
  if (fitted.content !== undefined) fitted.content = truncate(fitted.content, LIMITS.content);
  if (fitted.embeds) {
    let room = LIMITS.embedTotal;
    const embeds: APIEmbed[] = [];
    for (const embed of fitted.embeds.slice(0, LIMITS.embedsPerMessage).map(fitEmbed)) {
      room -= embedLength(embed);
      if (room < 0) break;
      embeds.push(embed);
    }
    fitted.embeds = embeds;
  }
  if (fitted.components)
    fitted.components = fitted.components
      .slice(0, LIMITS.rowsPerMessage)
      .map((row) => ({ ...row, components: row.components.slice(0, LIMITS.buttonsPerRow) }));
  return fitted;
}
