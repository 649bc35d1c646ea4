import type { FastifyInstance } from 'fastify';
import type { ArticleStore } from '../../store/store.js';
import type { Granularity } from '../../store/graph.js';
import { EVENT_COLUMNS, formatSchema, sendExport, type ExportFormat } from '../export.js';
import { onOneAxis } from '../periods.js';
import { errorSchema, eventSchema, pageOf, pageQuerySchema } from '../schemas.js';
import { eventFilterSchema, filterOf, type FilterQuery } from './event-filter.js';

const counts = { events: { type: 'integer' }, cooperation: { type: 'integer' }, conflict: { type: 'integer' } } as const;

const networkSchema = {
  type: 'object',
  required: ['nodes', 'edges'],
  properties: {
    nodes: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, type: { type: 'string' }, events: { type: 'integer' } } } },
    edges: { type: 'array', items: { type: 'object', properties: { source: { type: 'integer' }, target: { type: 'integer' }, weight: { type: 'integer' }, cooperation: { type: 'integer' }, conflict: { type: 'integer' }, quad: { type: 'string' }, events: { type: 'array', items: { type: 'integer' } } } } },
  },
} as const;

const timelineSchema = {
  type: 'object',
  required: ['granularity', 'periods', 'unplaced'],
  properties: {
    granularity: { type: 'string', enum: ['month', 'year'] },
    periods: { type: 'array', items: { type: 'object', required: ['period', 'events', 'cooperation', 'conflict'], properties: { period: { type: 'string' }, ...counts } } },
    unplaced: { type: 'object', required: ['events', 'cooperation', 'conflict'], description: 'Events dated too coarsely for the axis (a year alone, a season, on a month axis)', properties: counts },
  },
} as const;

/**
 * The event routes: events, the actor network and the timeline, with one filter. A day no calendar has is a 400,
 * an entity no one has a 404; lists page with an opaque cursor.
 */
export function registerEventRoutes(app: FastifyInstance, store: ArticleStore): void {
  const g = store.graph;

  app.get<{ Querystring: FilterQuery & { limit: number; cursor?: string; format?: ExportFormat } }>('/api/events', {
    schema: {
      summary: "Events, newest first, by actor, counterpart, source or target actor, PLOVER type, CAMEO code or prefix, mode (every mode unless mode or modes says), least confidence and date range, each with its confidence and, when only reported, who reports it and the quote: one per fact (every stored event with count=copies), each with its fact's copies, outlets, sources and occurrences",
      querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, ...eventFilterSchema, format: formatSchema } },
      response: { 200: pageOf(eventSchema), 400: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const { limit, cursor, count, format } = request.query;
    const filter = filterOf(g, request.query);
    const page = (at: string | null, n: number) => g.events(filter, { limit: n, cursor: at, ...(count ? { count } : {}) });
    return format === 'csv' || format === 'jsonl' ? sendExport(reply, format, 'events', EVENT_COLUMNS, page) : page(cursor ?? null, limit);
  });

  app.get<{ Querystring: FilterQuery & { limit: number } }>('/api/network', {
    schema: {
      summary: 'The actor network of the events a filter selects (asserted ones unless mode or modes says): entities and edges weighted by event facts (or copies), split into cooperation and conflict; an edge\'s events are /api/events?sourceActor=&targetActor= with the same modes',
      querystring: { type: 'object', additionalProperties: false, properties: { ...eventFilterSchema, limit: { type: 'integer', minimum: 2, maximum: 300, default: 60 } } },
      response: { 200: networkSchema, 400: errorSchema, 404: errorSchema },
    },
  }, async (request) => g.network(filterOf(g, request.query), request.query.limit, request.query.count));

  app.get<{ Querystring: FilterQuery & { granularity?: Granularity } }>('/api/timeline', {
    schema: {
      summary: 'Event facts (or copies) of a filter (asserted ones unless mode or modes says) per period of one granularity (months over at most five years, else years, unless granularity says; a week counts in the month of its Thursday), with cooperation and conflict counts and the events too coarsely dated for the axis',
      querystring: { type: 'object', additionalProperties: false, properties: { ...eventFilterSchema, granularity: { type: 'string', enum: ['month', 'year'] } } },
      response: { 200: timelineSchema, 400: errorSchema, 404: errorSchema },
    },
  }, async (request) => onOneAxis(g.timeline(filterOf(g, request.query), request.query.count), request.query.granularity));
}
