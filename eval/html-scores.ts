/**
 * Scores for the HTML reader: body text by word 4-gram shingles (as the article-extraction benchmark does),
 * and the page metadata fields against Readability's expected metadata.
 */
import type { ArticleMeta } from '../src/article/meta.js';

/** Precision and recall of one page's body text. */
export interface ShingleScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

// Note: the benchmark tokenises with Python's `\w+` (letters, digits, underscore) and keeps case.
const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

function shingles(text: string, n: number): Map<string, number> {
  const words = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, words.length - n + 1); i++) {
    const shingle = words.slice(i, i + n).join(' ');
    if (shingle !== '') counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/**
 * Word 4-gram shingle precision and recall of `system` against `gold`, counting repeated shingles (a
 * multiset match). An empty system text scores 0, so a refused page counts 0.
 */
export function shingleScore(system: string, gold: string, n = 4): ShingleScore {
  const sys = shingles(system, n);
  const ref = shingles(gold, n);
  let tp = 0;
  let sysTotal = 0;
  let refTotal = 0;
  for (const [k, c] of sys) {
    sysTotal += c;
    tp += Math.min(c, ref.get(k) ?? 0);
  }
  for (const c of ref.values()) refTotal += c;
  const precision = sysTotal === 0 ? 0 : tp / sysTotal;
  const recall = refTotal === 0 ? (sysTotal === 0 ? 1 : 0) : tp / refTotal;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Readability's expected metadata for a page (expected-metadata.json). */
export interface ExpectedMetadata {
  readonly title?: string | null;
  readonly byline?: string | null;
  readonly siteName?: string | null;
  readonly publishedTime?: string | null;
  readonly lang?: string | null;
}

/** The metadata fields scored, each named by its expected-metadata.json key. */
export const META_FIELDS = ['title', 'byline', 'siteName', 'publishedTime', 'lang'] as const;
/** One of {@link META_FIELDS}. */
export type MetaField = (typeof META_FIELDS)[number];

const norm = (s: string): string => s.normalize('NFKC').replace(/[\u2018\u2019]/gu, "'").replace(/[\u201C\u201D]/gu, '"').replace(/[\u2013\u2014]/gu, '-').replace(/\s+/gu, ' ').trim();
const bylineWords = (s: string): string =>
  norm(s).toLowerCase().replace(/^by\s+/u, '').replace(/[^\p{L}\p{N}\s'-]/gu, ' ').split(/\s+/u).filter((w) => w !== '' && w !== 'and' && w !== 'by').join(' ');

/**
 * Whether our meta has the expected value of one field. Titles and site names are compared after
 * normalising spaces, quotes and dashes; a byline matches when its words (less `By`, `and` and punctuation)
 * are the authors' words in order; a published time matches the same instant, or the same date when
 * either side has no time; a language by its primary subtag.
 */
export function metaFieldRight(field: MetaField, expected: string, meta: ArticleMeta): boolean {
  switch (field) {
    case 'title':
      return meta.headline !== null && norm(meta.headline) === norm(expected);
    case 'byline':
      return meta.authors.length > 0 && bylineWords(meta.authors.join(' and ')) === bylineWords(expected);
    case 'siteName':
      return meta.outlet !== null && norm(meta.outlet) === norm(expected);
    case 'publishedTime':
      return meta.published !== null && sameTime(meta.published, expected);
    case 'lang':
      return meta.language !== null && meta.language === expected.trim().toLowerCase().split(/[-_]/u)[0];
  }
}

function sameTime(ours: string, expected: string): boolean {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/u;
  if (dateOnly.test(ours) || dateOnly.test(expected) || !/[zZ]|[+-]\d{2}:?\d{2}$/u.test(expected)) return ours.slice(0, 10) === expected.trim().slice(0, 10);
  const a = Date.parse(ours);
  const b = Date.parse(expected);
  return !Number.isNaN(a) && !Number.isNaN(b) && Math.floor(a / 60000) === Math.floor(b / 60000);
}
