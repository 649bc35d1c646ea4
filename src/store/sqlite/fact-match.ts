import { createHash } from 'node:crypto';
import { normaliseName } from '../../text/normalise.js';

/**
 * When two quotes of one story by one speaker are one fact: the shorter content's distinct words are at least
 * this share of the longer's words...
 */
export const QUOTE_SHARED_WORDS = 0.8;
/** ...and the shorter has at least this share of the longer's word count (a two-word fragment is not a long quote). */
export const QUOTE_LENGTH_RATIO = 0.5;
/** Two full event dates this many days apart or less are close (a coarser date takes any date inside it). */
export const EVENT_DATE_DAYS = 2;

/** A quote's content as words: case, accents, punctuation and quote marks dropped. */
export function contentWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Whether two quote contents (as {@link contentWords}) say nearly the same: the same words in the same order,
 * or the shorter's distinct words nearly all in the longer one ({@link QUOTE_SHARED_WORDS}) and the shorter not
 * much shorter ({@link QUOTE_LENGTH_RATIO}), which lets a typo, a changed quote mark or a clause cut at the end through.
 */
export function nearlySameContent(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return a.length === b.length;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < long.length * QUOTE_LENGTH_RATIO) return false;
  const longWords = new Set(long);
  const shortWords = new Set(short);
  let shared = 0;
  for (const w of shortWords) if (longWords.has(w)) shared++;
  return shared >= shortWords.size * QUOTE_SHARED_WORDS;
}

/** Who a quote is by, for matching: the global entity, else the speaker's words normalised, else nobody named. */
export function speakerKey(entity: number | null, text: string | null): string {
  if (entity !== null) return `e:${entity}`;
  const name = text ? normaliseName(text) : '';
  return name === '' ? '-' : `t:${name}`;
}

/** One side of an event for matching: its actors' global entities (else their codes), sorted. */
export function sideKey(actors: ReadonlyArray<{ readonly entity: number | null; readonly code: string }>): string {
  return [...new Set(actors.map((a) => (a.entity !== null ? `e${a.entity}` : `c${a.code}`)))].sort().join(',');
}

/** Days since 1970 of a `YYYY-MM-DD` date, or null for a coarser or other value. */
function dayOf(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date.slice(0, 10));
  return m && date.length >= 10 ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : null;
}

/**
 * Whether two event dates may be the same day: either unknown, one inside the other (`2025-03` and
 * `2025-03-03`), or full dates at most {@link EVENT_DATE_DAYS} apart.
 */
export function datesClose(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a.startsWith(b) || b.startsWith(a)) return true;
  const [da, db] = [dayOf(a), dayOf(b)];
  return da !== null && db !== null && Math.abs(da - db) <= EVENT_DATE_DAYS;
}

/**
 * The key of a claim across stories: facts of different stories with the same key report the same thing
 * (the same speaker and words, or the same event on the same day), and count as independent sources of it.
 */
export function claimKey(...parts: ReadonlyArray<string | null>): string {
  return createHash('sha1').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex').slice(0, 16);
}
