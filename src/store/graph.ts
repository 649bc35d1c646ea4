import type { EventMode } from '../article/layers.js';
import type { EntityProfile, EventMap, GeoPointRow, MentionMap, EventActor, EventQuoteRef, EventReporter, FactCounts, FactOccurrence, GlobalEntity, Granularity, MergeRow, Network, PeriodCount, SourceRef, StoredEvent, Quote, Timeline } from '../contract/index.js';
import type { Page, PageOptions } from './store.js';

// Note: the rows the store hands out are the API's shapes, declared once in src/contract.
export type { EntityProfile, EventMap, GeoPointRow, MentionMap, EventQuoteRef, FactCounts, FactOccurrence, GlobalEntity, Granularity, MergeRow, Network, PeriodCount, SourceRef, Timeline };
/** A stored quote, with the channels it was relayed through and the counts of the fact it is an occurrence of. */
export type QuoteRow = Quote;
/** One side of a stored event. */
export type EventActorRow = EventActor;
/** A stored event, with the counts of the fact it is an occurrence of. */
export type EventRow = StoredEvent;
/** Who reports an event: the words that name the quote's speaker here, and the speaker's global entity. */
export type EventReporterRow = EventReporter;

/** What counts are counted in: stories (each story once, the default) or copies (each publication). */
export type CountBy = 'stories' | 'copies';

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
  /** Only events whose place's point is within `km` of this point. */
  readonly near?: { readonly lat: number; readonly lon: number; readonly km: number };
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
   * `filter`'s `from`, `to` and `outlet` keep entities mentioned in an article it selects; `country` (ISO alpha-3)
   * keeps those of that country (linked to it, or a place whose point is in it).
   */
  findEntities(query: string, options: CountedPageOptions & { readonly type?: string; readonly country?: string; readonly filter?: FactFilter }): Page<GlobalEntity>;
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
  /** Event facts (or copies) by the point of their place, with the quad classes, and how many have none; asserted events unless the filter says. */
  eventMap(filter: EventFilter, count?: CountBy): EventMap;
  /** The place mentions of the newest articles the filter selects (its `type` the mentioned entity's), by point. */
  mentionMap(filter: FactFilter): MentionMap;
  merges(entity: number): readonly MergeRow[];
  /** The global entity of each of an article's entities (by the article's local ids). */
  articleEntities(article: string): ReadonlyArray<{ readonly localId: string; readonly entity: number }>;
  /** Undoes a merge: the article's entity becomes an entity of its own, with its mentions, quotes and events. */
  unmerge(mergeId: number): GlobalEntity;
  /** Redoes an undone merge: the article's entity joins the entity it was merged into again, every count as before the undo; that entity. */
  remerge(mergeId: number): GlobalEntity;
}

/** The CAMEO quad class of an event code: 01-05 verbal cooperation, 06-09 material cooperation, 10-14 verbal conflict, 15-20 material conflict. */
export function quadClass(cameo: string): string {
  const root = Number(cameo.slice(0, 2));
  if (root <= 5) return 'verbal-cooperation';
  if (root <= 9) return 'material-cooperation';
  if (root <= 14) return 'verbal-conflict';
  return 'material-conflict';
}
