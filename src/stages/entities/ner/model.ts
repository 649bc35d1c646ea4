import { joinedFeature } from '../../../pipeline/weights.js';
import { pairSides, type PairSides } from '../../../pipeline/word-pairs.js';
import { allowedAfter, allowedAtEnd, LABELS } from './labels.js';
import { CLUSTER_NEIGHBOURS, clusterFeatures, NEIGHBOURS, rareContextFeatures, remember, viewSentence, wordFeatures, type DocContext, type FeatureLexicons } from './features.js';

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

/** Per-model caches of summed weights, so that decoding builds and hashes few feature strings. */
interface ScoreCaches {
  /** Original-case word -> the weights of its own features, and of its cluster as the previous and the next word. */
  readonly own: Map<string, OwnEntry>;
  /** Lower-cased word -> weights of it as each neighbour (w-2, w-1, w1, w2), and of `t-1w` per previous label. */
  readonly lower: Map<string, LowerEntry>;
  /** Shape -> weights as the previous and as the next token's shape, and an id. */
  readonly shape: Map<string, ShapeEntry>;
  /** The words on each side of the `w-1w=` and `ww+1=` pair features. */
  readonly pairs: { readonly prev: PairSides; readonly next: PairSides };
  /** `t-1=` per label and `t-2t-1=` per label pair. */
  readonly prev: ReadonlyArray<Float32Array | undefined>;
  readonly prev2: ReadonlyArray<ReadonlyArray<Float32Array | undefined>>;
}

interface OwnEntry {
  readonly self: Float32Array;
  /** By {@link CLUSTER_NEIGHBOURS}: the weights of this word's cluster features at that offset from a token. */
  readonly at: ReadonlyArray<Float32Array | undefined>;
}

interface LowerEntry {
  readonly word: string;
  /** Which sides of the pair features this word stands on: [w-1w left, w-1w right, ww+1 left, ww+1 right]. */
  readonly sides: readonly [boolean, boolean, boolean, boolean];
  readonly at: ReadonlyArray<Float32Array | undefined>;
  readonly afterLabel: ReadonlyArray<Float32Array | undefined>;
}

interface ShapeEntry {
  readonly shape: string;
  /** `s-1s=` weights by the middle and next shape entries, filled as met. */
  readonly trigrams: Map<ShapeEntry, Map<ShapeEntry, Float32Array | undefined>>;
  readonly prev: Float32Array | undefined;
  readonly next: Float32Array | undefined;
}

const caches = new WeakMap<NerModel, ScoreCaches>();

function cachesOf(model: NerModel): ScoreCaches {
  let c = caches.get(model);
  if (!c) {
    const w = model.weights;
    c = {
      own: new Map(),
      lower: new Map(),
      shape: new Map(),
      pairs: { prev: pairSides(w, 'w-1w='), next: pairSides(w, 'ww+1=') },
      prev: LABELS.map((l) => w.get(`t-1=${l}`)),
      prev2: LABELS.map((l2) => LABELS.map((l1) => w.get(`t-2t-1=${l2}|${l1}`))),
    };
    caches.set(model, c);
  }
  return c;
}

function bounded<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= CACHE_LIMIT) map.clear();
    map.set(key, (value = make()));
  }
  return value;
}

function add(scores: Float64Array, w: Float32Array | undefined): void {
  if (w === undefined) return;
  const n = w.length;
  for (let k = 0; k < n; k++) scores[k]! += w[k]!;
}

/** The summed weights of one word's own features and of its cluster features as each neighbour. */
function ownEntry(model: NerModel, w: string): OwnEntry {
  const { weights, lexicons } = model;
  const sum = (features: readonly string[]): Float32Array => {
    const s = new Float64Array(LABELS.length);
    addScores(weights, features, s);
    return Float32Array.from(s);
  };
  // Note: the neighbour offsets are named from the token's side: this word is at -1 of the next token.
  const clusters = lexicons.clusters;
  const at = CLUSTER_NEIGHBOURS.map((d) => (clusters ? sum(clusterFeatures(w, clusters, String(d))) : undefined));
  return { self: sum(wordFeatures(w, clusters)), at };
}

