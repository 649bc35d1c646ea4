import { WiregraphError } from '../../../errors.js';
import { decodeWeights, encodeWeights, joinedFeature } from '../../../pipeline/weights.js';
import { NEIGHBOURS, neighbourFeatures, ownFeatures, staticFeatures, tagFeatures, type PosSentence } from './features.js';

/** The part-of-speech model format inside a weights file (`data/models/pos.weights`, written by `scripts/train-pos.ts`). */
export const POS_FORMAT = 'wiregraph-pos/2';

/** The tagger's quantised weights as the trainer (or the former JSON file) gives them. */
export interface PosSource {
  readonly generatedBy: string;
  readonly tags: readonly string[];
  /** Frequent words that take one tag almost always (`the` -> DT): tagged from this table, without scoring. */
  readonly unambiguous: Readonly<Record<string, string>>;
  readonly scale: number;
  /** feature -> [tag index, weight, tag index, weight, ...] */
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/** A loaded tagger: its tags and one weight per tag for each feature, with caches filled as it runs. */
export interface PosModel {
  readonly tags: readonly string[];
  /** Exact word form -> its one tag, for frequent unambiguous words. */
  readonly unambiguous: ReadonlyMap<string, string>;
  readonly tagIndex: ReadonlyMap<string, number>;
  readonly weights: ReadonlyMap<string, Float64Array>;
  readonly cache: PosCache;
}

interface WordEntry {
  /** Summed weights of the word's neighbour features, one block of tags per entry of NEIGHBOURS. */
  readonly near: Float64Array;
  /** t-1w= for this word: the weights by previous tag (0 for the start), for the few tags the model has them for. */
  readonly afterTag: ReadonlyArray<readonly [number, Float64Array]>;
}

interface PosCache {
  /** The previous tags as `t-1w=` names them, the sentence start first. */
  readonly previousTags: readonly string[];
  readonly own: Map<string, Float64Array>;
  readonly words: Map<string, WordEntry>;
  /** t-1= by previous tag, t-2t-1= by the two previous. */
  readonly prev: Float64Array;
  readonly prev2: Float64Array;
}

const CACHE_LIMIT = 200_000;

/** Builds a model from weights (a file's, or the trainer's). */
export function posModel(tags: readonly string[], weights: ReadonlyMap<string, Float64Array>, unambiguous: ReadonlyMap<string, string> = new Map()): PosModel {
  const n = tags.length;
  const start = '<s>';
  const all = [start, ...tags];
  const prev = new Float64Array(all.length * n);
  const prev2 = new Float64Array(all.length * all.length * n);
  // Note: summed in place; a typed array per pair of tags costs a backing store each and garbage collection.
  all.forEach((p, i) => {
    addInto(prev, i * n, weights.get(`t-1=${p}`), n);
    all.forEach((p2, j) => addInto(prev2, (j * all.length + i) * n, weights.get(`t-2t-1=${p2}|${p}`), n));
  });
  // Note: the t-1w= features are looked up when a word is first met, by name parts (no string is made); an index
  // of the model's 41,000 of them built at load cost 12 MB of heap and a tenth of a second of every cold start.
  return { tags, unambiguous, tagIndex: new Map(tags.map((t, i) => [t, i])), weights, cache: { previousTags: all, own: new Map(), words: new Map(), prev, prev2 } };
}

/** Writes the tagger's weights file. */
export function encodePosModel(source: PosSource): Buffer {
  return encodeWeights({ format: POS_FORMAT, generatedBy: source.generatedBy, labels: source.tags, scale: source.scale, precision: 64, extra: { unambiguous: source.unambiguous }, weights: source.features });
}

/**
 * Reads the tagger from the bytes of its weights file.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not a tagger this version reads
 */
export function decodePosModel(bytes: Uint8Array, name: string): PosModel {
  const { header, table } = decodeWeights(bytes, POS_FORMAT, name);
  if (header.precision !== 64) throw new WiregraphError('WG_MODEL_FORMAT', `${name}: the tagger's weights must be 64-bit; run scripts/train-pos.ts.`);
  const unambiguous = (header.extra['unambiguous'] ?? {}) as Record<string, string>;
  return posModel(header.labels, table as unknown as ReadonlyMap<string, Float64Array>, new Map(Object.entries(unambiguous)));
}

function addInto(out: Float64Array, at: number, w: ArrayLike<number> | undefined, n: number): void {
  if (w) for (let k = 0; k < n; k++) out[at + k]! += w[k]!;
}

function sum(weights: ReadonlyMap<string, ArrayLike<number>>, n: number, features: readonly string[]): Float64Array {
  const out = new Float64Array(n);
  for (const f of features) {
    const w = weights.get(f);
    if (w) for (let k = 0; k < n; k++) out[k]! += w[k]!;
  }
  return out;
}

function argmax(scores: ArrayLike<number>, n: number): number {
  let best = 0;
  for (let k = 1; k < n; k++) if (scores[k]! > scores[best]!) best = k;
  return best;
}

/**
 * Tags a sentence greedily with the plain feature sums, exactly as in training. Slow; {@link tagPos} is the
 * same sum from caches, and a test checks that they agree.
 */
export function tagPosPlain(model: PosModel, sentence: PosSentence): string[] {
  const n = model.tags.length;
  const statics = staticFeatures(sentence);
  const out: string[] = [];
  for (let i = 0; i < sentence.words.length; i++) {
    const known = model.unambiguous.get(sentence.words[i]!);
    if (known) {
      out.push(known);
      continue;
    }
    const feats = [...statics[i]!, ...tagFeatures(sentence.words[i]!.toLowerCase(), out[i - 1] ?? '<s>', out[i - 2] ?? '<s>')];
    out.push(model.tags[argmax(sum(model.weights, n, feats), n)]!);
  }
  return out;
}

/** Tags a sentence greedily (Penn Treebank tags). The parts of each score that depend on one word are cached by the word. */
export function tagPos(model: PosModel, sentence: PosSentence): string[] {
  const { tags, weights, cache } = model;
  const n = tags.length;
  const all = n + 1;
  const lower = sentence.lower ?? sentence.words.map((w) => w.toLowerCase());
  const entry = (lw: string): WordEntry => {
    let e = cache.words.get(lw);
    if (!e) {
      if (cache.words.size >= CACHE_LIMIT) cache.words.clear();
      const near = new Float64Array(NEIGHBOURS.length * n);
      NEIGHBOURS.forEach((o, k) => near.set(sum(weights, n, neighbourFeatures(o, lw)), k * n));
      const afterTag: Array<readonly [number, Float64Array]> = [];
      cache.previousTags.forEach((tag, k) => {
        const w = joinedFeature(weights, 't-1w=', tag, '|', lw);
        if (w) afterTag.push([k, w]);
      });
      cache.words.set(lw, (e = { near, afterTag }));
    }
    return e;
  };
  // Note: one lookup per token; the neighbours' entries are read from this array.
  const entries = lower.map(entry);
  const edge = { start: entry('<s>'), end: entry('</s>') };
  const at = (k: number): WordEntry => (k < 0 ? edge.start : k >= lower.length ? edge.end : entries[k]!);
  const out: number[] = [];
  const scores = new Float64Array(n);
  const tagIndex = model.tagIndex;
  for (let i = 0; i < lower.length; i++) {
    const w = sentence.words[i]!;
    const known = model.unambiguous.get(w);
    if (known) {
      out.push(tagIndex.get(known)!);
      continue;
    }
    let own = cache.own.get(w);
    if (!own) {
      if (cache.own.size >= CACHE_LIMIT) cache.own.clear();
      cache.own.set(w, (own = sum(weights, n, ownFeatures(w))));
    }
    // Note: NEIGHBOURS is [-1, 1, -2, 2]; each neighbour's block sits at its position in that list. One loop
    // sums the word's own weights, its four neighbours' and the two previous tags'.
    const a = at(i - 1).near;
    const b = at(i + 1).near;
    const c = at(i - 2).near;
    const d = at(i + 2).near;
    // Note: index 0 of the previous-tag tables is the sentence start.
    const p = i > 0 ? out[i - 1]! + 1 : 0;
    const p2 = i > 1 ? out[i - 2]! + 1 : 0;
    const po = p * n;
    const p2o = (p2 * all + p) * n;
    const { prev, prev2 } = cache;
    for (let t = 0; t < n; t++) scores[t] = own[t]! + a[t]! + b[n + t]! + c[2 * n + t]! + d[3 * n + t]! + prev[po + t]! + prev2[p2o + t]!;
    for (const [k, w] of entries[i]!.afterTag) if (k === p) for (let t = 0; t < n; t++) scores[t]! += w[t]!;
    out.push(argmax(scores, n));
  }
  return out.map((k) => tags[k]!);
}
