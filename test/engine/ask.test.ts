import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import type { Entry } from '../../src/engine/types.js';
import { loadEvalSet } from '../../src/eval/questions.js';
import { loadStory } from '../../src/knowledge/load.js';

const story = loadStory();
const setup = () => createEngine(story);
const paragraphsOf = (a: { citations: { kind: string; paragraph?: number }[] }) =>
  a.citations.map((c) => (c.kind === 'article' ? c.paragraph : null));

describe('When a question is answered', () => {
  const engine = setup();

  it('gives a short answer with the paragraph and its verbatim quote', () => {
    const a = engine.ask('Who is Han Dong?');
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/Han Dong/);
    expect(a.citations.length).toBeGreaterThan(0);
    for (const c of a.citations) {
      if (c.kind === 'article') expect(story.article.paragraphs[c.paragraph - 1]?.text).toContain(c.quote);
    }
    expect(a.confidence).toBeGreaterThan(0.5);
  });

  it('tolerates typos in names and words', () => {
    expect(paragraphsOf(engine.ask('when were kovrig and spavour relased'))).toContain(12);
    expect(paragraphsOf(engine.ask('what did melanie jolly say'))).toContain(11);
    expect(engine.ask('what is the rapoteur for').answer).toMatch(/rapporteur/i);
  });

  it('reads accents, case and markdown as the plain words', () => {
    const plain = engine.ask('what did melanie joly say');
    expect(engine.ask('What did **Mélanie JOLY** say?').id).toBe(plain.id);
  });

  it('answers "what party…" with an entry that names the party rather than says the word', () => {
    expect(engine.ask('what party is han dong from').id).toBe('who-is-han-dong');
  });

  it('reads initials written with dots as the name ("the n.d.p.")', () => {
    expect(engine.ask('who is the n.d.p.').id).toBe(engine.ask('who is the ndp').id);
  });

  it('knows the names people use for the same party or person', () => {
    for (const q of ['who presented the motion', 'did the npd present the motion']) {
      expect(paragraphsOf(engine.ask(q))).toContain(2);
    }
    expect(engine.ask('what is the NDP').answer).toMatch(/New Democratic Party/);
  });
});

describe('When the article does not answer the question', () => {
  const engine = setup();

  it.each([
    'good morning',
    'play some music',
    'who won the hockey game',
    'FREE NITRO http://discord-gift.example/abc',
    // One plain word the story happens to use, asked for nothing in particular.
    'tell me a sentence',
  ])('declines chatter: %s', (q) => {
    const a = engine.ask(q);
    expect(a).toMatchObject({ answered: false, id: null, citations: [] });
    expect(a.answer).toMatch(/doesn't answer/);
  });

  it.each([
    'when will the inquiry start',
    "what is han dong's riding",
    'how much will the inquiry cost',
    'what did the rapporteur conclude',
  ])('declines story questions it cannot answer rather than pass off a related fact: %s', (q) => {
    expect(engine.ask(q).answered).toBe(false);
  });

  it('reads "how many hours…" as asking how long, so "how many MPs…" is not answered with a time', () => {
    expect(engine.ask('how many MPs backed the motion')).toMatchObject({ answered: false, id: null });
    expect(engine.ask('how many hours before the vote did han dong leave').id).toBe('when-han-dong-left');
  });

  it('says what the article does cover', () => {
    expect(engine.ask('play some music').answer).toContain(story.article.summary);
  });
});

describe('When two entries fit', () => {
  it('answers with one and offers the other as a suggestion', () => {
    const a = setup().ask('who is han dong and why did he leave the liberals');
    expect(a.answered).toBe(true);
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.suggestions).not.toContain(setup().entry(a.id ?? '')?.title);
  });
});

describe('When a message holds more than one question', () => {
  const engine = setup();

  it('answers the part the article answers when it leaves the other part open', () => {
    const a = engine.ask('how many MPs backed the motion? which party tabled the motion?');
    expect(a.id).toBe('who-presented-motion');
  });

  it('still asks a part in plain words that asks who, what or when ("who presented it?")', () => {
    expect(engine.ask('how many votes did the motion get? who presented it?').id).toBe(
      'who-presented-motion',
    );
  });

  it('leaves the gap to explain itself when no other part would be answered', () => {
    const a = engine.ask('how many MPs backed the motion? is that true?');
    expect(a).toMatchObject({ answered: false, id: null });
    expect(a.answer).toMatch(/vote count/);
  });
});

