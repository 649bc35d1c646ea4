import { shortShape } from '../../entities/ner/shape.js';

/** A sentence as the part-of-speech tagger sees it. */
export interface PosSentence {
  readonly words: readonly string[];
  /** The words lower-cased, when the caller has them already. */
  readonly lower?: readonly string[];
}

/** Features of a word's own form (its casing kept). */
export function ownFeatures(word: string): string[] {
  const lower = word.toLowerCase();
  return ['b', `w=${lower}`, `s=${shortShape(word)}`, `x1=${lower.slice(-1)}`, `x2=${lower.slice(-2)}`, `x3=${lower.slice(-3)}`, `p1=${word[0]}`];
}

/** The neighbour positions whose words (lower-cased) and suffixes are features, in the order the model caches them. */
export const NEIGHBOURS = [-1, 1, -2, 2] as const;

/** Features of the neighbour at `offset` from a token, given the neighbour's lower-cased word. */
export function neighbourFeatures(offset: number, lower: string): string[] {
  const f = [`w${offset}=${lower}`];
  if (offset === -1 || offset === 1) f.push(`x${offset}=${lower.slice(-3)}`);
  return f;
}

/** The lower-cased word standing at position k, or the sentence-edge markers. */
export function wordAt(lower: readonly string[], k: number): string {
  return k < 0 ? '<s>' : k >= lower.length ? '</s>' : lower[k]!;
}

/** Every label-independent feature of each token. */
export function staticFeatures(sentence: PosSentence): string[][] {
  const lower = sentence.words.map((w) => w.toLowerCase());
  return sentence.words.map((w, i) => [...ownFeatures(w), ...NEIGHBOURS.flatMap((o) => neighbourFeatures(o, wordAt(lower, i + o)))]);
}

/** Features that depend on the tags chosen for the two previous tokens. */
export function tagFeatures(lower: string, prev: string, prev2: string): string[] {
  return [`t-1=${prev}`, `t-2t-1=${prev2}|${prev}`, `t-1w=${prev}|${lower}`];
}

/**
 * EWT writes a few tags its own way; the tagger learns CoNLL-2003's tag set, so that one set of conventions is
 * learned (brackets, quotes, hyphens, and web-only tags). Training and evaluation map EWT tags with this.
 */
export const EWT_TO_CONLL: Readonly<Record<string, string>> = { '-LRB-': '(', '-RRB-': ')', '``': '"', "''": '"', HYPH: ':', NFP: ':', ADD: 'NN', AFX: 'JJ', GW: 'FW', 'NN|SYM': 'NN' };
