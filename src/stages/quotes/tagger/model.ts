import { WiregraphError } from '../../../errors.js';
import { decodeWeights, encodeWeights } from '../../../pipeline/weights.js';
import { shortShape } from '../../entities/ner/shape.js';
import { allowed, ATTRIBUTION_LABELS, FLAG_FEATURES, flagsOf, tagAt, tagWindowFeatures, tokenFeatures, verbContext, transitionFeature, type AttributionLabel, type TaggerDocument } from './features.js';

/** Feature weights, one per label. */
export type TaggerWeights = ReadonlyMap<string, ArrayLike<number>>;

/** The tagger: its weights and the cue words it learned (those often heading a cue in training). */
export interface TaggerModel {
  readonly weights: TaggerWeights;
  readonly cues: ReadonlySet<string>;
}

/** The tagger's model format inside a weights file (`data/models/attribution.weights`, written by `scripts/train-attribution.ts`). */
export const ATTRIBUTION_FORMAT = 'wiregraph-attribution/3';

/** The tagger's quantised weights as the trainer gives them. */
export interface TaggerSource {
  readonly generatedBy: string;
  readonly scale: number;
  /** feature -> [label index, weight, label index, weight, ...] */
  readonly features: Readonly<Record<string, readonly number[]>>;
  /** The learned cue words (none for a model converted from the former JSON files). */
  readonly cues?: readonly string[];
}

/** Writes the tagger's weights file. */
export function encodeTagger(source: TaggerSource): Buffer {
  return encodeWeights({ format: ATTRIBUTION_FORMAT, generatedBy: source.generatedBy, labels: ATTRIBUTION_LABELS, scale: source.scale, precision: 32, extra: { cues: source.cues ?? [] }, weights: source.features });
}

/**
 * Reads the tagger's weights from the bytes of its weights file.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not an attribution tagger this version reads
 */
