import { joinedFeature } from '../../../pipeline/weights.js';
import { pairSides, type PairSides } from '../../../pipeline/word-pairs.js';
import { allowedAfter, allowedAtEnd, LABELS } from './labels.js';
import { shortShape } from './shape.js';
import { clusterFeatures, NEIGHBOURS, emitRareContextFeatures, remember, startsUpper, viewSentence, wordFeatures, type DocContext, type FeatureLexicons, type RareFeatureSink } from './features.js';

/** Feature weights: feature -> one weight per label (sparse in the file, dense here). */
export type Weights = ReadonlyMap<string, Float32Array>;

/** A trained recogniser: weights, and the lexicons its features read. */
export interface NerModel {
  readonly weights: Weights;
  readonly lexicons: FeatureLexicons;
}

/**
 * Scores every label for one token's features.
 * @param scores - filled in place (length {@link LABELS}.length)
 */
export function score(weights: ReadonlyMap<string, ArrayLike<number>>, features: readonly string[], scores: Float64Array): void {
  scores.fill(0);
  for (const f of features) {
    const w = weights.get(f);
    if (w) for (let k = 0; k < w.length; k++) scores[k]! += w[k]!;
  }
}

// Note: the BILOU constraints as a table, so decoding compares integers instead of label strings.
const ALLOWED: readonly boolean[][] = LABELS.map((prev) => LABELS.map((label) => allowedAfter(prev, label)));
const AT_END: readonly boolean[] = LABELS.map(allowedAtEnd);
const O = 0;

/** Picks the best label allowed after label `prev` (an index; and, for the last token, one that closes). */
export function bestAllowed(scores: Float64Array, prev: string | number, last: boolean): number {
  const row = ALLOWED[typeof prev === 'number' ? prev : LABELS.indexOf(prev)]!;
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < LABELS.length; k++) {
    if (!row[k] || (last && !AT_END[k])) continue;
    if (scores[k]! > bestScore) [best, bestScore] = [k, scores[k]!];
  }
  return best;
}

const CACHE_LIMIT = 200_000;
const WIDTH = LABELS.length;
// Note: the offsets from a token at which a word's features count for it, -2 to 2; a word entry holds one
// score vector per offset, so that a token's static score is five vector sums over neighbouring entries.
const SPAN = 5;

/** Per-model caches of summed weights, so that decoding builds and hashes few feature strings. */
interface ScoreCaches {
  /** Original-case word -> its summed weights at each offset from a token, and its lower-case entry. */
  readonly words: Map<string, WordEntry>;
  /** Lower-cased word -> what depends on the lower-cased word alone (pair sides, `t-1w` per previous label). */
  readonly lower: Map<string, LowerEntry>;
  /** Shape -> its `s-1s=` trigram weights, filled as met. */
  readonly shape: Map<string, ShapeEntry>;
  /** The sentence-boundary entries, as the words before the first and after the last token. */
  readonly start: WordEntry;
  readonly end: WordEntry;
  /** The words on each side of the `w-1w=` and `ww+1=` pair features. */
  readonly pairs: { readonly prev: PairSides; readonly next: PairSides };
  /** `t-1=` per label and `t-2t-1=` per label pair. */
  readonly prev: ReadonlyArray<Float32Array | undefined>;
  readonly prev2: ReadonlyArray<ReadonlyArray<Float32Array | undefined>>;
  /** Weights of the rare context features by the parts of their names, absent ones as null. */
  readonly rare: Map<string, Map<string, Map<string, Float32Array | null>>>;
}

interface WordEntry {
  /**
   * {@link SPAN} score vectors of {@link WIDTH}: at `(d + 2) * WIDTH`, what this word adds to a token when it
   * stands at offset `d` from it (d = 0: its own features; otherwise its cluster, its lower-cased form and its
   * shape as that neighbour).
   */
  readonly at: Float64Array;
  readonly lower: LowerEntry;
  readonly shape: ShapeEntry;
}

interface LowerEntry {
  readonly word: string;
  /** Which sides of the pair features this word stands on: [w-1w left, w-1w right, ww+1 left, ww+1 right]. */
  readonly sides: readonly [boolean, boolean, boolean, boolean];
  readonly afterLabel: ReadonlyArray<Float32Array | undefined>;
}

interface ShapeEntry {
  readonly shape: string;
  /** `s-1s=` weights by the middle and next shape entries, filled as met. */
  readonly trigrams: Map<ShapeEntry, Map<ShapeEntry, Float32Array | undefined>>;
}

