import { LEFT, type Configuration } from './transitions.js';

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

/**
 * A sentence ready for the features: the root placed first.
 * @param into - arrays to write the hashes into (at least one longer than the sentence), else new ones of its length
 */
export function parserSentence(words: readonly string[], tags: readonly string[], into?: ParserSentence): ParserSentence {
  const w = into?.words ?? new Uint32Array(words.length + 1);
  const t = into?.tags ?? new Uint32Array(words.length + 1);
  w[0] = ROOT_WORD;
  t[0] = ROOT_TAG;
  for (let i = 0; i < words.length; i++) {
    w[i + 1] = wordHash(words[i]!);
    t[i + 1] = tagHash(tags[i]!);
  }
  return { words: w, tags: t };
}

/** Each word's hash as the features read it, remembered (emptied when full, for a long ingest); and each tag's. */
const wordHashes = new Map<string, number>();
const tagHashes = new Map<string, number>();

function wordHash(word: string): number {
  let h = wordHashes.get(word);
  if (h === undefined) {
    if (wordHashes.size >= 100_000) wordHashes.clear();
    wordHashes.set(word, (h = hashText(parserWord(word))));
  }
  return h;
}

function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) tagHashes.set(tag, (h = hashText(tag)));
  return h;
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

/** A list of templates: each names up to three of the values it mixes, read from `values` by name. */
interface Templates {
  readonly a: Uint8Array;
  readonly b: Uint8Array;
  readonly c: Uint8Array;
  /** The template's number, mixed into its keys (part of the model file). */
  readonly ids: Uint8Array;
}

/** Compiles templates written as value names (`'ws0 ts0 tb0'`); value 0 is always 0, for a template of fewer than three. */
function templates(values: readonly string[], list: readonly string[], first: number): Templates {
  const at = (name: string | undefined): number => {
    if (name === undefined) return 0;
    const i = values.indexOf(name);
    if (i < 1) throw new Error(`parser features: no value ${name}`);
    return i;
  };
  const parts = list.map((t) => t.split(' '));
  return {
    a: Uint8Array.from(parts, (p) => at(p[0])),
    b: Uint8Array.from(parts, (p) => at(p[1])),
    c: Uint8Array.from(parts, (p) => at(p[2])),
    ids: Uint8Array.from(parts, (_, i) => first + i),
  };
}

/** Mixes each template's values into its key, in `out`; returns how many. */
function mixAll(t: Templates, v: Uint32Array, out: Uint32Array): number {
  const { a, b, c, ids } = t;
  // Note: one loop over typed arrays, where the 32-bit values stay unboxed: written as one call per template, each
  // key and value above 2^30 was a heap number (the calls were too many to inline), and computing the features took
  // longer than looking them up.
  for (let k = 0; k < ids.length; k++) out[k] = featureKey(ids[k]!, v[a[k]!]!, v[b[k]!]!, v[c[k]!]!);
  return ids.length;
}

/**
 * The values the move features read: words (w) and tags (t) of the stack's top three (s0, s1, s2) and the buffer's
 * first three (b0, b1, b2), the outermost children of s0, s1 and b0 (s0l the leftmost, s0l2 the next one, s0r
 * the rightmost) with their relations (r), the distance between s0 and b0, and children counts (vl, vr).
 */
const MOVE_VALUES = ['0', 'ws0', 'ts0', 'ws1', 'ts1', 'ts2', 'wb0', 'tb0', 'wb1', 'tb1', 'tb2', 'dist', 'vls0', 'vrs0', 'vlb0', 'ts0l', 'ts0r', 'tb0l', 'ts1r', 'ts1l', 'ts0l2', 'tb0l2', 'ws0l', 'ws0r', 'wb0l', 'rs0l', 'rs0r', 'rb0l', 'rs1r'] as const;
const MOVE = Object.fromEntries(MOVE_VALUES.map((name, i) => [name, i])) as Record<(typeof MOVE_VALUES)[number], number>;

