import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { shortShape } from '../../entities/ner/shape.js';
import { ATTRIBUTION_LABELS, CUE_WORDS, labelFeatures, tokenFeatures, type TaggerDocument } from './features.js';

/** Feature weights, one per label. */
export type TaggerWeights = Map<string, Float32Array>;

/** The tagger's file, `data/models/attribution.json.gz`, written by `scripts/train-attribution.ts`. */
export interface TaggerFile {
  readonly format: 'wiregraph-attribution/1';
  readonly generatedBy: string;
  readonly labels: readonly string[];
  readonly scale: number;
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/** Loads the tagger's weights. */
export function loadTagger(path: string): TaggerWeights {
  const file = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as TaggerFile;
  if (file.format !== 'wiregraph-attribution/1' || file.labels.join() !== ATTRIBUTION_LABELS.join()) throw new Error(`${path} is not an attribution tagger this version reads; run scripts/train-attribution.ts.`);
  const weights: TaggerWeights = new Map();
  for (const [f, pairs] of Object.entries(file.features)) {
    const w = new Float32Array(ATTRIBUTION_LABELS.length);
    for (let i = 0; i < pairs.length; i += 2) w[pairs[i]!] = pairs[i + 1]! * file.scale;
    weights.set(f, w);
  }
  return weights;
}

const L = ATTRIBUTION_LABELS.length;

/**
 * Tags a document greedily with the plain feature sums, exactly as in training. Slow; the stage uses
 * {@link tagAttributions}, which a test checks against this.
 */
export function tagAttributionsPlain(weights: ReadonlyMap<string, ArrayLike<number>>, doc: TaggerDocument): string[] {
  const statics = tokenFeatures(doc);
  const out: string[] = [];
  const scores = new Float64Array(L);
  for (let i = 0; i < doc.words.length; i++) {
    scores.fill(0);
    for (const f of [...statics[i]!, ...labelFeatures(doc.words[i]!, doc.inQuote[i]!, out[i - 1] ?? 'O', out[i - 2] ?? 'O')]) {
      const w = weights.get(f);
      if (w) for (let k = 0; k < L; k++) scores[k]! += w[k]!;
    }
    out.push(ATTRIBUTION_LABELS[argmax(scores)]!);
  }
  return out;
}

function argmax(scores: Float64Array): number {
  let best = 0;
  for (let k = 1; k < L; k++) if (scores[k]! > scores[best]!) best = k;
  return best;
}

/** Summed weights of a list of features. */
function sum(weights: ReadonlyMap<string, ArrayLike<number>>, features: readonly string[]): Float64Array {
  const out = new Float64Array(L);
  for (const f of features) {
    const w = weights.get(f);
    if (w) for (let k = 0; k < L; k++) out[k]! += w[k]!;
  }
  return out;
}

interface WordEntry {
  /** w=, s=, x3=, cue (for this exact form), qmark. */
  readonly own: Float64Array;
}

interface LowerEntry {
  /** w-1=, w+1=, w-2=, w+2= with this word as the neighbour. */
  readonly at: readonly Float64Array[];
  /** t-1w=LABEL|word, per previous label. */
  readonly afterLabel: readonly Float64Array[];
  readonly isCue: boolean;
}

interface Caches {
  readonly own: Map<string, WordEntry>;
  readonly lower: Map<string, LowerEntry>;
  readonly constant: Map<string, Float64Array>;
  /** t-1= by previous label; t-2t-1= by the two previous; t-1inq= by previous label and in-quotation. */
  readonly prev: readonly Float64Array[];
  readonly prev2: readonly (readonly Float64Array[])[];
  readonly prevInQuote: readonly (readonly Float64Array[])[];
}

const caches = new WeakMap<object, Caches>();
const CACHE_LIMIT = 200_000;

/**
 * Tags a document greedily. Each token's score is the same sum as in {@link tagAttributionsPlain} (a test
 * checks it); the parts that depend on one word or one label are looked up once and cached by the word
 * itself, so that decoding builds one feature string per token (the bigram).
 */
export function tagAttributions(weights: ReadonlyMap<string, ArrayLike<number>>, doc: TaggerDocument): string[] {
  let c = caches.get(weights);
  if (!c) {
    const labels = ATTRIBUTION_LABELS;
    c = {
      own: new Map(),
      lower: new Map(),
      constant: new Map(),
      prev: labels.map((p) => sum(weights, [`t-1=${p}`])),
      prev2: labels.map((p2) => labels.map((p) => sum(weights, [`t-2t-1=${p2}${p}`]))),
      prevInQuote: labels.map((p) => [sum(weights, [`t-1inq=${p}`]), sum(weights, [`t-1inq=${p}Q`])]),
    };
    caches.set(weights, c);
  }
  const constant = (f: string): Float64Array => {
    let v = c!.constant.get(f);
    if (!v) c!.constant.set(f, (v = sum(weights, [f])));
    return v;
  };
  const lowerEntry = (lw: string): LowerEntry => {
    let e = c!.lower.get(lw);
    if (!e) {
      if (c!.lower.size >= CACHE_LIMIT) c!.lower.clear();
      e = {
        at: ['w-1', 'w+1', 'w-2', 'w+2'].map((p) => sum(weights, [`${p}=${lw}`])),
        afterLabel: ATTRIBUTION_LABELS.map((l) => sum(weights, [`t-1w=${l}|${lw}`])),
        isCue: CUE_WORDS.has(lw),
      };
      c!.lower.set(lw, e);
    }
    return e;
  };
  const lower = doc.lower ?? doc.words.map((w) => w.toLowerCase());
  const entries = lower.map(lowerEntry);
  const edge = { start: lowerEntry('<s>'), end: lowerEntry('</s>') };
  const entryAt = (k: number): LowerEntry => (k < 0 ? edge.start : k >= lower.length ? edge.end : entries[k]!);
  const isCue = doc.words.map((w, i) => entries[i]!.isCue && /^\p{Ll}/u.test(w));
  const sentenceHasCue = new Set<number>();
  isCue.forEach((x, i) => x && sentenceHasCue.add(doc.sentence[i]!));
  const out: number[] = [];
  const scores = new Float64Array(L);
  const add = (v: ArrayLike<number>): void => {
    for (let k = 0; k < L; k++) scores[k]! += v[k]!;
  };
  for (let i = 0; i < doc.words.length; i++) {
    const w = doc.words[i]!;
    let own = c.own.get(w);
    if (!own) {
      if (c.own.size >= CACHE_LIMIT) c.own.clear();
      const feats = [`w=${lower[i]}`, `s=${shortShape(w)}`, `x3=${lower[i]!.slice(-3)}`];
      if (isCue[i]) feats.push('cue');
      if (/^["“”]$/u.test(w)) feats.push('qmark');
      c.own.set(w, (own = { own: sum(weights, feats) }));
    }
    scores.fill(0);
    add(constant('b'));
    add(own.own);
    add(entryAt(i - 1).at[0]!);
    add(entryAt(i + 1).at[1]!);
    add(entryAt(i - 2).at[2]!);
    add(entryAt(i + 2).at[3]!);
    const bigram = weights.get(`w-1w=${i > 0 ? lower[i - 1] : '<s>'}|${lower[i]}`);
    if (bigram) add(bigram);
    if (entryAt(i + 1).isCue) add(constant('cue+1'));
    if (entryAt(i - 1).isCue) add(constant('cue-1'));
    if (entryAt(i + 2).isCue) add(constant('cue+2'));
    if (doc.inQuote[i]) add(constant('inq'));
    if (sentenceHasCue.has(doc.sentence[i]!)) add(constant('sentcue'));
    if (i === 0 || doc.sentence[i - 1] !== doc.sentence[i]) add(constant('first'));
    const prev = out[i - 1] ?? 0;
    const prev2 = out[i - 2] ?? 0;
    add(c.prev[prev]!);
    add(c.prev2[prev2]![prev]!);
    add(c.prevInQuote[prev]![doc.inQuote[i] ? 1 : 0]!);
    add(entries[i]!.afterLabel[prev]!);
    out.push(argmax(scores));
  }
  return out.map((k) => ATTRIBUTION_LABELS[k]!);
}
