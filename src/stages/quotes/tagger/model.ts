import { WiregraphError } from '../../../errors.js';
import { decodeWeights, encodeWeights } from '../../../pipeline/weights.js';
import { shortShape } from '../../entities/ner/shape.js';
import { allowed, ATTRIBUTION_LABELS, FLAG_FEATURES, flagsOf, tagWindowFeatures, tokenFeatures, transitionFeature, type AttributionLabel, type TaggerDocument } from './features.js';

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
  /**
   * By word as written, 8 rows of L: w= and x3= summed, then w-1=, w+1=, w-2=, w+2= with the word as that
   * neighbour, pv= and nv= with it as the verb (all of its lower-cased form), then s= (its shape).
   */
  readonly forms: Map<string, number>;
  /** The forms' vectors, each at its offset in {@link Caches.forms}, one after the other (grown as needed). */
  store: Float64Array;
  /** The offset of the next form's vector. */
  used: number;
  /** By lower-cased word: its first seven rows (shared by the forms that lower-case to it). */
  readonly lower: Map<string, Float64Array>;
  /** By the set bits of {@link flagsOf} plus the bias. */
  readonly flags: Map<number, Float64Array>;
  /** By the ids of the tags of a token and its neighbours ({@link tagKey}): p=, p-1=, p+1=, pp=. */
  readonly tags: Map<number, Float64Array>;
  /** The same for ids below {@link DENSE_TAGS}, by key in a flat array (a Map's lookup per token cost more). */
  readonly denseTags: Array<Float64Array | undefined>;
  /** Tag ids, by tag (`<s>` and `</s>` included), and whether each is a verb's (VB*). */
  readonly tagIds: Map<string, number>;
  readonly verbTags: number[];
  readonly transitions: Float64Array;
}

const caches = new WeakMap<object, Caches>();
const CACHE_LIMIT = 200_000;
/** Forms kept before {@link Caches.forms} starts again (their store is 448 bytes a form). */
const FORM_LIMIT = 65_536;
const POSITIONS = ['w-1', 'w+1', 'w-2', 'w+2'] as const;
/** Rows of a form's vector: word, four neighbours, verb before, verb after, shape. */
const ROWS = 8;
const PV = 5 * L;
const NV = 6 * L;
const SHAPE = 7 * L;
/** Tag ids above this share keys (never met: the tag set has some 50). */
const TAG_RADIX = 1024;
/** Windows of tag ids below this are looked up in {@link Caches.denseTags}. */
const DENSE_TAGS = 64;

function cachesOf(weights: TaggerWeights): Caches {
  let c = caches.get(weights);
  if (!c) caches.set(weights, (c = { forms: new Map(), store: new Float64Array(4096 * ROWS * L), used: 0, lower: new Map(), flags: new Map(), tags: new Map(), denseTags: [], tagIds: new Map(), verbTags: [], transitions: transitionTable(weights) }));
  for (const m of [c.lower, c.flags, c.tags]) if (m.size >= CACHE_LIMIT) m.clear();
  if (c.forms.size >= FORM_LIMIT) {
    c.forms.clear();
    c.used = 0;
  }
  return c;
}

/** The offset in {@link Caches.store} of a word as written ({@link Caches.forms}), made from its lower-cased form's on first sight. */
function formVector(c: Caches, weights: TaggerWeights, form: string, lower: string): number {
  const at = c.forms.get(form);
  if (at !== undefined) return at;
  let own = c.lower.get(lower);
  if (!own) {
    own = new Float64Array(7 * L);
    own.set(sum(weights, [`w=${lower}`, `x3=${lower.slice(-3)}`]), 0);
    POSITIONS.forEach((p, k) => own!.set(sum(weights, [`${p}=${lower}`]), (k + 1) * L));
    own.set(sum(weights, [`pv=${lower}`]), PV);
    own.set(sum(weights, [`nv=${lower}`]), NV);
    c.lower.set(lower, own);
  }
  if (c.used + ROWS * L > c.store.length) {
    const grown = new Float64Array(c.store.length * 2);
    grown.set(c.store);
    c.store = grown;
  }
  const v = c.used;
  c.store.set(own, v);
  c.store.set(sum(weights, [`s=${shortShape(form)}`]), v + SHAPE);
  c.forms.set(form, v);
  c.used += ROWS * L;
  return v;
}

/** A tag's id, given on first sight. */
function tagId(c: Caches, tag: string): number {
  let id = c.tagIds.get(tag);
  if (id === undefined) {
    c.tagIds.set(tag, (id = c.tagIds.size));
    c.verbTags.push(tag.startsWith('VB') ? 1 : 0);
  }
  return id;
}

/** The summed weights of a token's tag window (p=, p-1=, p+1=, pp=) from the ids of its tag and its neighbours'. */
function tagWindow(c: Caches, weights: TaggerWeights, pos: readonly string[], i: number, before: number, own: number, after: number): Float64Array {
  if (before < DENSE_TAGS && own < DENSE_TAGS && after < DENSE_TAGS) {
    const key = (before * DENSE_TAGS + own) * DENSE_TAGS + after;
    let t = c.denseTags[key];
    if (!t) c.denseTags[key] = t = sum(weights, tagWindowFeatures(pos, i));
    return t;
  }
  const key = tagKey(before, own, after);
  let t = c.tags.get(key);
  if (!t) c.tags.set(key, (t = sum(weights, tagWindowFeatures(pos, i))));
  return t;
}