/**
 * The move features (after Zhang and Nivre 2011, cut to the arc-hybrid system, where the buffer's first word has
 * left children only). Note: a template's number is its place in this list, so the order is part of the model file.
 */
const MOVE_TEMPLATES = templates(MOVE_VALUES, [
  'ws0', 'ts0', 'ws0 ts0', 'ws1', 'ts1', 'ts2', 'wb0', 'tb0', 'wb0 tb0', 'tb1', 'wb1 tb1', 'tb2', 'ws0 tb0',
  'ts0 tb0', 'ts1 ts0', 'ts1 ws0', 'ts1 tb0', 'tb0 tb1', 'ts0 tb0 tb1', 'ts1 ts0 tb0', 'ts2 ts1 ts0', 'tb0 tb1 tb2',
  'ts0 ts0l tb0', 'ts0 tb0 tb0l', 'ts1 ts1r ts0', 'ts1 ts1l ts0', 'ts1 ts0 ts0r', 'ts0 ts0l ts0l2', 'tb0 tb0l tb0l2',
  'ws0 dist', 'ts0 dist', 'ts0 tb0 dist', 'ws0 vrs0', 'ts0 vls0', 'tb0 vlb0', 'ws0l', 'ws0r', 'wb0l', 'ts0 rs0l',
  'ts0 rs0r', 'ws0 rs0r', 'tb0 rb0l', 'ts1 rs1r',
], 0);

/**
 * The values the relation features read: the dependent's (d) and the head's (h) word and tag, the move (LEFT: the
 * dependent is before the head), the side and distance, the dependent's outermost children (dl, dr; complete when
 * it is attached, as arc-hybrid attaches a word only once it has all its children), the tags around the dependent,
 * and the head's child attached before it on the same side (b: an `aux:pass` already there makes a subject `nsubj:pass`).
 */
const ARC_VALUES = ['0', 'wd', 'td', 'wh', 'th', 'move', 'side', 'rb', 'rdl', 'rdr', 'wdl', 'tdl', 'tdr', 'tprev', 'tnext', 'wb'] as const;
const ARC = Object.fromEntries(ARC_VALUES.map((name, i) => [name, i])) as Record<(typeof ARC_VALUES)[number], number>;

/** The relation features; their numbers start at 100, apart from the moves'. */
const ARC_TEMPLATES = templates(ARC_VALUES, [
  'td move', 'wd move', 'wd td move', 'th move', 'wh move', 'wh th move', 'td th move', 'wd th move', 'td wh move', 'wd wh move',
  'td th side', 'td th rb', 'td rdl rdr', 'td wdl move', 'th wdl move', 'td tprev tnext', 'wd tdl tdr', 'th td wb',
], 100);

/** The most features one configuration has. */
export const MAX_FEATURES = MOVE_TEMPLATES.ids.length;

/** The most features one arc has ({@link arcFeatures}). */
export const MAX_ARC_FEATURES = ARC_TEMPLATES.ids.length;

const moveValues = new Uint32Array(MOVE_VALUES.length);
const arcValues = new Uint32Array(ARC_VALUES.length);

/**
 * Writes the keys of a configuration's move features into `out` and returns how many.
 * @param relations - the hash of each relation, by relation index
 */
