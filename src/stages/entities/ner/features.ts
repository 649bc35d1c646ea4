import { CLUSTER_PREFIXES, clusterOf, type WordClusters } from './clusters.js';
import { longShape, shortShape } from './shape.js';

/** What the recogniser knows of the document while it tags one sentence. */
export interface DocContext {
  /** Lower-cased word -> counts of the types already predicted for it in this document. */
  readonly history: Map<string, Map<string, number>>;
  /** Lower-cased words that appear in the document in mixed case (not all caps), for all-caps headlines. */
  readonly mixedCase: Map<string, string>;
}

/** Resources the features read, shipped with the model. */
export interface FeatureLexicons {
  /** Lower-cased words seen in lower case in running text: a capitalised one of these is often just sentence-initial. */
  readonly lowercase: ReadonlySet<string>;
  /** Gazetteer tags per token, computed per sentence (see gazetteer.ts). */
  readonly gazetteer?: (words: readonly string[], lower?: readonly string[]) => ReadonlyArray<readonly string[] | undefined>;
  /** Word clusters learned from unlabelled news (see clusters.ts). */
  readonly clusters?: WordClusters;
}

const PUNCT = /^[\p{P}\p{S}]+$/u;

/** True when a word starts with an upper-case letter (an ASCII one told without a regular expression). */
export function startsUpper(w: string): boolean {
  const first = w.charCodeAt(0);
  return first < 128 ? first >= 65 && first <= 90 : /^\p{Lu}/u.test(w);
}

/** True when a word starts with a capital and has a lower-case letter (`Kim`, `McDonald`), ASCII first. */
function isMixedCase(w: string): boolean {
  const first = w.charCodeAt(0);
  if (first < 128 && !(first >= 65 && first <= 90)) return false;
  return /^\p{Lu}/u.test(w) && /\p{Ll}/u.test(w);
}

/** True when a sentence has more than 8 letters and none is lower case (a headline or old wire copy). */
function isCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  for (const w of words) {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c >= 97 && c <= 122) return false;
      if (c >= 65 && c <= 90) letters++;
      else if (c >= 128 && /\p{L}/u.test(w[i]!)) {
        if (/\p{Ll}/u.test(w[i]!)) return false;
        letters++;
      }
    }
  }
  return letters > 8;
}

/** Makes an empty document context. */
export function newDocContext(words: readonly (readonly string[])[]): DocContext {
  const mixedCase = new Map<string, string>();
  for (const sentence of words) {
    for (const w of sentence) {
      if (isMixedCase(w)) mixedCase.set(w.toLowerCase(), shortShape(w));
    }
  }
  return { history: new Map(), mixedCase };
}

/** The type counted most often (the first of equals), or undefined when none is counted. */
export function mostFrequent(counts: ReadonlyMap<string, number> | undefined): string | undefined {
  if (!counts) return undefined;
  let best: string | undefined;
  let most = 0;
  // Note: by keys and values, without the [key, value] array an entries loop makes for each.
  const keys = counts.keys();
  for (const n of counts.values()) {
    const type = keys.next().value!;
    if (n > most) {
      best = type;
      most = n;
    }
  }
  return best;
}

/** Records a predicted type for a word, for later sentences of the same document. */
export function remember(context: DocContext, word: string, type: string): void {
  const key = word.toLowerCase();
  let counts = context.history.get(key);
  if (!counts) context.history.set(key, (counts = new Map()));
  counts.set(type, (counts.get(type) ?? 0) + 1);
}

/** Features of a word on its own (identity, shape, affixes, cluster): the same wherever it occurs, so their scores can be cached. */
export function wordFeatures(w: string, clusters?: WordClusters): string[] {
  const lw = w.toLowerCase();
  const f = ['b', `w=${lw}`, `s=${shortShape(w)}`, `S=${longShape(w)}`];
  for (let k = 1; k <= 4 && k < w.length; k++) f.push(`p${k}=${lw.slice(0, k)}`, `x${k}=${lw.slice(-k)}`);
  if (PUNCT.test(w)) f.push('punct');
  if (clusters) f.push(...clusterFeatures(w, clusters, ''));
  return f;
}

/** The offsets of the neighbouring words whose cluster is a feature. */
export const CLUSTER_NEIGHBOURS = [-2, -1, 1, 2] as const;

/** A word's cluster-path prefixes as features, named for its offset from the token (`''` for the token itself). */
export function clusterFeatures(w: string, clusters: WordClusters, offset: string): string[] {
  const path = clusterOf(clusters, w);
  return path === undefined ? [] : CLUSTER_PREFIXES.map((k) => `c${offset}${k}=${path.slice(0, k)}`);
}

/** Everything a sentence's context features need, computed once per sentence. */
export interface SentenceView {
  readonly words: readonly string[];
  readonly lower: readonly string[];
  readonly shapes: readonly string[];
  readonly capsSentence: boolean;
  readonly gazetteer: ReadonlyArray<readonly string[] | undefined> | undefined;
}

/**
 * Prepares a sentence for {@link contextFeatures}.
 * @param known - the words' lower-cased forms and shapes when the caller has them already (the decoder's caches)
 */
