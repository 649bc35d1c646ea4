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
  const rel = c.relations;
  // Note: plain functions of their arguments, not closures, so that the compiler inlines them.
  const w = (p: number): number => valueAt(words, p);
  const t = (p: number): number => valueAt(tags, p);
  const r = (p: number): number => relationAt(rel, relations, p);
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
  const vls0 = countAt(c.leftCount, s0), vrs0 = countAt(c.rightCount, s0), vlb0 = countAt(c.leftCount, b0);
  // Note: the template is the feature's place in this list (its index in `out`), so the order is part of the model file.
  out[0] = featureKey(0, ws0);
  out[1] = featureKey(1, ts0);
  out[2] = featureKey(2, ws0, ts0);
  out[3] = featureKey(3, ws1);
  out[4] = featureKey(4, ts1);
  out[5] = featureKey(5, ws1, ts1);
  out[6] = featureKey(6, ts2);
  out[7] = featureKey(7, wb0);
  out[8] = featureKey(8, tb0);
  out[9] = featureKey(9, wb0, tb0);
  out[10] = featureKey(10, wb1);
  out[11] = featureKey(11, tb1);
  out[12] = featureKey(12, wb1, tb1);
  out[13] = featureKey(13, tb2);
  out[14] = featureKey(14, ws0, wb0);
  out[15] = featureKey(15, ws0, ts0, tb0);
  out[16] = featureKey(16, wb0, tb0, ts0);
  out[17] = featureKey(17, ws0, tb0);
  out[18] = featureKey(18, wb0, ts0);
  out[19] = featureKey(19, ts0, tb0);
  out[20] = featureKey(20, ts1, ts0);
  out[21] = featureKey(21, ws1, ws0);
  out[22] = featureKey(22, ts1, ws0);
  out[23] = featureKey(23, ws1, ts0);
  out[24] = featureKey(24, ts1, tb0);
  out[25] = featureKey(25, tb0, tb1);
  out[26] = featureKey(26, wb0, wb1);
  out[27] = featureKey(27, ts0, tb0, tb1);
  out[28] = featureKey(28, ts1, ts0, tb0);
  out[29] = featureKey(29, ts2, ts1, ts0);
  out[30] = featureKey(30, tb0, tb1, tb2);
  out[31] = featureKey(31, ts0, t(s0l), tb0);
  out[32] = featureKey(32, ts0, t(s0r), tb0);
  out[33] = featureKey(33, ts0, tb0, t(b0l));
  out[34] = featureKey(34, ts1, t(s1r), ts0);
  out[35] = featureKey(35, ts1, t(s1l), ts0);
  out[36] = featureKey(36, ts1, ts0, t(s0r));
  out[37] = featureKey(37, ts0, t(s0l), t(s0l2));
  out[38] = featureKey(38, ts0, t(s0r), t(s0r2));
  out[39] = featureKey(39, tb0, t(b0l), t(b0l2));
  out[40] = featureKey(40, ws0, distance);
  out[41] = featureKey(41, ts0, distance);
  out[42] = featureKey(42, wb0, distance);
  out[43] = featureKey(43, ts0, tb0, distance);
  out[44] = featureKey(44, ws0, wb0, distance);
  out[45] = featureKey(45, ws0, vrs0);
  out[46] = featureKey(46, ts0, vrs0);
  out[47] = featureKey(47, ws0, vls0);
  out[48] = featureKey(48, ts0, vls0);
  out[49] = featureKey(49, wb0, vlb0);
  out[50] = featureKey(50, tb0, vlb0);
  out[51] = featureKey(51, w(s0l));
  out[52] = featureKey(52, w(s0r));
  out[53] = featureKey(53, w(b0l));
  out[54] = featureKey(54, w(s1r));
  out[55] = featureKey(55, ts0, r(s0l));
  out[56] = featureKey(56, ts0, r(s0r));
  out[57] = featureKey(57, ws0, r(s0r));
  out[58] = featureKey(58, tb0, r(b0l));
  out[59] = featureKey(59, wb0, r(b0l));
  out[60] = featureKey(60, ts0, r(s0l), r(s0l2));
  out[61] = featureKey(61, ts0, r(s0r), r(s0r2));
  out[62] = featureKey(62, ts1, r(s1r));
  return 63;
}

function valueAt(values: Uint32Array, p: number): number {
  return p < 0 ? NONE : values[p]!;
}

function relationAt(assigned: Int32Array, hashes: Uint32Array, p: number): number {
  return p < 0 || assigned[p]! < 0 ? NO_RELATION : hashes[assigned[p]!]!;
}

function countAt(list: Int32Array, p: number): number {
  return p < 0 ? 6 : Math.min(list[p]!, 5);
}