export function decodeTagger(bytes: Uint8Array, name: string): TaggerModel {
  const { header, table } = decodeWeights(bytes, ATTRIBUTION_FORMAT, name);
  const cues = header.extra['cues'];
  if (header.labels.join() !== ATTRIBUTION_LABELS.join() || header.precision !== 32 || !Array.isArray(cues)) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} is not an attribution tagger this version reads; run scripts/train-attribution.ts.`);
  }
  return { weights: table, cues: new Set(cues as string[]) };
}

const L = ATTRIBUTION_LABELS.length;

/** Summed weights of a list of features. */
function sum(weights: TaggerWeights, features: readonly string[]): Float64Array {
  const out = new Float64Array(L);
  for (const f of features) {
    const w = weights.get(f);
    if (w) for (let k = 0; k < L; k++) out[k]! += w[k]!;
  }
  return out;
}

/** transitions[from * L + to]: the weight of `to` following `from`, -Infinity where BIO forbids it. */
export function transitionTable(weights: TaggerWeights): Float64Array {
  const out = new Float64Array(L * L);
  ATTRIBUTION_LABELS.forEach((from, a) => {
    const row = sum(weights, [transitionFeature(from)]);
    ATTRIBUTION_LABELS.forEach((to, b) => (out[a * L + b] = allowed(from, to) ? row[b]! : -Infinity));
  });
  return out;
}

/**
 * The best label sequence under per-token scores (`emission[i * L + label]`) and transitions, by Viterbi;
 * the first token follows `O`.
 */
export function viterbi(emission: Float64Array, transitions: Float64Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const back = new Uint8Array(n * L);
  let prev = new Float64Array(L);
  let cur = new Float64Array(L);
  for (let k = 0; k < L; k++) prev[k] = transitions[k]! + emission[k]!;
  for (let i = 1; i < n; i++) {
    const o = i * L;
    for (let b = 0; b < L; b++) {
      let best = -Infinity;
      let arg = 0;
      for (let a = 0; a < L; a++) {
        const s = prev[a]! + transitions[a * L + b]!;
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      cur[b] = best + emission[o + b]!;
      back[o + b] = arg;
    }
    [prev, cur] = [cur, prev];
  }
  let last = 0;
  for (let k = 1; k < L; k++) if (prev[k]! > prev[last]!) last = k;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = last;
    last = back[i * L + last]!;
  }
  return out;
}

/**
 * Tags a document by Viterbi over the plain feature sums, exactly as in training. Slow; the stage uses
 * {@link tagAttributions}, which a test checks against this.
 */
export function tagAttributionsPlain({ weights, cues }: TaggerModel, doc: TaggerDocument): AttributionLabel[] {
  const statics = tokenFeatures(doc, cues);
  const emission = new Float64Array(statics.length * L);
  statics.forEach((f, i) => emission.set(sum(weights, f), i * L));
  return Array.from(viterbi(emission, transitionTable(weights), statics.length), (k) => ATTRIBUTION_LABELS[k]!);
}

interface Caches {
  /** By lower-cased word: w=, x3=, then w-1=, w+1=, w-2=, w+2= with the word as that neighbour (L each). */
  readonly lower: Map<string, Float64Array>;
  /** By word as written: s=. */
  readonly shape: Map<string, Float64Array>;
  /** By the set bits of {@link flagsOf} plus the bias. */
  readonly flags: Map<number, Float64Array>;
  /** By the tags of a token and its neighbours (`DT NN VBD`): p=, p-1=, p+1=, pp=. */
  readonly tags: Map<string, Float64Array>;
  /** By the nearest verb before (pv=) and after (nv=) a token. */
  readonly verbBefore: Map<string, Float64Array>;
  readonly verbAfter: Map<string, Float64Array>;
  readonly transitions: Float64Array;
}

const caches = new WeakMap<object, Caches>();
const CACHE_LIMIT = 200_000;
const POSITIONS = ['w-1', 'w+1', 'w-2', 'w+2'] as const;

function cachesOf(weights: TaggerWeights): Caches {
  let c = caches.get(weights);
  if (!c) caches.set(weights, (c = { lower: new Map(), shape: new Map(), flags: new Map(), tags: new Map(), verbBefore: new Map(), verbAfter: new Map(), transitions: transitionTable(weights) }));
  for (const m of [c.lower, c.shape, c.flags, c.tags, c.verbBefore, c.verbAfter]) if (m.size >= CACHE_LIMIT) m.clear();
  return c;
}

/**
 * Tags a document: the same scores as {@link tagAttributionsPlain} (a test checks it), with the parts that
 * depend on one word, one form or one set of flags looked up once and cached, so that decoding builds no
 * feature string for a word seen before.
 */
export function tagAttributions({ weights, cues }: TaggerModel, doc: TaggerDocument): AttributionLabel[] {
  const c = cachesOf(weights);
  const lower = doc.lower ?? doc.words.map((w) => w.toLowerCase());
  const n = lower.length;
  const wordVec = (lw: string): Float64Array => {
    let v = c.lower.get(lw);
    if (!v) {
      v = new Float64Array(5 * L);
      v.set(sum(weights, [`w=${lw}`, `x3=${lw.slice(-3)}`]), 0);
      POSITIONS.forEach((p, k) => v!.set(sum(weights, [`${p}=${lw}`]), (k + 1) * L));
      c.lower.set(lw, v);
    }
    return v;
  };
  const vecs = lower.map(wordVec);
  const edge = { start: wordVec('<s>'), end: wordVec('</s>') };
  const at = (k: number): Float64Array => (k < 0 ? edge.start : k >= n ? edge.end : vecs[k]!);
  const flags = flagsOf(doc, lower, cues);
  const emission = new Float64Array(n * L);
  const pos = doc.pos && doc.pos.length === n ? doc.pos : null;
  const verbs = pos ? verbContext(doc, lower, pos) : null;
  const cached = (m: Map<string, Float64Array>, key: string, features: () => string[]): Float64Array => {
    let v = m.get(key);
    if (!v) m.set(key, (v = sum(weights, features())));
    return v;
  };
  for (let i = 0; i < n; i++) {
    const w = doc.words[i]!;
    let shape = c.shape.get(w);
    if (!shape) c.shape.set(w, (shape = sum(weights, [`s=${shortShape(w)}`])));
    let flag = c.flags.get(flags[i]!);
    if (!flag) {
      const names = ['b', ...FLAG_FEATURES.filter((_, k) => flags[i]! & (1 << k))];
      c.flags.set(flags[i]!, (flag = sum(weights, names)));
    }
    const own = vecs[i]!;
    const p1 = at(i - 1);
    const n1 = at(i + 1);
    const p2 = at(i - 2);
    const n2 = at(i + 2);
    const o = i * L;
    for (let k = 0; k < L; k++) emission[o + k] = own[k]! + p1[L + k]! + n1[2 * L + k]! + p2[3 * L + k]! + n2[4 * L + k]! + shape[k]! + flag[k]!;
    if (pos && verbs) {
      const t = cached(c.tags, `${tagAt(pos, i - 1)} ${pos[i]} ${tagAt(pos, i + 1)}`, () => tagWindowFeatures(pos, i));
      const b = cached(c.verbBefore, verbs.before[i]!, () => [`pv=${verbs.before[i]}`]);
      const a = cached(c.verbAfter, verbs.after[i]!, () => [`nv=${verbs.after[i]}`]);
      for (let k = 0; k < L; k++) emission[o + k]! += t[k]! + b[k]! + a[k]!;
    }
  }
  return Array.from(viterbi(emission, c.transitions, n), (k) => ATTRIBUTION_LABELS[k]!);
}
