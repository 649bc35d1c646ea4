import type { FastifyInstance } from 'fastify';
import type { AsyncArticleStore } from '../../store/async.js';
import type { Granularity } from '../../store/graph.js';
import { EVENT_COLUMNS, formatSchema, sendExport, type ExportFormat } from '../export.js';
import { onOneAxis } from '../periods.js';
import { errorSchema, pageQuerySchema, responses } from '../schemas.js';
import { eventFilterSchema, factFilterOf, factFilterSchema, filterOf, type FactQuery, type FilterQuery } from './event-filter.js';

/**
 * The event routes: events, the actor network and the timeline, with one filter. A day no calendar has is a 400,
 * an entity no one has a 404; lists page with an opaque cursor.
 */
export function registerEventRoutes(app: FastifyInstance, store: AsyncArticleStore): void {
  const g = store.graph;

  app.get<{ Querystring: FilterQuery & { limit: number; cursor?: string; format?: ExportFormat } }>('/api/events', {
    schema: {
      summary: "Events, newest first, by actor, counterpart, source or target actor, PLOVER type, CAMEO code or prefix, mode (every mode unless mode or modes says), least confidence and date range, each with its confidence and, when only reported, who reports it and the quote: one per fact (every stored event with count=copies), each with its fact's copies, outlets, sources and occurrences",
      querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, ...eventFilterSchema, format: formatSchema } },
      response: { 200: responses.eventPage, 400: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const { limit, cursor, count, format } = request.query;
    const filter = await filterOf(g, request.query);
    const page = (at: string | null, n: number) => g.events(filter, { limit: n, cursor: at, ...(count ? { count } : {}) });
    return format === 'csv' || format === 'jsonl' ? sendExport(reply, format, 'events', EVENT_COLUMNS, page) : page(cursor ?? null, limit);
  });

  app.get<{ Querystring: FilterQuery & { limit: number } }>('/api/network', {
    schema: {
      summary: 'The actor network of the events a filter selects (asserted ones unless mode or modes says): entities and edges weighted by event facts (or copies), split into cooperation and conflict; an edge\'s events are /api/events?sourceActor=&targetActor= with the same modes',
      querystring: { type: 'object', additionalProperties: false, properties: { ...eventFilterSchema, limit: { type: 'integer', minimum: 2, maximum: 300, default: 60 } } },
      response: { 200: responses.network, 400: errorSchema, 404: errorSchema },
    },
  }, async (request) => g.network(await filterOf(g, request.query), request.query.limit, request.query.count));

  app.get<{ Querystring: FilterQuery & { granularity?: Granularity } }>('/api/timeline', {
    schema: {
      summary: 'Event facts (or copies) of a filter (asserted ones unless mode or modes says) per period of one granularity (months over at most five years, else years, unless granularity says; a week counts in the month of its Thursday), with cooperation and conflict counts and the events too coarsely dated for the axis',
      querystring: { type: 'object', additionalProperties: false, properties: { ...eventFilterSchema, granularity: { type: 'string', enum: ['month', 'year'] } } },
      response: { 200: responses.timeline, 400: errorSchema, 404: errorSchema },
    },
  }, async (request) => onOneAxis(await g.timeline(await filterOf(g, request.query), request.query.count), request.query.granularity));

  app.get<{ Querystring: FilterQuery }>('/api/map', {
    schema: {
      summary: "The events a filter selects (asserted ones unless mode or modes says) by the point of their place, or of their dateline's place when the clause names none, with cooperation and conflict counts, and how many have no point; a point's events are /api/events?near=LAT,LON with the same filter",
      querystring: { type: 'object', additionalProperties: false, properties: eventFilterSchema },
      response: { 200: responses.eventMap, 400: errorSchema, 404: errorSchema },
    },
  }, async (request) => g.eventMap(await filterOf(g, request.query), request.query.count));

  app.get<{ Querystring: FactQuery }>('/api/map/mentions', {
    schema: {
      summary: "Where the news talks about: the place mentions (GPE and LOC, each at its own point or its entity's) of the newest 5,000 articles a filter selects (type: the mentioned entity's), by point, with mentions, articles and the entity named most there",
      querystring: { type: 'object', additionalProperties: false, properties: factFilterSchema },
      response: { 200: responses.mentionMap, 400: errorSchema },
    },
  }, async (request) => g.mentionMap(factFilterOf(request.query)));
}
