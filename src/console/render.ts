import { type APIEmbed, ComponentType } from 'discord.js';
import type { Reply } from '../bot/types.js';

/** A button as the console offers it: pressable ones by number, links by their address. */
export interface ConsoleButton {
  label: string;
  customId: string;
}

export interface RenderedReply {
  text: string;
  /** The pressable buttons, in the order they were numbered. */
  buttons: ConsoleButton[];
}

/** Discord's bold markers and escapes (`\*`, `\_`) are noise in a terminal. */
function plain(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\\([\\*_~`|>#\-[\]().!])/g, '$1');
}

function embedText(embed: APIEmbed): string[] {
  const lines: string[] = [];
  if (embed.title) lines.push(`== ${plain(embed.title)} ==`);
  if (embed.description) lines.push(plain(embed.description));
  for (const field of embed.fields ?? []) {
    lines.push(
      `${plain(field.name)}:`,
      ...plain(field.value)
        .split('\n')
        .map((line) => `  ${line}`),
    );
  }
  if (embed.footer?.text) lines.push(`-- ${plain(embed.footer.text)}`);
  return lines;
}

/** A Reply as terminal text: content, each embed's title, description, fields and footer, then buttons. */
export function renderReply(reply: Reply): RenderedReply {
  const lines: string[] = [];
  if (reply.content) lines.push(plain(reply.content));
  for (const embed of reply.embeds ?? []) {
    if (lines.length > 0) lines.push('');
    lines.push(...embedText(embed));
  }
  const buttons: ConsoleButton[] = [];
  const buttonLines: string[] = [];
  for (const component of (reply.components ?? []).flatMap((row) => row.components)) {
    // SKU (purchase) buttons have no label and nothing to do here.
    if (component.type !== ComponentType.Button || !('label' in component || 'emoji' in component)) continue;
    const label = component.label ?? component.emoji?.name ?? 'button';
    if ('url' in component) buttonLines.push(`    ${label}: ${component.url}`);
    else if (!('custom_id' in component)) continue;
    else if (component.disabled) buttonLines.push(`[-] ${label}`);
    else {
      buttons.push({ label, customId: component.custom_id });
      buttonLines.push(`[${buttons.length}] ${label}`);
    }
  }
  if (buttonLines.length > 0) lines.push('', ...buttonLines);
  return { text: lines.join('\n'), buttons };
}