/** The key of a token's tag window from the ids of its tag and its neighbours'. */
const tagKey = (before: number, own: number, after: number): number => (before * TAG_RADIX + own) * TAG_RADIX + after;

/**
 * The tag part of each token's emission (p=, p-1=, p+1=, pp=, pv=, nv=: the features of {@link tagFeatures}),
 * added to `emission`, as `t + b + a` per label in that order (the sums of the plain tagger's order).
 * Note: tags become ids and verbs token indices, so no key string is made per token.
 */
function addTagScores(c: Caches, weights: TaggerWeights, pos: readonly string[], sentence: readonly number[], vecs: Int32Array, emission: Float64Array): void {
  const n = pos.length;
  const ids = new Int32Array(n + 2);
  ids[0] = tagId(c, '<s>');
  for (let i = 0; i < n; i++) ids[i + 1] = tagId(c, pos[i]!);
  ids[n + 1] = tagId(c, '</s>');
  const verbBefore = new Int32Array(n);
  const verbAfter = new Int32Array(n);
  for (let i = 0, at = -1; i < n; i++) {
    if (i > 0 && sentence[i] !== sentence[i - 1]) at = -1;
    verbBefore[i] = at;
    if (c.verbTags[ids[i + 1]!]) at = i;
  }
  for (let i = n - 1, at = -1; i >= 0; i--) {
    if (i < n - 1 && sentence[i] !== sentence[i + 1]) at = -1;
    verbAfter[i] = at;
    if (c.verbTags[ids[i + 1]!]) at = i;
  }
  // Note: no verb reads as the word `-` (verbContext's mark for none), whose rows hold pv=- and nv=-.
  const none = formVector(c, weights, '-', '-');
  const store = c.store;
  for (let i = 0; i < n; i++) {
    const t = tagWindow(c, weights, pos, i, ids[i]!, ids[i + 1]!, ids[i + 2]!);
    const b = (verbBefore[i]! >= 0 ? vecs[verbBefore[i]!]! : none) + PV;
    const a = (verbAfter[i]! >= 0 ? vecs[verbAfter[i]!]! : none) + NV;
    const o = i * L;
    for (let k = 0; k < L; k++) emission[o + k]! += t[k]! + store[b + k]! + store[a + k]!;
  }
}

/**
 * Tags a document, each label as its index in {@link ATTRIBUTION_LABELS}: the same scores as
 * {@link tagAttributionsPlain} (a test checks it), with the parts that depend on one word, one set of flags or
 * one window of tags looked up once and cached, so that decoding builds no feature string for a word seen before.
 */
export function tagAttributionCodes({ weights, cues }: TaggerModel, doc: TaggerDocument): Uint8Array {
  const c = cachesOf(weights);
  const lower = doc.lower ?? doc.words.map((w) => w.toLowerCase());
  const n = lower.length;
  // Note: every form's vector is made before the store is read, as making one may grow (replace) the store.
  const vecs = new Int32Array(n);
  for (let i = 0; i < n; i++) vecs[i] = formVector(c, weights, doc.words[i]!, lower[i]!);
  const start = formVector(c, weights, '<s>', '<s>');
  const end = formVector(c, weights, '</s>', '</s>');
  if (doc.pos && doc.pos.length === n) formVector(c, weights, '-', '-');
  const store = c.store;
  const flags = flagsOf(doc, lower, cues);
  const emission = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    let flag = c.flags.get(flags[i]!);
    if (!flag) {
      const names = ['b', ...FLAG_FEATURES.filter((_, k) => flags[i]! & (1 << k))];
      c.flags.set(flags[i]!, (flag = sum(weights, names)));
    }
    const own = vecs[i]!;
    const p1 = (i >= 1 ? vecs[i - 1]! : start) + L;
    const n1 = (i + 1 < n ? vecs[i + 1]! : end) + 2 * L;
    const p2 = (i >= 2 ? vecs[i - 2]! : start) + 3 * L;
    const n2 = (i + 2 < n ? vecs[i + 2]! : end) + 4 * L;
    const o = i * L;
    for (let k = 0; k < L; k++) emission[o + k] = store[own + k]! + store[p1 + k]! + store[n1 + k]! + store[p2 + k]! + store[n2 + k]! + store[own + SHAPE + k]! + flag[k]!;
  }
  if (doc.pos && doc.pos.length === n) addTagScores(c, weights, doc.pos, doc.sentence, vecs, emission);
  return viterbi(emission, c.transitions, n);
}

/** {@link tagAttributionCodes} as labels. */
export function tagAttributions(model: TaggerModel, doc: TaggerDocument): AttributionLabel[] {
  return Array.from(tagAttributionCodes(model, doc), (k) => ATTRIBUTION_LABELS[k]!);
}
