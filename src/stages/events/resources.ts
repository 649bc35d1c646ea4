import type { ActorIndex } from './actors.js';
import type { ActorDictionary } from './dictionaries/actors.js';
import type { VerbDictionary } from './dictionaries/verbs.js';
import type { EventLexicon } from './lexicon.js';
import type { PloverTyper } from './plover/typer.js';
import type { TargetChooser } from './targets.js';

/** How the coder runs, and the user's dictionaries. */
export interface EventOptions {
  /** Actor dictionaries (with agents) to use besides the entity layer's actors. */
  readonly actors?: readonly ActorDictionary[];
  /** Verb dictionaries to add to (or, with `replaceVerbs`, use instead of) the built-in CAMEO 2.0 one. */
  readonly verbs?: readonly VerbDictionary[];
  readonly replaceVerbs?: boolean;
  /** Code only actors from the given dictionaries, not the entity layer's (as PETRARCH does). */
  readonly actorsOnly?: boolean;
  /** Leave out events without a target (PETRARCH's `require_dyad`). */
  readonly requireDyad?: boolean;
  /**
   * Code a mutual action of coordinated actors (`Moscow and Pyongyang signed a pact`) from each to the others, and
   * a paired code (`visited`: 042 make a visit, 043 host one) both ways, as CAMEO coders and PETRARCH do; by default
   * one predicate is one event (the first actor to the others, the dictionary's own code), so that one action is
   * counted once.
   */
  readonly bothWays?: boolean;
  /** Code plain statements (CAMEO 01: `said`, `noted`) as events, as PETRARCH does; by default a statement is a quote, not an event. */
  readonly codeStatements?: boolean;
  /** Phrases (lower case) that keep a sentence from being coded: sports and other non-political uses (PETRARCH's discards). */
  readonly discards?: readonly string[];
  /**
   * The learned PLOVER typer that decides whether a coded predicate is an event and its PLOVER type; by default
   * the built-in one (none with `replaceVerbs`, where the user's codes are the PLOVER table's); null for none.
   */
  readonly ploverTyper?: PloverTyper | null;
  /** The least typer confidence (0 to 1) an event is kept at; 0 by default. */
  readonly minConfidence?: number;
  /**
   * What chooses a predicate's target among those the parse offers: by default the built-in learned ranker (none
   * with `actorsOnly`, where only known actors are targets); null for the fixed order of preference.
   */
  readonly targetRanker?: TargetChooser | null;
}

/** What the event stage loads once. */
export interface EventResources {
  readonly lexicon: EventLexicon;
  readonly verbs: VerbDictionary;
  readonly actors: ActorIndex;
  readonly typer: PloverTyper | null;
  readonly targets: TargetChooser | null;
  readonly options: EventOptions;
}
