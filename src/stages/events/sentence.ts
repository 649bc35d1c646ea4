import type { Token } from '../../article/layers.js';
import { CUE_VERBS } from '../quotes/locale/en.js';

/** CAMEO's code for an actor of unknown code: an entity the knowledge base gives none, a phrase the parse names. */
export const UNKNOWN_ACTOR = '---';

/** The speech verbs (`said`, `warned`), lower case: what they introduce is a quote. */
export const CUE_WORDS: ReadonlySet<string> = new Set<string>(CUE_VERBS);

/** One sentence as the coder reads it: its tokens, their words as written and lower-cased, and their POS tags. */
export interface CoderSentence {
  readonly index: number;
  readonly tokens: readonly Token[];
  readonly forms: readonly string[];
  readonly lower: readonly string[];
  readonly tags: readonly string[];
}

/** One side of an event: an entity (when the actor is one) and its CAMEO actor code, with the text that names it. */
export interface ActorRef {
  readonly entity: string | null;
  readonly code: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A run of coordinated actors in a sentence (`Moscow and Pyongyang`), by token index, inclusive. */
export interface ActorGroup {
  readonly from: number;
  readonly to: number;
  readonly actors: readonly ActorRef[];
  /** For a plural descriptor (`the three leaders`): where it stands and the actors named before it, to pick from again. */
  readonly descriptor?: { readonly at: number; readonly before: readonly ActorRef[] };
}

/** True for a verb tag (VB, VBD, VBG, VBN, VBP, VBZ). */
export const isVerbTag = (tag: string): boolean => tag.startsWith('VB');