export function configurationFeatures(c: Configuration, s: ParserSentence, relations: Uint32Array, out: Uint32Array): number {
  const s0 = c.stackAt(0);
  const s1 = c.stackAt(1);
  const b0 = c.bufferAt(0);
  const { words, tags } = s;
  const rel = c.relations;
  const v = moveValues;
  const s0l = s0 < 0 ? -1 : c.left1[s0]!;
  const s0r = s0 < 0 ? -1 : c.right1[s0]!;
  const s0l2 = s0 < 0 ? -1 : c.left2[s0]!;
  const s1l = s1 < 0 ? -1 : c.left1[s1]!;
  const s1r = s1 < 0 ? -1 : c.right1[s1]!;
  const b0l = b0 < 0 ? -1 : c.left1[b0]!;
  const b0l2 = b0 < 0 ? -1 : c.left2[b0]!;
  v[MOVE.ws0] = valueAt(words, s0);
  v[MOVE.ts0] = valueAt(tags, s0);
  v[MOVE.ws1] = valueAt(words, s1);
  v[MOVE.ts1] = valueAt(tags, s1);
  v[MOVE.ts2] = valueAt(tags, c.stackAt(2));
  v[MOVE.wb0] = valueAt(words, b0);
  v[MOVE.tb0] = valueAt(tags, b0);
  v[MOVE.wb1] = valueAt(words, c.bufferAt(1));
  v[MOVE.tb1] = valueAt(tags, c.bufferAt(1));
  v[MOVE.tb2] = valueAt(tags, c.bufferAt(2));
  v[MOVE.dist] = s0 > 0 && b0 > 0 ? Math.min(b0 - s0, 5) : 6;
  v[MOVE.vls0] = countAt(c.leftCount, s0);
  v[MOVE.vrs0] = countAt(c.rightCount, s0);
  v[MOVE.vlb0] = countAt(c.leftCount, b0);
  v[MOVE.ts0l] = valueAt(tags, s0l);
  v[MOVE.ts0r] = valueAt(tags, s0r);
  v[MOVE.tb0l] = valueAt(tags, b0l);
  v[MOVE.ts1r] = valueAt(tags, s1r);
  v[MOVE.ts1l] = valueAt(tags, s1l);
  v[MOVE.ts0l2] = valueAt(tags, s0l2);
  v[MOVE.tb0l2] = valueAt(tags, b0l2);
  v[MOVE.ws0l] = valueAt(words, s0l);
  v[MOVE.ws0r] = valueAt(words, s0r);
  v[MOVE.wb0l] = valueAt(words, b0l);
  v[MOVE.rs0l] = relationAt(rel, relations, s0l);
  v[MOVE.rs0r] = relationAt(rel, relations, s0r);
  v[MOVE.rb0l] = relationAt(rel, relations, b0l);
  v[MOVE.rs1r] = relationAt(rel, relations, s1r);
  return mixAll(MOVE_TEMPLATES, v, out);
}

/**
 * Writes the keys of the features that choose the relation of the arc `move` makes now into `out`, and returns how many.
 * @param move - LEFT or RIGHT
 */
export function arcFeatures(c: Configuration, s: ParserSentence, relations: Uint32Array, move: number, out: Uint32Array): number {
  const d = c.stackAt(0);
  const h = move === LEFT ? c.bufferAt(0) : c.stackAt(1);
  const { words, tags } = s;
  const rel = c.relations;
  const v = arcValues;
  const dl = c.left1[d]!;
  const dr = c.right1[d]!;
  // Note: LEFT puts the dependent before the head, RIGHT after it; the head's latest child on that side is its outermost one.
  const before = move === LEFT ? c.left1[h]! : c.right1[h]!;
  v[ARC.wd] = words[d]!;
  v[ARC.td] = tags[d]!;
  v[ARC.wh] = words[h]!;
  v[ARC.th] = tags[h]!;
  v[ARC.move] = move;
  v[ARC.side] = move * 8 + Math.min(Math.abs(h - d), 6);
  v[ARC.rb] = relationAt(rel, relations, before);
  v[ARC.rdl] = relationAt(rel, relations, dl);
  v[ARC.rdr] = relationAt(rel, relations, dr);
  v[ARC.wdl] = valueAt(words, dl);
  v[ARC.tdl] = valueAt(tags, dl);
  v[ARC.tdr] = valueAt(tags, dr);
  v[ARC.tprev] = tags[d - 1]!;
  v[ARC.tnext] = d < c.n ? tags[d + 1]! : NONE;
  v[ARC.wb] = valueAt(words, before);
  return mixAll(ARC_TEMPLATES, v, out);
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
