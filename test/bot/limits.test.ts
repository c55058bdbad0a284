import type { APIEmbed } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLANK, clip, embedLength, fitEmbed, fitReply, LIMITS, truncate } from '../../src/bot/limits.js';

const endsInHalfEmoji = (text: string) => /[\uD800-\uDBFF]$/.test(text.replace(/…$/, ''));

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('Who is Han Dong?', 16)).toBe('Who is Han Dong?');
  });

  it('cuts at the last word boundary and adds an ellipsis', () => {
    expect(truncate('The motion is not binding at all', 20)).toBe('The motion is not…');
  });

  it('cuts a single long word where it must', () => {
    expect(truncate('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never leaves half an emoji', () => {
    expect(truncate('🇨🇦🇨🇦🇨🇦', 4)).toBe('🇨…');
    expect(endsInHalfEmoji(truncate('a😀😀', 3))).toBe(false);
  });

  it('always fits, and keeps a prefix of the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.integer({ min: 1, max: 300 }),
        (text, max) => {
          const cut = truncate(text, max);
          expect(cut.length).toBeLessThanOrEqual(max);
          if (text.length <= max) expect(cut).toBe(text);
          else {
            expect(cut.endsWith('…')).toBe(true);
            expect(text.startsWith(cut.slice(0, -1))).toBe(true);
            expect(endsInHalfEmoji(cut)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('clip', () => {
  it('cuts hard, without an ellipsis, but not inside an emoji', () => {
    expect(clip('abcdef', 3)).toBe('abc');
    expect(clip('ab😀', 3)).toBe('ab');
  });
});

describe('fitEmbed', () => {
  const huge = (n: number) => 'word '.repeat(n);

  it('cuts each text to its own limit', () => {
    const fitted = fitEmbed({
      title: huge(100),
      description: huge(1000),
      footer: { text: huge(500) },
      fields: [{ name: huge(100), value: huge(300) }],
    });
    expect(fitted.title?.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(fitted.title?.endsWith('…')).toBe(true);
    expect(fitted.footer?.text.length).toBeLessThanOrEqual(LIMITS.footerText);
    expect(fitted.fields?.[0]?.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
    expect(embedLength(fitted)).toBeLessThanOrEqual(LIMITS.embedTotal);
  });

  it('keeps the 6,000 total by shortening the description first', () => {
    const fields = Array.from({ length: 3 }, (_, i) => ({ name: `F${i}`, value: 'v'.repeat(1000) }));
    const fitted = fitEmbed({ title: 'T', description: huge(1000), fields });
    expect(embedLength(fitted)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(fitted.description?.length).toBeGreaterThan(LIMITS.embedTotal - 3000 - 20);
    expect(fitted.description?.endsWith('…')).toBe(true);
    expect(fitted.fields?.map((f) => f.value.length)).toEqual([1000, 1000, 1000]);
  });

  it('drops fields beyond 25 and fills empty names and values', () => {
    const fields = Array.from({ length: 30 }, () => ({ name: '', value: ' ' }));
    const fitted = fitEmbed({ fields });
    expect(fitted.fields).toHaveLength(LIMITS.fieldsPerEmbed);
    expect(fitted.fields?.[0]).toEqual({ name: BLANK, value: BLANK });
  });

  it('brings any embed within every limit', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 7000 });
    const embed = fc.record(
      {
        title: text,
        description: text,
        footer: fc.record({ text }),
        author: fc.record({ name: text }),
        fields: fc.array(fc.record({ name: text, value: text }), { maxLength: 30 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(embed, (e: APIEmbed) => {
        const fitted = fitEmbed(e);
        expect(embedLength(fitted)).toBeLessThanOrEqual(LIMITS.embedTotal);
        expect(fitted.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
        expect(fitted.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
        expect(fitted.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footerText);
        expect(fitted.author?.name.length ?? 0).toBeLessThanOrEqual(LIMITS.authorName);
        expect(fitted.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fieldsPerEmbed);
        for (const f of fitted.fields ?? []) {
          expect(f.name.trim()).not.toBe('');
          expect(f.value.trim()).not.toBe('');
          expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
          expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('fitReply', () => {
  it('cuts content to 2,000 characters and keeps the embeds of one message within 6,000 together', () => {
    const embed = { description: 'd'.repeat(4000) };
    const fitted = fitReply({ content: 'c'.repeat(3000), embeds: [embed, embed, embed] });
    expect(fitted.content?.length).toBe(LIMITS.content);
    expect(fitted.embeds).toHaveLength(1);
  });
});