const caches = new WeakMap<NerModel, ScoreCaches>();

function cachesOf(model: NerModel): ScoreCaches {
  let c = caches.get(model);
  if (!c) {
    const w = model.weights;
    const partial = {
      words: new Map<string, WordEntry>(),
      lower: new Map<string, LowerEntry>(),
      shape: new Map<string, ShapeEntry>(),
      pairs: { prev: pairSides(w, 'w-1w='), next: pairSides(w, 'ww+1=') },
      prev: LABELS.map((l) => w.get(`t-1=${l}`)),
      prev2: LABELS.map((l2) => LABELS.map((l1) => w.get(`t-2t-1=${l2}|${l1}`))),
      rare: new Map<string, Map<string, Map<string, Float32Array | null>>>(),
    };
    c = { ...partial, start: boundaryEntry(model, partial, '<s>'), end: boundaryEntry(model, partial, '</s>') };
    caches.set(model, c);
  }
  return c;
}

type EntryCaches = Pick<ScoreCaches, 'lower' | 'shape' | 'pairs'>;

function cached<K, V>(map: Map<K, V>, key: K): V | undefined {
  const value = map.get(key);
  if (value === undefined && map.size >= CACHE_LIMIT) map.clear();
  return value;
}

function add(scores: Float64Array, w: Float32Array | undefined): void {
  if (w === undefined) return;
  for (let k = 0; k < WIDTH; k++) scores[k]! += w[k]!;
}

function addAt(scores: Float64Array, from: Float64Array, at: number): void {
  for (let k = 0; k < WIDTH; k++) scores[k]! += from[at + k]!;
}

function lowerEntryOf(model: NerModel, c: EntryCaches, lw: string): LowerEntry {
  let entry = cached(c.lower, lw);
  if (entry === undefined) {
    const weights = model.weights;
    const { prev, next } = c.pairs;
    const h = prev.hash(lw);
    entry = { word: lw, sides: [prev.left(h), prev.right(h), next.left(h), next.right(h)], afterLabel: LABELS.map((l) => weights.get(`t-1w=${l}|${lw}`)) };
    c.lower.set(lw, entry);
  }
  return entry;
}

function shapeEntryOf(c: EntryCaches, shape: string): ShapeEntry {
  let entry = cached(c.shape, shape);
  if (entry === undefined) c.shape.set(shape, (entry = { shape, trigrams: new Map() }));
  return entry;
}

/** Adds the weights of features at one offset of a word entry. */
function addFeatures(weights: Weights, features: readonly string[], into: Float64Array, d: number): void {
  for (const f of features) {
    const w = weights.get(f);
    if (w) for (let k = 0; k < WIDTH; k++) into[(d + 2) * WIDTH + k]! += w[k]!;
  }
}

/** The summed weights of one word at every offset: its own features, and its cluster, form and shape as each neighbour. */
function wordEntry(model: NerModel, c: EntryCaches, w: string): WordEntry {
  const { weights, lexicons } = model;
  const clusters = lexicons.clusters;
  const lw = w.toLowerCase();
  const shape = shortShape(w);
  const at = new Float64Array(SPAN * WIDTH);
  addFeatures(weights, wordFeatures(w, clusters), at, 0);
  for (const d of NEIGHBOURS) {
    // Note: the offsets are named from the token's side: this word is at -1 of the next token.
    if (clusters) addFeatures(weights, clusterFeatures(w, clusters, String(d)), at, d);
    addFeatures(weights, [`w${d}=${lw}`], at, d);
  }
  addFeatures(weights, [`s-1=${shape}`], at, -1);
  addFeatures(weights, [`s+1=${shape}`], at, 1);
  return { at, lower: lowerEntryOf(model, c, lw), shape: shapeEntryOf(c, shape) };
}

/** The entry standing for the positions before (`<s>`) or after (`</s>`) a sentence: a form and a shape, no cluster. */
function boundaryEntry(model: NerModel, c: EntryCaches, marker: '<s>' | '</s>'): WordEntry {
  const at = new Float64Array(SPAN * WIDTH);
  for (const d of marker === '<s>' ? [-2, -1] : [1, 2]) addFeatures(model.weights, [`w${d}=${marker}`], at, d);
  addFeatures(model.weights, [marker === '<s>' ? `s-1=${marker}` : `s+1=${marker}`], at, marker === '<s>' ? -1 : 1);
  return { at, lower: lowerEntryOf(model, c, marker), shape: shapeEntryOf(c, marker) };
}

