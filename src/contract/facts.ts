/** The API's shapes of the knowledge graph: entities, quotes, events, networks, timelines and entity profiles. */
import { z } from 'zod';
import type { Shape } from './shape.js';

const id = z.int();
const count = z.int().min(0);
const nullableString = z.string().nullable();

/** An entity resolved across articles: mentions and the articles, stories and copies that mention it. */
export const globalEntityShape = z.object({
  id,
  type: z.string(),
  name: z.string(),
  wikidata: nullableString,
  country: nullableString,
  cameo: nullableString,
  mentions: count,
  articles: count,
  stories: count,
  copies: count,
});
/** An entity resolved across articles. */
export type GlobalEntity = Shape<typeof globalEntityShape>;

/** One article (text) a fact was found in: its row there, the publications of the text and their outlets. */
export const factOccurrenceShape = z.object({ article: z.string(), row: id, copies: count, outlets: z.array(z.string()) });
/** One article (text) a fact was found in. */
export type FactOccurrence = Shape<typeof factOccurrenceShape>;

/**
 * A quote or event counted once per story: its fact id (null for a row stored without one), the copies and outlets
 * that carried it, the independent sources that report it (distinct originators), and its occurrences.
 */
export const factCountsShape = z.object({ fact: id.nullable(), copies: count, outlets: count, sources: count, occurrences: z.array(factOccurrenceShape) });
/** The counts of the fact a quote or event is an occurrence of. */
export type FactCounts = Shape<typeof factCountsShape>;

/** Where a fact came from: the article, the sentence, and the span in the article's text. */
export const sourceRefShape = z.object({ article: z.string(), headline: nullableString, published: nullableString, sentence: count, start: count, end: count });
/** Where a fact came from. */
export type SourceRef = Shape<typeof sourceRefShape>;

/** The kinds of quote: the speaker's own words, a paraphrase, or a paraphrase with quoted words. */
export const QUOTE_KINDS = ['direct', 'indirect', 'mixed'] as const;

/** The quote's fields as stored (the store's `QuoteRow`). */
export const storedQuoteShape = z.object({
  id,
  speaker: id.nullable(),
  speakerText: nullableString,
  kind: z.string().describe(`One of ${QUOTE_KINDS.join(', ')}`),
  cue: z.string(),
  content: z.string(),
  date: nullableString,
  source: sourceRefShape,
}).extend(factCountsShape.shape);
/** A quote as the store reads it. */
export type StoredQuote = Shape<typeof storedQuoteShape>;

/** A quote as the API sends it: with the channels it was relayed through (`the state-run Korean Central News Agency`), outermost last. */
export const quoteShape = storedQuoteShape.extend({ channels: z.array(z.string()).describe('The channels it was relayed through (according to ..., ... said), outermost last') });
/** A quote as the API sends it. */
export type Quote = Shape<typeof quoteShape>;

/** One side of an event: the global entity (null for an actor no dictionary knows), its name, code, country and the words. */
export const eventActorShape = z.object({ entity: id.nullable(), name: nullableString, code: z.string(), country: nullableString, text: z.string() });
/** One side of an event. */
export type EventActor = Shape<typeof eventActorShape>;

/** Who reports an event known only from a quote (`Seoul`), and their entity when resolved. */
export const eventReporterShape = z.object({ name: z.string(), entity: id.nullable() });
/** Who reports an event known only from a quote. */
export type EventReporter = Shape<typeof eventReporterShape>;

/** The quote an event is known from: its kind, speaker, channels (outermost last) and span in the article's text. */
export const eventQuoteRefShape = z.object({ id, kind: z.string(), speaker: id.nullable(), speakerText: nullableString, channels: z.array(z.string()), start: count, end: count });
/** The quote an event is known from. */
export type EventQuoteRef = Shape<typeof eventQuoteRefShape>;

/** The modes of an event. */
export const EVENT_MODES = ['asserted', 'planned', 'hypothetical', 'negated'] as const;

/** A stored event, with its confidence and, when only reported, who reports it and the quote. */
export const storedEventShape = z.object({
  id,
  cameo: z.string(),
  plover: nullableString,
  quad: z.string().describe('verbal-cooperation, material-cooperation, verbal-conflict or material-conflict'),
  mode: z.enum(EVENT_MODES),
  date: nullableString,
  trigger: z.string(),
  sourceActors: z.array(eventActorShape),
  targetActors: z.array(eventActorShape),
  source: sourceRefShape,
  confidence: z.number().describe('How sure the coder was of the event and its type, 0 to 1'),
  reportedBy: eventReporterShape.nullable().describe('Who reports it, when it is only known from a quote; null when the article states it'),
  quote: eventQuoteRefShape.nullable().describe('The quote it is known from, or null'),
}).extend(factCountsShape.shape);
/** A stored event. */
export type StoredEvent = Shape<typeof storedEventShape>;

