import { MONTHS, NUMBER_WORDS, UNITS, UNIT_PLURALS, VAGUE_QUANTITIES, WEEKDAYS, WORD_QUANTITIES } from './locale/en.js';

// Note: the patterns are built from the word lists, so a new word needs no new regular expression.
const alternatives = (words: Iterable<string>): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/ /gu, '\\s+')).join('|');

const capitalised = (w: string): string => w.replace(/^./u, (c) => c.toUpperCase());
/** A month name, or an abbreviation with an optional dot (a full name's "April." ends its sentence). */
export const MONTH = `(?:${alternatives(Object.keys(MONTHS).filter((m) => m.length > 4 || m === 'may' || m === 'june' || m === 'july').map(capitalised))}|(?:${alternatives(Object.keys(MONTHS).filter((m) => m.length <= 4 && !['may', 'june', 'july'].includes(m)).map(capitalised))})\\.?)`;
/** A weekday. */
export const WEEKDAY = `(?:${alternatives(Object.keys(WEEKDAYS).filter((w) => w.length > 4).map((w) => w.replace(/^./u, (c) => c.toUpperCase())))})`;
/** A day of the month. */
export const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
/** A plausible year in news: 1000-2199. */
export const YEAR = '(?:1\\d{3}|20\\d{2}|21\\d{2})';
const NUMBER_WORD = alternatives(Object.keys(NUMBER_WORDS).filter((w) => w !== 'a' && w !== 'an'));
/** A quantity: digits, number words (`twenty four`, `twenty-four`), `a`/`an`, or a vague quantity. */
export const QUANTITY = `(?:\\d+\\s+1/2|\\d+(?:\\.\\d+)?|an?\\s+(?:hundred|dozen|thousand)|(?:${NUMBER_WORD})(?:[-\\s](?:${NUMBER_WORD}))?|${alternatives(VAGUE_QUANTITIES)}|an?)`;
/** A time unit, singular or plural. */
export const UNIT = `(?:${alternatives([...Object.keys(UNITS).map((u) => `${u}s`), ...Object.keys(UNITS), ...Object.keys(UNIT_PLURALS)])})`;

/** Wraps a pattern source with word edges and makes it global, case-insensitive and Unicode-aware. */
export function wordPattern(source: string, caseSensitive = false): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
}

/** The value of a quantity, or null for a vague one. */
export function quantityValue(raw: string): number | null {
  const words = raw.toLowerCase().replace(/\s+/gu, ' ').trim();
  if (words in WORD_QUANTITIES) return WORD_QUANTITIES[words]!;
  const q = words.replace(/^an? (?=\S)/u, '').replace(/ of$/u, '');
  if (/^\d+(?:\.\d+)?$/u.test(q)) return Number(q);
  if (/^\d+ 1\/2$/u.test(q)) return Number(q.split(' ')[0]) + 0.5;
  const parts = q.split(/[- ]/u);
  if (parts.every((p) => p in NUMBER_WORDS)) return parts.reduce((sum, p) => (NUMBER_WORDS[p]! >= 100 ? Math.max(sum, 1) * NUMBER_WORDS[p]! : sum + NUMBER_WORDS[p]!), 0);
  return null;
}

/** A unit's canonical singular form. */
export function unitOf(raw: string): string {
  const u = raw.toLowerCase();
  return UNIT_PLURALS[u] ?? (u in UNITS ? u : u.replace(/s$/u, ''));
}

const HALVES: Readonly<Record<string, string>> = { Y: '6M', M: '15D', D: 'T12H', HT: '30M', MT: '30S' };

/** The TIMEX3 duration for a quantity of a unit: `P3Y`, `PT48H`, `PXM`. */
export function durationValue(quantity: number | null, unitName: string): string {
  const unit = UNITS[unitOf(unitName)]!;
  const amount = quantity === null ? null : +(quantity * unit.factor).toFixed(2);
  const half = amount !== null && amount % 1 === 0.5 ? HALVES[unit.unit + (unit.time ? 'T' : '')] : undefined;
  // Note: TIMEX3 writes a half in the next smaller unit: 5 1/2 hours is PT5H30M, 2 1/2 years P2Y6M.
  if (half && amount !== null) return `P${unit.time ? 'T' : ''}${Math.floor(amount)}${unit.unit}${half}`;
  return `P${unit.time ? 'T' : ''}${amount === null ? 'X' : String(amount)}${unit.unit}`;
}

/** Approximators that belong to a duration's span, with the TIMEX3 modifier each gives. */
export const APPROXIMATOR = '(nearly|almost|about|around|roughly|approximately|some|more\\s+than|less\\s+than|at\\s+least|at\\s+most|up\\s+to|no\\s+more\\s+than)';

/** The TIMEX3 modifier of an approximator. */
export function approximatorMod(word: string | undefined): 'APPROX' | 'MORE_THAN' | 'LESS_THAN' | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/\s+/gu, ' ');
  if (w === 'more than' || w === 'at least' || w === 'over') return 'MORE_THAN';
  if (w === 'less than' || w === 'at most' || w === 'up to' || w === 'no more than' || w === 'under' || w === 'within') return 'LESS_THAN';
  return 'APPROX';
}

// Note: anchors are run on the lower-cased text by `scanMatches`, one recogniser at a time, so recognisers may share one.
/** The anchor of a month name or abbreviation: its first three letters. */
export const MONTH_ANCHOR: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** The anchor of a year ({@link YEAR}). */
export const YEAR_ANCHOR = /[12]\d{3}/g;
/** The anchor of a time unit ({@link UNIT}). */
export const UNIT_ANCHOR: readonly string[] = ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'season', 'year', 'decade', 'centur'];
