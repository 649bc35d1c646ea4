import type { EventMode } from '../article/layers.js';
import type { Page, PageOptions } from './store.js';

/** An entity resolved across articles. */
export interface GlobalEntity {
  readonly id: number;
  readonly type: string;
  readonly name: string;
  readonly wikidata: string | null;
  readonly country: string | null;
  readonly cameo: string | null;
  /** Mentions in the stored texts, and the texts (articles) that mention it. */
  readonly mentions: number;
  readonly articles: number;
  /** Stories that mention it (each counted once however many copies and versions it has), and copies (publications). */
  readonly stories: number;
  readonly copies: number;
}

/** What counts are counted in: stories (each story once, the default) or copies (each publication). */
export type CountBy = 'stories' | 'copies';

/** One article (text) a fact was found in, with the outlets that published that text. */
export interface FactOccurrence {
  readonly article: string;
  /** The quote's or event's row in that article. */
  readonly row: number;
  /** Publications of the text, and the distinct outlets among them (copies without an outlet are not listed). */
  readonly copies: number;
  readonly outlets: readonly string[];
}

/**
 * A quote or event counted once per story: its occurrences in the story's articles, how many copies and
 * outlets carried it, and how many independent sources report it (distinct originators of the stories that
 * carry the same claim, a story with no known originator counting as a source of its own).
 */
export interface FactCounts {
  /** The fact's id, or null for a row stored without one. */
  readonly fact: number | null;
  readonly copies: number;
  readonly outlets: number;
  readonly sources: number;
  readonly occurrences: readonly FactOccurrence[];
}

/** Where a fact came from: the article, the sentence, and the span in the article's text. */
export interface SourceRef {
  readonly article: string;
  readonly headline: string | null;
  readonly published: string | null;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
}

/** A stored quote, with the counts of the fact it is an occurrence of. */
export interface QuoteRow extends FactCounts {
  readonly id: number;
  readonly speaker: number | null;
  readonly speakerText: string | null;
  readonly kind: string;
  readonly cue: string;
  readonly content: string;
  readonly date: string | null;
  readonly source: SourceRef;
}

/** One side of a stored event. */
export interface EventActorRow {
  readonly entity: number | null;
  readonly name: string | null;
  readonly code: string;
  readonly country: string | null;
  readonly text: string;
}

/** A stored event, with the counts of the fact it is an occurrence of. */
export interface EventRow extends FactCounts {
  readonly id: number;
  readonly cameo: string;
  readonly plover: string | null;
  /** `verbal-cooperation`, `material-cooperation`, `verbal-conflict`, `material-conflict`. */
  readonly quad: string;
  readonly mode: EventMode;
  readonly date: string | null;
  readonly trigger: string;
  readonly sourceActors: readonly EventActorRow[];
  readonly targetActors: readonly EventActorRow[];
  readonly source: SourceRef;
  /** How sure the coder was of the event and its type, 0 to 1. */
  readonly confidence: number;
  /** Who reports it, when it is only known from a quote; null when the article states it. */
  readonly reportedBy: EventReporterRow | null;
  /** The quote it is known from, or null. */
  readonly quote: EventQuoteRef | null;
}

/** Who reports an event: the words that name the quote's speaker here, and the speaker's global entity. */
export interface EventReporterRow {
  readonly name: string;
  readonly entity: number | null;
}

/** The quote an event is known from, in the event's article (its content at `start`..`end`). */
export interface EventQuoteRef {
  readonly id: number;
  /** `direct`, `indirect` or `mixed`. */
  readonly kind: string;
  readonly speaker: number | null;
  readonly speakerText: string | null;
  /** The channels it is relayed through (`the state-run Korean Central News Agency`), outermost last. */
  readonly channels: readonly string[];
  readonly start: number;
  readonly end: number;
}

/**
 * The modes of events a query takes: a list, or `all`. Counts of what happened (timelines, network weights, an
 * entity's events) take only `asserted` events unless asked; lists of events take every mode unless asked.
 */
export type EventModes = readonly EventMode[] | 'all';

/** The CAMEO quad classes an event is in (see {@link quadClass}). */
export const QUAD_CLASSES = ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict'] as const;
/** One of the {@link QUAD_CLASSES}. */
export type QuadClass = (typeof QUAD_CLASSES)[number];

/**
 * The analyst's filters, which every list takes (articles, search hits, quotes, events, the network, the timeline,
 * entities). What each applies to:
 * - `from`, `to`: inclusive bounds (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, compared as text, `to` taking all it prefixes)
 *   on an event's date, a quote's date (else its article's publication), an article's publication;
 * - `outlet`: the fact (or article) was carried by a copy from that outlet;
 * - `type`: an entity of that type is an event's actor, a quote's speaker, an entity in the article, the entity itself;
 * - `plover`, `quad`, `mode`: an event of that PLOVER type, quad class and mode: the event itself, the quote it is
 *   known from, an article that has one.
 */
export interface FactFilter {
  readonly from?: string;
  readonly to?: string;
  readonly outlet?: string;
  readonly type?: string;
  readonly plover?: string;
  readonly quad?: QuadClass;
  readonly mode?: EventMode;
}

/** Filters for quotes: a speaker (entity id) or an article, and the {@link FactFilter}. */
export interface QuoteFilter extends FactFilter {
  readonly speaker?: number;
  readonly article?: string;
}

