import type { Configuration } from './transitions.js';

/**
 * The parser's features, as 32-bit keys. A feature is a template and up to three values (a word's hash, a tag's,
 * a relation's, a distance), mixed into one number: no string is made while parsing, and a key is looked up in
 * an integer hash table. Two features that mix to the same key share a weight, in training as at run time.
 */

/** A sentence as the features read it, position 0 being the root: the hash of each word (lower-cased, digits as 0) and of its tag. */
export interface ParserSentence {
  readonly words: Uint32Array;
  readonly tags: Uint32Array;
}

/** The most features one configuration has. */
export const MAX_FEATURES = 72;

const NONE = 0x9e3779b9;
const NO_RELATION = 0x7f4a7c15;
const ROOT_WORD = hashText('<root>');
const ROOT_TAG = hashText('ROOT');

/** FNV-1a over a string's UTF-16 code units. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The form a word is looked up by: lower-cased, every digit 0. */
export function parserWord(word: string): string {
  const lower = word.toLowerCase();
  return /\d/u.test(lower) ? lower.replace(/\d/gu, '0') : lower;
}

/** A sentence ready for the features: the root placed first. */
export function parserSentence(words: readonly string[], tags: readonly string[]): ParserSentence {
  const w = new Uint32Array(words.length + 1);
  const t = new Uint32Array(words.length + 1);
  w[0] = ROOT_WORD;
  t[0] = ROOT_TAG;
  for (let i = 0; i < words.length; i++) {
    w[i + 1] = hashText(parserWord(words[i]!));
    t[i + 1] = hashText(tags[i]!);
  }
  return { words: w, tags: t };
}

/** One feature's key (never 0): template `template` over the values a, b, c (a mix in the manner of MurmurHash3's finaliser). */
export function featureKey(template: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ c, 0x27d4eb2f);
  h ^= h >>> 15;
  // Note: 0 marks an empty slot in the model's table, so no key is 0.
  return h >>> 0 || 1;
}

/**
 * Writes the keys of a configuration's features into `out` and returns how many: words and tags of the stack's
 * three top positions and the buffer's three first, the outermost children of the top two and of the buffer's
 * first with their relations, the distance between the top and the buffer, and children counts (after Zhang and
 * Nivre 2011, cut to the arc-hybrid system, where the buffer's first word has left children only).
 * @param relations - the hash of each relation, by relation index
 */
export function configurationFeatures(c: Configuration, s: ParserSentence, relations: Uint32Array, out: Uint32Array): number {
  const s0 = c.stackAt(0);
  const s1 = c.stackAt(1);
  const s2 = c.stackAt(2);
  const b0 = c.bufferAt(0);
  const b1 = c.bufferAt(1);
  const b2 = c.bufferAt(2);
  const { words, tags } = s;
  const w = (p: number): number => (p < 0 ? NONE : words[p]!);
  const t = (p: number): number => (p < 0 ? NONE : tags[p]!);
  const r = (p: number): number => (p < 0 || c.relations[p]! < 0 ? NO_RELATION : relations[c.relations[p]!]!);
  const s0l = s0 < 0 ? -1 : c.left1[s0]!;
  const s0r = s0 < 0 ? -1 : c.right1[s0]!;
  const s0l2 = s0 < 0 ? -1 : c.left2[s0]!;
  const s0r2 = s0 < 0 ? -1 : c.right2[s0]!;
  const s1l = s1 < 0 ? -1 : c.left1[s1]!;
  const s1r = s1 < 0 ? -1 : c.right1[s1]!;
  const b0l = b0 < 0 ? -1 : c.left1[b0]!;
  const b0l2 = b0 < 0 ? -1 : c.left2[b0]!;
  const ws0 = w(s0), ts0 = t(s0), ws1 = w(s1), ts1 = t(s1), wb0 = w(b0), tb0 = t(b0), wb1 = w(b1), tb1 = t(b1);
  const ts2 = t(s2), tb2 = t(b2);
  const distance = s0 > 0 && b0 > 0 ? Math.min(b0 - s0, 5) : 6;
  const count = (list: Int32Array, p: number): number => (p < 0 ? 6 : Math.min(list[p]!, 5));
  const vls0 = count(c.leftCount, s0), vrs0 = count(c.rightCount, s0), vlb0 = count(c.leftCount, b0);
  let n = 0;
  const f = (a: number, b = 0, x = 0): void => {
    out[n] = featureKey(n, a, b, x);
    n++;
  };
  // Note: the template is the feature's place in this list, so the order below is part of the model file.
  f(ws0); f(ts0); f(ws0, ts0); f(ws1); f(ts1); f(ws1, ts1); f(ts2);
  f(wb0); f(tb0); f(wb0, tb0); f(wb1); f(tb1); f(wb1, tb1); f(tb2);
  f(ws0, wb0); f(ws0, ts0, tb0); f(wb0, tb0, ts0); f(ws0, tb0); f(wb0, ts0); f(ts0, tb0);
  f(ts1, ts0); f(ws1, ws0); f(ts1, ws0); f(ws1, ts0); f(ts1, tb0); f(tb0, tb1); f(wb0, wb1);
  f(ts0, tb0, tb1); f(ts1, ts0, tb0); f(ts2, ts1, ts0); f(tb0, tb1, tb2);
  f(ts0, t(s0l), tb0); f(ts0, t(s0r), tb0); f(ts0, tb0, t(b0l)); f(ts1, t(s1r), ts0); f(ts1, t(s1l), ts0); f(ts1, ts0, t(s0r));
  f(ts0, t(s0l), t(s0l2)); f(ts0, t(s0r), t(s0r2)); f(tb0, t(b0l), t(b0l2));
  f(ws0, distance); f(ts0, distance); f(wb0, distance); f(ts0, tb0, distance); f(ws0, wb0, distance);
  f(ws0, vrs0); f(ts0, vrs0); f(ws0, vls0); f(ts0, vls0); f(wb0, vlb0); f(tb0, vlb0);
  f(w(s0l)); f(w(s0r)); f(w(b0l)); f(w(s1r));
  f(ts0, r(s0l)); f(ts0, r(s0r)); f(ws0, r(s0r)); f(tb0, r(b0l)); f(wb0, r(b0l));
  f(ts0, r(s0l), r(s0l2)); f(ts0, r(s0r), r(s0r2)); f(ts1, r(s1r));
  return n;
}
