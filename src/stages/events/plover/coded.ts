import { ploverOf } from '../dictionaries/plover.js';
import type { VerbDictionary } from '../dictionaries/verbs.js';
import { candidateAt, dictionaryCodes, type TokenRange } from './features.js';
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
  const cameo = [e.cameo, ...dictionaryCodes(verbs, e.lower, e.trigger).filter((c) => c !== e.cameo)];
  const decision = typeCandidate(typer, candidateAt(verbs, e, cameo));
  if (!isEvent(decision, threshold)) return null;
  return { plover: typeOfLabel(decision.type, ploverOf(typer.table, e.cameo)), confidence: decision.typeConfidence };
}

/** The CAMEO root each PLOVER label stands closest to, for events the typer finds where the dictionary has no code. */
const CAMEO_ROOT: Readonly<Record<string, string>> = {
  AGREE: '03', CONSULT: '04', SUPPORT: '05', COOPERATE: '06', AID: '07', YIELD: '08', REQUEST: '10', ACCUSE: '11', REJECT: '12',
  THREATEN: '13', PROTEST: '14', MOBILIZE: '15', SANCTION: '16', COERCE: '17', ASSAULT: '18',
};

/** What the typer decides for a predicate the verb dictionary has no entry for: its type, CAMEO root and confidence. */
export interface LearnedEvent extends TypedEvent {
  readonly cameo: string;
}

/**
 * Types a predicate the CAMEO dictionary does not code (`outlawed`, `launched cyber warfare against`): an event
 * only where the typer is at least `threshold` sure of its type and does not take it for NONE; its CAMEO code is
 * the root of its PLOVER type (`18` for ASSAULT), since no dictionary entry gives a finer one.
 */
export function typeLearnedEvent(typer: PloverTyper, verbs: VerbDictionary, e: Omit<CodedEvent, 'cameo'>, threshold: number): LearnedEvent | null {
  const decision = typeCandidate(typer, candidateAt(verbs, e));
  if (decision.label === 'NONE' || decision.typeConfidence < threshold) return null;
  const cameo = CAMEO_ROOT[decision.type];
  if (!cameo) return null;
  return { cameo, plover: typeOfLabel(decision.type, null), confidence: decision.typeConfidence };
}
