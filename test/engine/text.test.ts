import { describe, expect, it } from 'vitest';
import { words } from '../../src/engine/text.js';

const read = (text: string) => words(text).join(' ');

describe('Reading chat text into words', () => {
  it('opens contractions typed without the apostrophe', () => {
    expect(read('theyre sure hes gone, im not')).toBe('they are sure he is gone i am not');
  });

  it('reads initials with dots as one word', () => {
    expect(read('the n.d.p. and c.s.i.s.')).toBe('the ndp and csis');
  });

  it('squeezes drawn-out letters to a known word, or to two letters when one would not be a word', () => {
    expect(read('sooo whyyy were they freeeed')).toBe('so why were they freed');
  });

  it('drops chatter that names nothing: greetings, "keep talking about", "y/n"', () => {
    expect(read('good morning! people keep talking about the motion, passed y/n')).toBe(
      'people the motion passed',
    );
  });

  it('keeps "keep" when something is kept', () => {
    expect(read('did they keep anything secret')).toBe('did they keep anything secret');
  });
});
