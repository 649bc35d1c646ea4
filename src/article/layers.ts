import type { Span } from './span.js';

/** A token: a word, number or punctuation mark. */
export interface Token extends Span {
  /** Index of the sentence holding the token. */
  readonly sentence: number;
}

/** A stretch of quoted text, marks included, possibly over several sentences or paragraphs. */
export interface Quotation extends Span {
  /** False when the quotation was never closed and was cut at its paragraph's end. */
  readonly closed: boolean;
}

/** The types an entity can have. */
export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'MISC';

/** How a mention refers: by name, by a description (`the North Korean leader`), or by a pronoun. */
export type MentionKind = 'name' | 'nominal' | 'pronoun';

/** One mention of an entity. */
export interface Mention extends Span {
  readonly text: string;
  readonly kind: MentionKind;
}

/** Identifiers an entity is linked to, where a reliable source gives them. */
export interface EntityLinks {
  readonly wikidata: string | null;
  /** ISO 3166 alpha-3. */
  readonly country: string | null;
  /** A CAMEO actor code (`PRKGOV`, `RUS`, `IGOUNO`), resolved for the article's date. */
  readonly cameo: string | null;
}

/** An entity: the mentions of one thing in the article, grouped, typed and linked. */
export interface Entity {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly links: EntityLinks;
  /** The role the article gives a person (`North Korean leader`), if any. */
  readonly role: string | null;
  readonly mentions: readonly Mention[];
}

/** A TIMEX3 time expression, normalised against the article's date. */
export interface Timex extends Span {
  readonly text: string;
  readonly type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 value: `2025-09-13`, `2025-W37`, `P3Y`, `PRESENT_REF`. */
  readonly value: string;
  /** TIMEX3 modifier, when one applies: `START` for `early next year`. */
  readonly mod?: 'START' | 'MID' | 'END' | 'APPROX' | 'LESS_THAN' | 'MORE_THAN';
  /** The recogniser that found it. */
  readonly rule: string;
}

/** A span with its text. */
export interface TextSpan extends Span {
  readonly text: string;
}

/** A channel a statement is relayed through (`the state-run Korean Central News Agency`). */
export interface QuoteSource extends TextSpan {
  /** The channel's entity, if it is one. */
  readonly entity: string | null;
}

/** An attribution: who said (or thought) what, to whom, according to whom. */
export interface Quote {
  readonly id: string;
  readonly kind: 'direct' | 'indirect' | 'mixed';
  /** The speaker's entity id, or null when unnamed (`Analysts`). */
  readonly speaker: string | null;
  readonly speakerText: string | null;
  /** The mention that names the speaker in this attribution (may be `he` or `who`). */
  readonly speakerSpan: TextSpan | null;
  readonly cue: TextSpan;
  readonly content: TextSpan;
  /** The channel chain, outermost last. */
  readonly sources: readonly QuoteSource[];
  /** The addressee's entity id (`told AFP`), if any. */
  readonly addressee: string | null;
  /** The TIMEX3 value of the statement's date when the sentence gives one (`said Saturday`). */
  readonly date: string | null;
  /** Indices of the sentences the quote spans. */
  readonly sentences: readonly number[];
  readonly rule: string;
}

/** One side of an event: the entity (when the actor is one), its CAMEO actor code, and the words that name it here. */
export interface EventActor extends TextSpan {
  readonly entity: string | null;
  /** CAMEO actor code, sector included: `PRKGOV`, `RUSMIL`, `USA`. */
  readonly code: string;
  /** ISO 3166 alpha-3 of the actor's country, where its code starts with one. */
  readonly country: string | null;
}

/** Whether an event happened, is planned, is only possible, or is denied. */
export type EventMode = 'asserted' | 'planned' | 'hypothetical' | 'negated';