/** The actor network of a query: entities as nodes, edges weighted by their events and split by quad class. */
export const networkShape = z.object({
  nodes: z.array(z.object({ id, name: z.string(), type: z.string(), events: count })),
  edges: z.array(z.object({ source: id, target: id, weight: count, cooperation: count, conflict: count, quad: z.string(), events: z.array(id) })),
});
/** The actor network of a query. */
export type Network = Shape<typeof networkShape>;

const periodCounts = { events: count, cooperation: count, conflict: count };
/** Event facts (or copies) of one period, split into cooperation and conflict. */
export const periodCountShape = z.object({ period: z.string(), ...periodCounts });
/** Event facts (or copies) of one period. */
export type PeriodCount = Shape<typeof periodCountShape>;

/** The units of a timeline's axis. */
export const GRANULARITIES = ['month', 'year'] as const;
/** The unit of a timeline's axis. */
export type Granularity = (typeof GRANULARITIES)[number];

/** A timeline on one axis: periods of one granularity, and the events dated too coarsely to be placed on it. */
export const timelineShape = z.object({
  granularity: z.enum(GRANULARITIES),
  periods: z.array(periodCountShape),
  unplaced: z.object(periodCounts).describe('Events dated too coarsely for the axis (a year alone, a season, on a month axis)'),
});
/** A timeline on one axis. */
export type Timeline = Shape<typeof timelineShape>;

/** The events a query selects, by the point of their place (or their dateline's), for a map. */
export const eventMapShape = z.object({
  points: z.array(z.object({
    lat: z.number(),
    lon: z.number(),
    events: count.describe('Event facts (or copies) at this point'),
    cooperation: count,
    conflict: count,
  })),
  unplaced: count.describe('Events of the query without a point (no place resolved, no dateline)'),
});
/** The events of a query on a map. */
export type EventMap = Shape<typeof eventMapShape>;

/**
 * Where the news talks about: the place mentions of the articles a filter selects, by point, each point with the
 * entity named most there (whose page lists its facts and their sentences).
 */
export const mentionMapShape = z.object({
  points: z.array(z.object({
    lat: z.number(),
    lon: z.number(),
    mentions: count,
    articles: count.describe('Articles (texts) with a mention at this point'),
    text: z.string().describe('The words said most at this point (Moscow, where the entity is Russia)'),
    entity: z.object({ id, name: z.string(), type: z.string() }).describe('The entity named most at this point'),
  })),
});
/** The place mentions of a query on a map. */
export type MentionMap = Shape<typeof mentionMapShape>;

/** A place's point as the geo stage resolved it: coordinates, kind, gazetteer id, country and the gazetteer's name. */
export const geoPointShape = z.object({
  lat: z.number(),
  lon: z.number(),
  kind: z.enum(['country', 'region', 'city', 'place']),
  id: z.string().describe('A Wikidata QID, a GeoNames id (geonames:N), admin1:CC.XX or area:NAME'),
  country: nullableString,
  name: z.string(),
});
/** A place's point. */
export type GeoPointRow = Shape<typeof geoPointShape>;

/**
 * An entity's page: the entity, where it is (a place's point, as most of its latest articles resolved it; null for
 * anything else or a place not resolved), its roles over time, mentions by month, co-actors, and its counts.
 */
export const entityProfileShape = z.object({
  entity: globalEntityShape,
  place: geoPointShape.nullable(),
  roles: z.array(z.object({ role: z.string(), first: nullableString, last: nullableString, articles: count })),
  mentionsByMonth: z.array(z.object({ month: z.string(), mentions: count, stories: count, copies: count })),
  coActors: z.array(z.object({ entity: globalEntityShape, articles: count, stories: count, copies: count })),
  quotes: count,
  events: count,
});
/** An entity's page. */
export type EntityProfile = Shape<typeof entityProfileShape>;

/** A merge of an article's entity into a global one: `name` is what the article's entity was called (what was merged). */
export const mergeShape = z.object({
  id, article: z.string(), headline: nullableString, localId: z.string(), name: z.string(), entity: id, reason: z.string(), undone: z.boolean(),
  /** The entity the article's entity was merged into (where a redo puts it back), and its name. */
  original: id, originalName: z.string(),
});
/** A merge of an article's entity into a global one. */
export type MergeRow = Shape<typeof mergeShape>;

/** `GET /api/entities/:id`: the profile and the merges that made the entity. */
export const profileShape = entityProfileShape.extend({ merges: z.array(mergeShape) });
/** An entity's page as the API sends it. */
export type Profile = Shape<typeof profileShape>;

/** `GET /api/articles/:id/entities`: the global entity of each of an article's entities. */
export const articleEntitiesShape = z.object({ items: z.array(z.object({ localId: z.string(), entity: id })) });
/** The global entity of each of an article's entities. */
export type ArticleEntities = Shape<typeof articleEntitiesShape>;

/** `POST /api/merges/:id/undo`: the entity split off; `POST /api/merges/:id/redo`: the entity merged into again. */
export const undoneMergeShape = z.object({ entity: globalEntityShape });