/** Filters for events, the network and the timeline. */
export interface EventFilter extends FactFilter {
  /** Events with this entity on either side. */
  readonly actor?: number;
  /** With `actor`: events whose other side is this entity. */
  readonly counterpart?: number;
  /** Events with this entity among their sources (with `targetActor`, the events of one network edge). */
  readonly sourceActor?: number;
  /** Events with this entity among their targets. */
  readonly targetActor?: number;
  /** A CAMEO code or its prefix (`04`, `042`). */
  readonly cameo?: string;
  /** One mode; takes the place of `modes`. */
  readonly mode?: EventMode;
  /** The modes taken (see {@link EventModes}); the default is the query's own. */
  readonly modes?: EventModes;
  /** Only events coded with at least this confidence (0 to 1). */
  readonly minConfidence?: number;
}

/**
 * An entity's page: the entity, the roles articles give it, its mentions by month, and the actors it appears
 * with most. `mentions` of a month and `articles` of a co-actor keep their names and hold the chosen count
 * (stories that mention it, or copies), given also as `stories` and `copies`; `quotes` and `events` count
 * facts (once per story), or copies; `events` only asserted ones unless other modes are asked for.
 */
export interface EntityProfile {
  readonly entity: GlobalEntity;
  readonly roles: ReadonlyArray<{ readonly role: string; readonly first: string | null; readonly last: string | null; readonly articles: number }>;
  readonly mentionsByMonth: ReadonlyArray<{ readonly month: string; readonly mentions: number; readonly stories: number; readonly copies: number }>;
  readonly coActors: ReadonlyArray<{ readonly entity: GlobalEntity; readonly articles: number; readonly stories: number; readonly copies: number }>;
  readonly quotes: number;
  readonly events: number;
}

/** The actor network of a query: entities as nodes, and edges weighted by their events, split by quad class. */
export interface Network {
  readonly nodes: ReadonlyArray<{ readonly id: number; readonly name: string; readonly type: string; readonly events: number }>;
  readonly edges: ReadonlyArray<{ readonly source: number; readonly target: number; readonly weight: number; readonly cooperation: number; readonly conflict: number; readonly quad: string; readonly events: readonly number[] }>;
}

/** A merge of an article's entity into a global one, as recorded. */
export interface MergeRow {
  readonly id: number;
  readonly article: string;
  readonly headline: string | null;
  readonly localId: string;
  /** The name the article's entity had (what was merged). */
  readonly name: string;
  readonly entity: number;
  readonly reason: string;
  readonly undone: boolean;
}

/** Event facts (or copies) of one period, split into cooperation and conflict. */
export interface PeriodCount {
  readonly period: string;
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
}

/** The unit of a timeline's axis. */
export type Granularity = 'month' | 'year';

/** A timeline on one axis, as `GET /api/timeline` sends it: periods of one granularity, and the events dated too coarsely to be placed on it. */
export interface Timeline {
  readonly granularity: Granularity;
  readonly periods: readonly PeriodCount[];
  readonly unplaced: Omit<PeriodCount, 'period'>;
}

/** Paging options of the graph lists, with what they count. */
export interface CountedPageOptions extends PageOptions {
  /** `stories` (default): one row per fact, entities by the stories that mention them; `copies`: every stored row, by copies. */
  readonly count?: CountBy;
}

/**
 * The knowledge graph across stored articles. Every query runs on indexes. Counts are by story unless `count`
 * is `copies`: a quote or event found in several articles of one story is one fact, an entity or a pair of
 * entities counts once per story, and an event once per fact.
 */
export interface GraphStore {
  /**
   * Entities by name: prefix of the normalised name first, then fuzzy (trigram) matches; by stories (or copies).
   * `filter`'s `from`, `to` and `outlet` keep entities mentioned in an article it selects.
   */
  findEntities(query: string, options: CountedPageOptions & { readonly type?: string; readonly filter?: FactFilter }): Page<GlobalEntity>;
  entity(id: number): GlobalEntity | null;
  /** An entity's page; its `events` count asserted events unless `modes` says otherwise. */
  profile(id: number, count?: CountBy, modes?: EventModes): EntityProfile | null;
  /** Quotes, newest first: one per fact (its first occurrence), or with `count: 'copies'` (or an `article`) every stored quote. */
  quotes(filter: QuoteFilter, options: CountedPageOptions): Page<QuoteRow>;
  /** Events, newest first, of every mode unless the filter says: one per fact (its first occurrence), or with `count: 'copies'` every stored event. */
  events(filter: EventFilter, options: CountedPageOptions): Page<EventRow>;
  /** Edges weighted by event facts, or by the copies that carried each event; asserted events unless the filter says. */
  network(filter: EventFilter, limit: number, count?: CountBy): Network;
  /** Event facts (or copies) per date bucket (the date's month, a week's by its Thursday; its year when it names no month: a year alone, a season), with the quad classes; asserted events unless the filter says. */
  timeline(filter: EventFilter, count?: CountBy): readonly PeriodCount[];
  merges(entity: number): readonly MergeRow[];
  /** The global entity of each of an article's entities (by the article's local ids). */
  articleEntities(article: string): ReadonlyArray<{ readonly localId: string; readonly entity: number }>;
  /** Undoes a merge: the article's entity becomes an entity of its own, with its mentions, quotes and events. */
  unmerge(mergeId: number): GlobalEntity;
}

/** The CAMEO quad class of an event code: 01-05 verbal cooperation, 06-09 material cooperation, 10-14 verbal conflict, 15-20 material conflict. */
export function quadClass(cameo: string): string {
  const root = Number(cameo.slice(0, 2));
  if (root <= 5) return 'verbal-cooperation';
  if (root <= 9) return 'material-cooperation';
  if (root <= 14) return 'verbal-conflict';
  return 'material-conflict';
}