/** An event: who did what to whom, coded in CAMEO and PLOVER, with its mode, date, place and source. */
export interface Event {
  readonly id: string;
  /** CAMEO 2.0 event code (`057`). */
  readonly cameo: string;
  /** PLOVER event type (`AGREE`), or null for the CAMEO codes PLOVER leaves out (statements, appeals). */
  readonly plover: string | null;
  readonly mode: EventMode;
  readonly source: readonly EventActor[];
  /** Empty when the event has no target (`Pyongyang will boost its arsenal`). */
  readonly target: readonly EventActor[];
  /** TIMEX3 value of the event's date, when the sentence gives one. */
  readonly date: string | null;
  /** Where it happened, when the clause says (`in Beijing`). */
  readonly place: (TextSpan & { readonly entity: string | null }) | null;
  readonly sentence: number;
  /** The verb or noun that carries the event. */
  readonly trigger: TextSpan;
  /** The quote whose content reports the event, if it is only known from one. */
  readonly quote: string | null;
  /** Who reports it, when it is only known from a quote: the quote's speaker (`Seoul`, `Kim Jong Un`, `state media`). */
  readonly reportedBy: EventReporter | null;
  /** How sure the coder is of the event and its type, 0 to 1 (the learned typer's probability of the type). */
  readonly confidence: number;
  /** The recogniser that found it: `verb`, `pattern` or `noun`. */
  readonly rule: string;
}

/** The speaker of the quote an event is known from: the words that name them, and their entity when they are one. */
export interface EventReporter {
  readonly name: string;
  readonly entity: string | null;
}

/** A token's place in its sentence's dependency tree. */
export interface Dependency {
  /** The index, in the tokens layer, of the token's head; -1 for the root of its sentence. */
  readonly head: number;
  /** The Universal Dependencies relation to the head, subtype included: `nsubj`, `obj`, `obl:agent`, `nsubj:pass`, `root`. */
  readonly relation: string;
}

/** Where a place is: a point, what kind of place it is, its gazetteer id and its country. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
  readonly kind: 'country' | 'region' | 'city' | 'place';
  /** A Wikidata QID (`Q8684`), a GeoNames id (`geonames:1835848`), `admin1:US.IL` or `area:africa`. */
  readonly id: string;
  /** ISO 3166 alpha-3; null for an area over several countries (a continent). */
  readonly country: string | null;
  /** The gazetteer's name of the place. */
  readonly name: string;
}

/** A name mention's own point, where it names another place than its entity (the capital `Seoul` acting as South Korea). */
export interface PlaceMention extends Span {
  readonly text: string;
  readonly geo: GeoPoint;
}

/**
 * A place resolved to a point: a GPE or LOC entity (`entity`), or a place name the recogniser missed and the
 * gazetteer knows (`entity` null, its mentions given).
 */
export interface Place {
  readonly entity: string | null;
  readonly geo: GeoPoint;
  /** For an entity: its mentions whose point differs from the entity's. For a missed name: every mention. */
  readonly mentions: readonly PlaceMention[];
  /** How it was chosen: `country`, `containment`, `context`, `population`, `dateline`, `second-look`. */
  readonly rule: string;
}

/** A positioned, non-fatal problem found by a stage. */
export interface Message extends Span {
  readonly source: string;
  readonly rule: string;
  readonly text: string;
}

/**
 * Every layer an Article can carry. A stage assigns some of them once; none is edited afterwards.
 */
export interface Layers {
  readonly sentences: readonly Span[];
  readonly tokens: readonly Token[];
  /** One Penn Treebank part-of-speech tag per token (`NNP`, `VBD`), in the order of `tokens`. */
  readonly pos: readonly string[];
  /**
   * One dependency per token, in the order of `tokens`; null for every token of a sentence the syntax stage did
   * not parse (by default it parses only sentences that can hold an event: a verb and an actor, an entity linked to a country or CAMEO code).
   */
  readonly deps: readonly (Dependency | null)[];
  readonly quotations: readonly Quotation[];
  readonly entities: readonly Entity[];
  readonly timexes: readonly Timex[];
  readonly quotes: readonly Quote[];
  readonly events: readonly Event[];
  /** The places of the GPE and LOC entities, and names the recogniser missed (the geo stage). */
  readonly places: readonly Place[];
  readonly messages: readonly Message[];
}

/** A layer's name. */
export type LayerName = keyof Layers;