function wordEntryOf(model: NerModel, c: ScoreCaches, w: string): WordEntry {
  let entry = cached(c.words, w);
  if (entry === undefined) c.words.set(w, (entry = wordEntry(model, c, w)));
  return entry;
}

/** The weights of a rare context feature by the parts of its name (see {@link emitRareContextFeatures}), cached. */
function rareWeights(model: NerModel, c: ScoreCaches, prefix: string, value: string, second: string | null): Float32Array | undefined {
  let byValue = c.rare.get(prefix);
  if (!byValue) c.rare.set(prefix, (byValue = new Map()));
  let bySecond = cached(byValue, value);
  if (!bySecond) byValue.set(value, (bySecond = new Map()));
  const key = second ?? '';
  let w = bySecond.get(key);
  if (w === undefined) bySecond.set(key, (w = model.weights.get(second === null ? prefix + value : `${prefix}${value}|${second}`) ?? null));
  return w ?? undefined;
}

/** The trigram of shapes around a token, from the first shape's cache. */
function trigramWeights(model: NerModel, s0: ShapeEntry, s1: ShapeEntry, s2: ShapeEntry): Float32Array | undefined {
  let middle = s0.trigrams.get(s1);
  if (!middle) s0.trigrams.set(s1, (middle = new Map()));
  let w = middle.get(s2);
  if (w === undefined && !middle.has(s2)) middle.set(s2, (w = model.weights.get(`s-1s=${s0.shape}|${s1.shape}|${s2.shape}`)));
  return w;
}

/**
 * Tags one sentence greedily, left to right, keeping BILOU well-formed, and records the predicted types
 * in the document context for later sentences. Scores equal the sum over {@link staticFeatures} and the
 * history features; the parts that depend on one word, shape or label are taken from caches.
 * @param record - whether to record the predicted types in the context (not when tagging a sentence again)
 * @returns one BILOU label per word
 */
export function tagSentence(model: NerModel, words: readonly string[], context: DocContext, record = true): string[] {
  const c = cachesOf(model);
  const weights = model.weights;
  // Note: each token's entry is found once per sentence, with two boundary entries on each side; the entries'
  // forms and shapes are kept strings whose hashes are known, so the view's lookups do not hash new ones.
  const n = words.length;
  const at: WordEntry[] = [c.start, c.start];
  const lower: string[] = [];
  const shapes: string[] = [];
  for (const w of words) {
    const entry = wordEntryOf(model, c, w);
    at.push(entry);
    lower.push(entry.lower.word);
    shapes.push(entry.shape.shape);
  }
  at.push(c.end, c.end);
  const view = viewSentence(words, model.lexicons, { lower, shapes });
  const labels: number[] = [];
  const scores = new Float64Array(WIDTH);
  const addRare: RareFeatureSink = (prefix, value, second) => add(scores, rareWeights(model, c, prefix, value, second));
  for (let i = 0; i < n; i++) {
    const prev = labels[i - 1] ?? O;
    scores.fill(0);
    // Note: the word at offset d from token i is at[i + 2 + d], and its vector for that offset at (d + 2) * WIDTH.
    for (let d = 0; d < SPAN; d++) addAt(scores, at[i + d]!.at, d * WIDTH);
    const before = at[i + 1]!.lower;
    const here = at[i + 2]!.lower;
    const after = at[i + 3]!.lower;
    // Note: the word pairs are looked up by name parts, without making the pair's name.
    if (before.sides[0] && here.sides[1]) add(scores, joinedFeature(weights, 'w-1w=', before.word, '|', here.word));
    if (here.sides[2] && after.sides[3]) add(scores, joinedFeature(weights, 'ww+1=', here.word, '|', after.word));
    add(scores, trigramWeights(model, at[i + 1]!.shape, at[i + 2]!.shape, at[i + 3]!.shape));
    emitRareContextFeatures(view, i, model.lexicons, context, addRare);
    add(scores, c.prev[prev]);
    add(scores, c.prev2[labels[i - 2] ?? O]![prev]);
    add(scores, here.afterLabel[prev]);
    labels.push(bestAllowed(scores, prev, i === n - 1));
  }
  const out = labels.map((k) => LABELS[k]!);
  if (record) out.forEach((label, i) => {
    if (label !== 'O' && startsUpper(words[i]!)) remember(context, words[i]!, label.slice(2));
  });
  return out;
}
