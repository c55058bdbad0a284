import type { Entry } from '../../src/engine/types.js';
import { MONTHS } from '../../src/knowledge/dates.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same knowledge base everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, pool: readonly T[]): T => pool[Math.floor(rand() * pool.length)] as T;

const FIRST = [
  'Aldric',
  'Berenice',
  'Casimir',
  'Delphine',
  'Evander',
  'Fenella',
  'Gideon',
  'Honora',
  'Ignatius',
  'Juniper',
  'Kestrel',
  'Lucasta',
  'Mordecai',
  'Nerissa',
  'Octavian',
  'Perpetua',
  'Quillon',
  'Rosamund',
  'Silvanus',
  'Tamsin',
  'Ulrich',
  'Verity',
  'Wystan',
  'Xanthe',
  'Yorick',
  'Zenobia',
  'Anselm',
  'Briony',
  'Corentin',
  'Dervla',
];
const LAST = [
  'Ashgrove',
  'Blackthorn',
  'Castellane',
  'Dunmore',
  'Everleigh',
  'Fairweather',
  'Greyhaven',
  'Holloway',
  'Ivesdale',
  'Jessamine',
  'Kilbride',
  'Larkspur',
  'Merriweather',
  'Northcott',
  'Oakhurst',
  'Penhaligon',
  'Quennell',
  'Ravenscroft',
  'Starling',
  'Thistlewood',
  'Underhill',
  'Vantongeren',
  'Winterbourne',
  'Yarrowby',
  'Zellweger',
  'Ambleside',
  'Brackenridge',
  'Coldwater',
  'Drummond',
  'Elsworth',
];
const ORGS = [
  'the Meridian Trust',
  'Corvane Logistics',
  'the Halvard Institute',
  'Pellucid Energy',
  'the Ostrava Fund',
  'Tessaline Mining',
  'the Northgate Council',
  'Brightwater Capital',
  'the Kaldera Foundation',
  'Vireo Telecom',
  'the Sablewood Commission',
  'Aurelian Shipping',
  'the Lindqvist Group',
  'Quarrystone Holdings',
  'the Tamberlane Society',
  'Ironbark Analytics',
  'the Cobalt Harbour Authority',
  'Marrowgate Pharmaceuticals',
];
const PLACES = [
  'Velmora',
  'Port Aster',
  'Kingsreach',
  'Duskwater',
  'Harrowfield',
  'Lindenmoor',
  'Saltmarsh Bay',
  'Eldergrove',
  'Craghollow',
  'Brindleton',
  'Westmere',
  'Fallowdene',
  'Rookhaven',
  'Thornbury Cross',
  'Ashcombe',
  'Glenvarra',
];
const TOPICS = [
  'fisheries quotas',
  'housing policy',
  'rail freight',
  'water rights',
  'a pension reform',
  'coastal erosion',
  'a tariff dispute',
  'rural broadband',
  'a pipeline route',
  'forestry permits',
  'a hospital merger',
  'election security',
  'a trade agreement',
  'public transit funding',
  'a mining licence',
  'wildfire response',
  'a tax audit',
  'foreign investment rules',
  'a data breach',
  'a bridge contract',
];
/** [past, base] so the same verb can make the statement and its question. */
const VERBS: readonly (readonly [string, string])[] = [
  ['signed', 'sign'],
  ['announced', 'announce'],
  ['criticised', 'criticise'],
  ['negotiated', 'negotiate'],
  ['investigated', 'investigate'],
  ['approved', 'approve'],
  ['rejected', 'reject'],
  ['presented', 'present'],
  ['audited', 'audit'],
  ['defended', 'defend'],
];
const OBJECTS: readonly ((org: string, topic: string) => string)[] = [
  (org, topic) => `a report by ${org} on ${topic}`,
  (org) => `a contract with ${org}`,
  (org, topic) => `talks with ${org} about ${topic}`,
  (_org, topic) => `a proposal on ${topic}`,
  (org) => `the annual budget of ${org}`,
];

export interface FactOptions {
  /** Id prefix: `synth` for the knowledge base, something else for live updates. */
  prefix?: string;
  /** Person names from these pools instead of the defaults (live updates use fresh ones). */
  first?: readonly string[];
  last?: readonly string[];
  /** Always give both phrasings (else one or two at random). */
  phrasings?: 1 | 2;
}

/**
 * `count` invented facts, "<Person> <verb> <object> in <place> on <date>.", each with one or two
 * ways of asking for it and a placeholder citation. Deterministic for a seed.
 */
export function generateFacts(count: number, seed: number, options: FactOptions = {}): Entry[] {
  const rand = mulberry32(seed);
  const prefix = options.prefix ?? 'synth';
  const first = options.first ?? FIRST;
  const last = options.last ?? LAST;
  const facts: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const person = `${pick(rand, first)} ${pick(rand, last)}`;
    const [past, base] = pick(rand, VERBS);
    const object = pick(rand, OBJECTS)(pick(rand, ORGS), pick(rand, TOPICS));
    const place = pick(rand, PLACES);
    const year = 1990 + Math.floor(rand() * 35);
    const month = Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const when = `${day} ${MONTHS[month]} ${year}`;
    const statement = `${person} ${past} ${object} in ${place} on ${when}.`;
    const phrasings = [`Who ${past} ${object} in ${place}?`];
    if (rand() < 0.5 || options.phrasings === 2) phrasings.push(`When did ${person} ${base} ${object}?`);
    facts.push({
      id: `${prefix}-${i}`,
      kind: 'fact',
      origin: 'curated',
      title: statement,
      answer: statement,
      phrasings,
      citations: [{ kind: 'article', paragraph: 1, quote: 'x' }],
      related: [],
      date: `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      entities: [],
    });
  }
  return facts;
}

/** Name pools no generated knowledge-base fact uses: live updates are about someone new. */
export const FRESH_FIRST = ['Isolde', 'Thaddeus', 'Marisol', 'Leopold', 'Ottoline', 'Barnaby', 'Cordelia'];
export const FRESH_LAST = [
  'Quarrington',
  'Villeneuve',
  'Abernethy',
  'Pemberton',
  'Halloran',
  'Strathmore',
  'Wexley',
];