/** Adds the weights of features to scores, without clearing them first. */
function addScores(weights: Weights, features: readonly string[], scores: Float64Array): void {
  for (const f of features) add(scores, weights.get(f));
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
  const view = viewSentence(words, model.lexicons);
  const { prev: prevPairs, next: nextPairs } = c.pairs;
  const lowerEntry = (lw: string): LowerEntry => bounded(c.lower, lw, () => {
    const h = prevPairs.hash(lw);
    return {
      word: lw,
      sides: [prevPairs.left(h), prevPairs.right(h), nextPairs.left(h), nextPairs.right(h)],
      at: NEIGHBOURS.map((d) => weights.get(`w${d}=${lw}`)),
      afterLabel: LABELS.map((l) => weights.get(`t-1w=${l}|${lw}`)),
    };
  });
  const shapeEntry = (shape: string): ShapeEntry => bounded(c.shape, shape, () => ({ shape, trigrams: new Map(), prev: weights.get(`s-1=${shape}`), next: weights.get(`s+1=${shape}`) }));
  // Note: each token's cache entries are found once per sentence; neighbours then index these arrays.
  const n = words.length;
  const lowerAt = [lowerEntry('<s>'), lowerEntry('<s>'), ...view.lower.map(lowerEntry), lowerEntry('</s>'), lowerEntry('</s>')];
  const shapeAt = [shapeEntry('<s>'), ...view.shapes.map(shapeEntry), shapeEntry('</s>')];
  const ownAt = words.map((w) => bounded(c.own, w, () => ownEntry(model, w)));
  const labels: number[] = [];
  const scores = new Float64Array(LABELS.length);
  for (let i = 0; i < n; i++) {
    const prev = labels[i - 1] ?? O;
    scores.fill(0);
    add(scores, ownAt[i]!.self);
    for (let k = 0; k < CLUSTER_NEIGHBOURS.length; k++) add(scores, ownAt[i + CLUSTER_NEIGHBOURS[k]!]?.at[k]);
    add(scores, lowerAt[i]!.at[0]);
    add(scores, lowerAt[i + 1]!.at[1]);
    add(scores, lowerAt[i + 3]!.at[2]);
    add(scores, lowerAt[i + 4]!.at[3]);
    add(scores, shapeAt[i]!.prev);
    add(scores, shapeAt[i + 2]!.next);
    const before = lowerAt[i + 1]!;
    const here = lowerAt[i + 2]!;
    const after = lowerAt[i + 3]!;
    // Note: the word pairs are looked up by name parts, without making the pair's name.
    if (before.sides[0] && here.sides[1]) add(scores, joinedFeature(weights, 'w-1w=', before.word, '|', here.word));
    if (here.sides[2] && after.sides[3]) add(scores, joinedFeature(weights, 'ww+1=', here.word, '|', after.word));
    const s0 = shapeAt[i]!;
    const s1 = shapeAt[i + 1]!;
    const s2 = shapeAt[i + 2]!;
    let middle = s0.trigrams.get(s1);
    if (!middle) s0.trigrams.set(s1, (middle = new Map()));
    if (!middle.has(s2)) middle.set(s2, weights.get(`s-1s=${s0.shape}|${s1.shape}|${s2.shape}`));
    add(scores, middle.get(s2));
    addScores(weights, rareContextFeatures(view, i, model.lexicons, context), scores);
    add(scores, c.prev[prev]);
    add(scores, c.prev2[labels[i - 2] ?? O]![prev]);
    add(scores, lowerAt[i + 2]!.afterLabel[prev]);
    labels.push(bestAllowed(scores, prev, i === n - 1));
  }
  const out = labels.map((k) => LABELS[k]!);
  if (record) out.forEach((label, i) => {
    if (label !== 'O' && /^\p{Lu}/u.test(words[i]!)) remember(context, words[i]!, label.slice(2));
  });
  return out;
}
