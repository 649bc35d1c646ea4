import type { Token } from '../../article/layers.js';
import { BETWEEN_SUBJECT_AND_CUE, CUE_VERBS, SUBJECT_STOPS } from './locale/en.js';

export const cueVerbs = new Set<string>(CUE_VERBS);
export const between = new Set<string>(BETWEEN_SUBJECT_AND_CUE);
export const subjectStops = new Set<string>(SUBJECT_STOPS);

/** A sentence's tokens with their lower-cased words, for the recognisers. */
export interface SentenceView {
  /** The article's text. */
  readonly text: string;
  readonly index: number;
  readonly tokens: readonly Token[];
  /** The tokens' words as written. */
  readonly forms: readonly string[];
  /** The same, lower-cased. */
  readonly words: readonly string[];
}

/** True for punctuation that ends a subject walking backwards. */
export function isBoundary(word: string): boolean {
  return /^(?:[-–—(),;:"“”«»'`]|--)$/u.test(word);
}
