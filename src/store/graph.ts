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
  readonly mentions: number;
  readonly articles: number;
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

/** A stored quote. */
export interface QuoteRow {
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

/** A stored event. */
export interface EventRow {
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
}

/** Filters for events, the network and the timeline. */
export interface EventFilter {
  /** Events with this entity on either side. */
  readonly actor?: number;
  /** With `actor`: events whose other side is this entity. */
  readonly counterpart?: number;
  readonly plover?: string;
  /** A CAMEO code or its prefix (`04`, `042`). */
  readonly cameo?: string;
  readonly mode?: EventMode;
  /** Inclusive bounds on the event's date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, compared as text). */
  readonly from?: string;
  readonly to?: string;
}

/** An entity's page: the entity, the roles articles give it, its mentions by month, and the actors it appears with most. */
export interface EntityProfile {
  readonly entity: GlobalEntity;
  readonly roles: ReadonlyArray<{ readonly role: string; readonly first: string | null; readonly last: string | null; readonly articles: number }>;
  readonly mentionsByMonth: ReadonlyArray<{ readonly month: string; readonly mentions: number }>;
  readonly coActors: ReadonlyArray<{ readonly entity: GlobalEntity; readonly articles: number }>;
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
  readonly entity: number;
  readonly reason: string;
  readonly undone: boolean;
}

/** The knowledge graph across stored articles. Every query runs on indexes. */
export interface GraphStore {
  /** Entities by name: prefix of the normalised name first, then fuzzy (trigram) matches; by article count. */
  findEntities(query: string, options: PageOptions & { readonly type?: string }): Page<GlobalEntity>;
  entity(id: number): GlobalEntity | null;
  profile(id: number): EntityProfile | null;
  quotes(filter: { readonly speaker?: number; readonly article?: string }, options: PageOptions): Page<QuoteRow>;
  events(filter: EventFilter, options: PageOptions): Page<EventRow>;
  network(filter: EventFilter, limit: number): Network;
  /** Events per date bucket (the date's first 7 characters: month, or year), with the quad classes. */
  timeline(filter: EventFilter): ReadonlyArray<{ readonly period: string; readonly events: number; readonly cooperation: number; readonly conflict: number }>;
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