export function viewSentence(words: readonly string[], lexicons: FeatureLexicons, known?: { readonly lower: readonly string[]; readonly shapes: readonly string[] }): SentenceView {
  const lower = known?.lower ?? words.map((w) => w.toLowerCase());
  return {
    words,
    lower,
    shapes: known?.shapes ?? words.map(shortShape),
    capsSentence: isCapsSentence(words),
    gazetteer: lexicons.gazetteer?.(words, lower),
  };
}

/** The offsets of the neighbouring words whose identity is a feature. */
export const NEIGHBOURS = [-2, -1, 1, 2] as const;

/** The word at an offset from token i, lower-cased, or the sentence-boundary marker. */
export function neighbour(view: SentenceView, i: number, d: number): string {
  const j = i + d;
  return j < 0 ? '<s>' : j >= view.words.length ? '</s>' : view.lower[j]!;
}

/** Features of a token in its sentence and document: neighbours, position, case, history, gazetteer. */
export function contextFeatures(view: SentenceView, i: number, lexicons: FeatureLexicons, context: DocContext): string[] {
  const f = NEIGHBOURS.map((d) => `w${d}=${neighbour(view, i, d)}`);
  f.push(`s-1=${view.shapes[i - 1] ?? '<s>'}`, `s+1=${view.shapes[i + 1] ?? '</s>'}`);
  const clusters = lexicons.clusters;
  if (clusters) for (const d of CLUSTER_NEIGHBOURS) {
    const w = view.words[i + d];
    if (w !== undefined) f.push(...clusterFeatures(w, clusters, String(d)));
  }
  return [...f, ...otherContextFeatures(view, i, lexicons, context)];
}

/** The context features that are not a single neighbouring word or shape (those are scored from caches). */
export function otherContextFeatures(view: SentenceView, i: number, lexicons: FeatureLexicons, context: DocContext): string[] {
  const { lower, shapes } = view;
  const lw = lower[i]!;
  return [
    `w-1w=${lower[i - 1] ?? '<s>'}|${lw}`,
    `ww+1=${lw}|${lower[i + 1] ?? '</s>'}`,
    `s-1s=${shapes[i - 1] ?? '<s>'}|${shapes[i]}|${shapes[i + 1] ?? '</s>'}`,
    ...rareContextFeatures(view, i, lexicons, context),
  ];
}

/**
 * Receives one rare context feature by the parts of its name: `prefix + value` or `prefix + value + '|' + second`
 * (so that the decoder can look its weights up without making the name).
 */
export type RareFeatureSink = (prefix: string, value: string, second: string | null) => void;

/** The context features that fire only sometimes: position, case, document history, gazetteer. */
export function rareContextFeatures(view: SentenceView, i: number, lexicons: FeatureLexicons, context: DocContext): string[] {
  const f: string[] = [];
  emitRareContextFeatures(view, i, lexicons, context, (prefix, value, second) => f.push(second === null ? prefix + value : `${prefix}${value}|${second}`));
  return f;
}

/** Gives each of {@link rareContextFeatures} to `emit`, in the same order, without making their names. */
export function emitRareContextFeatures(view: SentenceView, i: number, lexicons: FeatureLexicons, context: DocContext, emit: RareFeatureSink): void {
  const { words, lower, shapes } = view;
  const w = words[i]!;
  const lw = lower[i]!;
  if (i === 0) emit('first', '', null);
  const capitalised = startsUpper(w);
  if (capitalised && lexicons.lowercase.has(lw)) emit(i === 0 ? 'lc-known-first' : 'lc-known', '', null);
  if (view.capsSentence) {
    emit('caps-sent', '', null);
    emit('doc-form=', context.mixedCase.get(lw) || 'none', null);
  }
  const seen = context.history.get(lw);
  if (seen && capitalised) emit('hist=', mostFrequent(seen) ?? '', null);
  const tags = view.gazetteer?.[i];
  if (tags) for (const g of tags) {
    emit('gz=', g, null);
    emit('gzs=', g, shapes[i]!);
  }
}

/**
 * The label-independent features of every token of a sentence (word features and context features).
 * Label-dependent ones (previous labels) are added by {@link withHistory} during decoding.
 */
export function staticFeatures(words: readonly string[], lexicons: FeatureLexicons, context: DocContext): string[][] {
  const view = viewSentence(words, lexicons);
  return words.map((w, i) => [...wordFeatures(w, lexicons.clusters), ...contextFeatures(view, i, lexicons, context)]);
}

/** The features that depend on the labels already chosen for the two previous tokens. */
export function historyFeatures(word: string, prev: string, prev2: string): string[] {
  return [`t-1=${prev}`, `t-2t-1=${prev2}|${prev}`, `t-1w=${prev}|${word.toLowerCase()}`];
}

/** Adds the features that depend on the labels already chosen for the two previous tokens. */
export function withHistory(features: readonly string[], word: string, prev: string, prev2: string): string[] {
  return [...features, ...historyFeatures(word, prev, prev2)];
}
