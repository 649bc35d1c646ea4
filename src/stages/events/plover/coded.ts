import { ploverOf } from '../dictionaries/plover.js';
import type { VerbDictionary } from '../dictionaries/verbs.js';
import { contextCodes, dictionaryCodes, followingCodes, type TokenRange } from './features.js';
import { typeOfLabel } from './labels.js';
import { isEvent, typeCandidate, type PloverTyper } from './typer.js';

/** What the event coder knows of an event it is about to emit, for the typer. */
export interface CodedEvent {
  readonly lower: readonly string[];
  readonly tags: readonly string[];
  /** The trigger's first token. */
  readonly trigger: number;
  readonly source: TokenRange | null;
  readonly target: TokenRange | null;
  /** The CAMEO code the dictionary and its patterns gave. */
  readonly cameo: string;
}

/** The PLOVER type the typer gives a coded event, and how sure it is. */
export interface TypedEvent {
  readonly plover: string | null;
  readonly confidence: number;
}

/**
 * Types an event the CAMEO coder found: null when the typer takes its predicate for no event (or is less sure of
 * its type than `threshold`), else the learned PLOVER type (YIELD as the CAMEO table's CONCEDE or RETREAT).
 * @param threshold - the least confidence an event is kept at
 */
export function typeCodedEvent(typer: PloverTyper, verbs: VerbDictionary, e: CodedEvent, threshold = 0): TypedEvent | null {
  const arms = { lower: e.lower, trigger: e.trigger, source: e.source, target: e.target };
  const cameo = [e.cameo, ...dictionaryCodes(verbs, e.lower, e.trigger).filter((c) => c !== e.cameo)];
  const decision = typeCandidate(typer, { ...arms, tags: e.tags, cameo, context: contextCodes(verbs, arms), following: followingCodes(verbs, e.lower, e.trigger) });
  if (!isEvent(decision, threshold)) return null;
  return { plover: typeOfLabel(decision.type, ploverOf(typer.table, e.cameo)), confidence: decision.typeConfidence };
}