describe('When the base grows far past the story', () => {
  // Everyday words ("capital", "weather", "help") in many facts, none about the story.
  const words = ['capital', 'weather', 'help', 'city', 'team', 'report', 'minister', 'vote', 'school'];
  const others: Entry[] = Array.from({ length: 2000 }, (_, i) => {
    const text = `Person ${i} spoke about the ${words[i % words.length]} and the ${words[(i * 7) % words.length]} in ${1990 + (i % 30)}.`;
    return {
      id: `other-${i}`,
      kind: 'fact',
      origin: 'moderator',
      title: text,
      answer: text,
      phrasings: [`what did person ${i} say about the ${words[i % words.length]}`],
      citations: [{ kind: 'external', url: 'https://example.org/', title: 'Example', quote: 'spoke' }],
      related: [],
      entities: [],
    };
  });
  // Questions about the story; chatter like "what's 2+2" may well find "Person 2" now.
  const questions = loadEvalSet('tuning')
    .filter((q) => q.kind !== 'offtopic')
    .map((q) => q.q);

  const answers = (engine: ReturnType<typeof setup>) =>
    questions.map((q) => {
      const a = engine.ask(q);
      return [a.id, a.confidence];
    });

  it("answers the story's questions exactly as before, with the same confidence", () => {
    expect(answers(createEngine(story, others))).toEqual(answers(setup()));
  });

  it('keeps doing so when the facts arrive one by one, and after a curated entry is retired and restored', () => {
    const grown = setup();
    for (const entry of others) grown.upsert(entry);
    const entry = grown.entry('who-is-joly');
    grown.retire('who-is-joly');
    if (entry) grown.upsert(entry);
    expect(answers(grown)).toEqual(answers(setup()));
  });
});

describe('When a moderator changes an entry', () => {
  const fact: Entry = {
    id: 'mod-rapporteur-named',
    kind: 'fact',
    origin: 'moderator',
    title: 'The special rapporteur is David Johnston, a former governor general.',
    answer: 'The special rapporteur is David Johnston, a former governor general.',
    phrasings: ['who is the special rapporteur', 'what is the rapporteur called'],
    citations: [
      { kind: 'external', url: 'https://example.org/news', title: 'Example News', quote: 'David Johnston' },
    ],
    related: [],
    entities: [],
  };

  it('answers from the new entry at once, and stops when it is retired', () => {
    const engine = setup();
    engine.upsert(fact);
    expect(engine.ask('who is the special rapporteur').id).toBe(fact.id);
    engine.retire(fact.id);
    expect(engine.ask('who is the special rapporteur').id).not.toBe(fact.id);
  });

  it('understands a misspelling of the new words even if it was asked, unknown, before the change', () => {
    const engine = setup();
    expect(engine.ask('who is johnstn').answered).toBe(false);
    engine.upsert({ ...fact, phrasings: ['who is david johnston'] });
    expect(engine.ask('who is johnstn').id).toBe(fact.id);
  });

  it('answers a one-word question when an entry is asked by that very word', () => {
    const engine = setup();
    expect(engine.ask('rules').answered).toBe(false);
    engine.upsert({
      ...fact,
      id: 'mod-rules',
      kind: 'qa',
      title: 'What are the rules here?',
      answer: 'Be kind, and cite your sources.',
      phrasings: ['rules'],
    });
    expect(engine.ask('rules').id).toBe('mod-rules');
  });

  it('leaves other engines built from the same story untouched', () => {
    const mine = setup();
    const theirs = setup();
    mine.upsert(fact);
    expect(theirs.entry(fact.id)).toBeUndefined();
  });
});

describe('Autocomplete', () => {
  it('offers curated questions matching what was typed, at most the limit', () => {
    const engine = setup();
    expect(engine.suggest('', 25)).toHaveLength(25);
    const hits = engine.suggest('han do', 5);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(5);
    expect(hits.join(' ')).toMatch(/Han Dong/);
  });
});

describe('When a question follows an earlier answer', () => {
  const engine = setup();

  it('reads "he" as the person the earlier answer was about', () => {
    expect(engine.ask('does he deny it', { follows: 'who-is-han-dong' }).answer).toMatch(/den/i);
    expect(paragraphsOf(engine.ask('does he deny it', { follows: 'who-is-han-dong' }))).toContain(3);
    expect(engine.ask('what did she say', { follows: 'who-is-joly' }).id).toBe(
      engine.ask('what did melanie joly say').id,
    );
  });

  it('reads "hes", typed without the apostrophe, as "he" too', () => {
    expect(engine.ask('hes left the caucus why', { follows: 'who-is-han-dong' }).id).toBe(
      engine.ask("he's left the caucus why", { follows: 'who-is-han-dong' }).id,
    );
    expect(engine.ask('hes left the caucus why', { follows: 'who-is-han-dong' }).answered).toBe(true);
  });

  it('lets a name in the question win over the earlier subject', () => {
    const named = engine.ask('when were kovrig and spavor released');
    expect(engine.ask('when were kovrig and spavor released', { follows: 'who-is-han-dong' }).id).toBe(
      named.id,
    );
  });

  it('ignores an earlier answer when the question has no pronoun, or the entry is gone', () => {
    expect(engine.ask('play some music', { follows: 'who-is-han-dong' }).answered).toBe(false);
    expect(engine.ask('does he deny it', { follows: 'no-such-entry' })).toMatchObject({
      question: 'does he deny it',
    });
  });
});
