import { WiregraphError } from '../../../errors.js';
import { decodeWeights, encodeWeights, joinedFeature } from '../../../pipeline/weights.js';
import { pairSides, type PairSides } from '../../../pipeline/word-pairs.js';
import { shortShape } from '../../entities/ner/shape.js';
import { ATTRIBUTION_LABELS, CUE_WORDS, labelFeatures, tokenFeatures, type TaggerDocument } from './features.js';

/** Feature weights, one per label. */
export type TaggerWeights = ReadonlyMap<string, Float32Array>;

/** The tagger's model format inside a weights file (`data/models/attribution.weights`, written by `scripts/train-attribution.ts`). */
export const ATTRIBUTION_FORMAT = 'wiregraph-attribution/2';

/** The tagger's quantised weights as the trainer (or the former JSON file) gives them. */
export interface TaggerSource {
  readonly generatedBy: string;
  readonly scale: number;
  /** feature -> [label index, weight, label index, weight, ...] */
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/** Writes the tagger's weights file. */
export function encodeTagger(source: TaggerSource): Buffer {
  return encodeWeights({ format: ATTRIBUTION_FORMAT, generatedBy: source.generatedBy, labels: ATTRIBUTION_LABELS, scale: source.scale, precision: 32, extra: {}, weights: source.features });
}

/**
 * Reads the tagger's weights from the bytes of its weights file.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not an attribution tagger this version reads
 */
export function decodeTagger(bytes: Uint8Array, name: string): TaggerWeights {
  const { header, table } = decodeWeights(bytes, ATTRIBUTION_FORMAT, name);
  if (header.labels.join() !== ATTRIBUTION_LABELS.join() || header.precision !== 32) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} is not an attribution tagger this version reads; run scripts/train-attribution.ts.`);
  }
  return table as unknown as TaggerWeights;
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

interface LowerEntry {
  /**
   * One block per word: w-1=, w+1=, w-2=, w+2= with this word as the neighbour (L weights each, in that
   * order), then t-1w=LABEL|word for each previous label.
   */
  readonly vec: Float64Array;
  readonly isCue: boolean;
  /** The word itself. */
  readonly word: string;
  /** Whether the word stands on the left, and on the right, of some `w-1w=` pair feature. */
  readonly pairLeft: boolean;
  readonly pairRight: boolean;
  /** w=, s=, x3=, cue, qmark, by the word's exact form (its casing). */
  readonly forms: Map<string, Float64Array>;
  /** The form seen last and its weights, checked before the map: most words come in one casing. */
  lastForm: string;
  lastOwn: Float64Array | null;
}

const AT = 0;
const AFTER_LABEL = 4 * L;

interface Caches {
  readonly lower: Map<string, LowerEntry>;
  readonly constant: Map<string, Float64Array>;
  readonly pairs: PairSides;
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
 * itself, and word pairs are looked up by name parts, so that decoding builds no feature string.
 */
export function tagAttributions(weights: ReadonlyMap<string, ArrayLike<number>>, doc: TaggerDocument): string[] {
  let c = caches.get(weights);
  if (!c) {
    const labels = ATTRIBUTION_LABELS;
    c = {
      lower: new Map(),
      constant: new Map(),
      pairs: pairSides(weights, 'w-1w='),
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
      const vec = new Float64Array(8 * L);
      ['w-1', 'w+1', 'w-2', 'w+2'].forEach((p, k) => vec.set(sum(weights, [`${p}=${lw}`]), AT + k * L));
      ATTRIBUTION_LABELS.forEach((l, k) => vec.set(sum(weights, [`t-1w=${l}|${lw}`]), AFTER_LABEL + k * L));
      e = {
        vec,
        isCue: CUE_WORDS.has(lw),
        forms: new Map(),
        lastForm: '',
        lastOwn: null,
        word: lw,
        pairLeft: c!.pairs.left(c!.pairs.hash(lw)),
        pairRight: c!.pairs.right(c!.pairs.hash(lw)),
      };
      c!.lower.set(lw, e);
    }
    return e;
  };
  const lower = doc.lower ?? doc.words.map((w) => w.toLowerCase());
  const n = lower.length;
  const entries = lower.map(lowerEntry);
  const edge = { start: lowerEntry('<s>'), end: lowerEntry('</s>') };
  const entryAt = (k: number): LowerEntry => (k < 0 ? edge.start : k >= n ? edge.end : entries[k]!);
  const isCue = doc.words.map((w, i) => entries[i]!.isCue && /^\p{Ll}/u.test(w));
  const sentenceHasCue = new Set<number>();
  isCue.forEach((x, i) => x && sentenceHasCue.add(doc.sentence[i]!));
  const bias = constant('b');
  const [cuePrev, cueNext, cueNext2, inq, sentcue, first] = ['cue-1', 'cue+1', 'cue+2', 'inq', 'sentcue', 'first'].map(constant) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  // Note: every part of a token's score that does not depend on the labels before it, summed once per token.
  const fixed = new Float64Array(n * L);
  const add = (o: number, v: ArrayLike<number>, from: number): void => {
    for (let k = 0; k < L; k++) fixed[o + k]! += v[from + k]!;
  };
  for (let i = 0; i < n; i++) {
    const w = doc.words[i]!;
    const entry = entries[i]!;
    let own = entry.lastForm === w ? entry.lastOwn : entry.forms.get(w);
    if (!own) {
      const feats = [`w=${lower[i]}`, `s=${shortShape(w)}`, `x3=${lower[i]!.slice(-3)}`];
      if (isCue[i]) feats.push('cue');
      if (/^["“”]$/u.test(w)) feats.push('qmark');
      entry.forms.set(w, (own = sum(weights, feats)));
    }
    entry.lastForm = w;
    entry.lastOwn = own;
    const o = i * L;
    const previous = entryAt(i - 1);
    const next = entryAt(i + 1);
    const next2 = entryAt(i + 2);
    add(o, bias, 0);
    add(o, own, 0);
    add(o, previous.vec, AT);
    add(o, next.vec, AT + L);
    add(o, entryAt(i - 2).vec, AT + 2 * L);
    add(o, next2.vec, AT + 3 * L);
    // Note: the word pair is looked up by name parts, without making its name.
    const bigram = previous.pairLeft && entry.pairRight ? joinedFeature(weights, 'w-1w=', previous.word, '|', entry.word) : undefined;
    if (bigram) add(o, bigram, 0);
    if (next.isCue) add(o, cueNext, 0);
    if (previous.isCue) add(o, cuePrev, 0);
    if (next2.isCue) add(o, cueNext2, 0);
    if (doc.inQuote[i]) add(o, inq, 0);
    if (sentenceHasCue.has(doc.sentence[i]!)) add(o, sentcue, 0);
    if (i === 0 || doc.sentence[i - 1] !== doc.sentence[i]) add(o, first, 0);
  }
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? out[i - 1]! : 0;
    const prev2 = i > 1 ? out[i - 2]! : 0;
    const a = c.prev[prev]!;
    const b = c.prev2[prev2]![prev]!;
    const q = c.prevInQuote[prev]![doc.inQuote[i] ? 1 : 0]!;
    const t = entries[i]!.vec;
    const to = AFTER_LABEL + prev * L;
    const o = i * L;
    let best = 0;
    let bestScore = -Infinity;
    for (let k = 0; k < L; k++) {
      const score = fixed[o + k]! + a[k]! + b[k]! + q[k]! + t[to + k]!;
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    out[i] = best;
  }
  return Array.from(out, (k) => ATTRIBUTION_LABELS[k]!);
}
