import type { FastifyInstance } from 'fastify';
import type { EventMode } from '../../article/layers.js';
import { WiregraphError } from '../../errors.js';
import type { CountBy, EventFilter, EventModes } from '../../store/graph.js';
import type { ArticleStore } from '../../store/store.js';
import { countQuerySchema, entitySchema, errorSchema, eventSchema, pageQuerySchema, quoteSchema } from '../schemas.js';

const id = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;
const MODES = ['asserted', 'planned', 'hypothetical', 'negated'] as const;
/** `modes`: `all`, or modes separated by commas (`planned,negated`). */
const modesSchema = { type: 'string', pattern: `^(?:all|(?:${MODES.join('|')})(?:,(?:${MODES.join('|')}))*)$` } as const;
/** The modes a `modes` parameter names. */
const modesOf = (value: string): EventModes => (value === 'all' ? 'all' : [...new Set(value.split(','))] as EventMode[]);
const date = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;
/** The event filter's query parameters, shared by events, the network and the timeline. */
const eventFilter = {
  actor: id,
  counterpart: id,
  plover: { type: 'string', pattern: '^[A-Z_]{3,20}$' },
  cameo: { type: 'string', pattern: '^\\d{2,4}$' },
  mode: { type: 'string', enum: MODES },
  modes: modesSchema,
  minConfidence: { type: 'number', minimum: 0, maximum: 1 },
  from: date,
  to: date,
  count: countQuerySchema,
} as const;

interface FilterQuery {
  actor?: number;
  counterpart?: number;
  plover?: string;
  cameo?: string;
  mode?: EventMode;
  modes?: string;
  minConfidence?: number;
  from?: string;
  to?: string;
  count?: CountBy;
}

const filterOf = (q: FilterQuery): EventFilter => ({
  ...(q.actor !== undefined ? { actor: q.actor } : {}),
  ...(q.counterpart !== undefined ? { counterpart: q.counterpart } : {}),
  ...(q.plover ? { plover: q.plover } : {}),
  ...(q.cameo ? { cameo: q.cameo } : {}),
  ...(q.mode ? { mode: q.mode } : {}),
  ...(q.modes ? { modes: modesOf(q.modes) } : {}),
  ...(q.minConfidence !== undefined ? { minConfidence: q.minConfidence } : {}),
  ...(q.from ? { from: q.from } : {}),
  ...(q.to ? { to: q.to } : {}),
});

const pageOf = <T extends object>(items: T) => ({ type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items }, nextCursor: { type: ['string', 'null'] } } }) as const;
const notFound = (what: string, value: number) => ({ error: { code: 'WG_NOT_FOUND', message: `No ${what} has id ${value}.` } });

/**
 * The knowledge-graph routes: entities (search, one with its profile), quotes, events, the actor network and the
 * timeline. Every query parameter is validated (a 400 names the bad one); lists page with an opaque cursor.
 */
export function registerGraphRoutes(app: FastifyInstance, store: ArticleStore): void {
  const g = store.graph;

  app.get<{ Querystring: { q?: string; type?: string; limit: number; cursor?: string; count?: CountBy } }>('/api/entities', {
    schema: {
      summary: 'Entities by name: prefix, then inside the name, then fuzzy; the most reported first (by stories, or copies)',
      querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, q: { type: 'string', maxLength: 200 }, type: { type: 'string', enum: ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'] }, count: countQuerySchema } },
      response: { 200: pageOf(entitySchema) },
    },
  }, async (request) => g.findEntities(request.query.q ?? '', { limit: request.query.limit, cursor: request.query.cursor ?? null, ...(request.query.type ? { type: request.query.type } : {}), ...(request.query.count ? { count: request.query.count } : {}) }));

  const counted = { type: 'object', properties: { stories: { type: 'integer' }, copies: { type: 'integer' } } } as const;
  app.get<{ Params: { id: number }; Querystring: { count?: CountBy; modes?: string } }>('/api/entities/:id', {
    schema: {
      summary: 'One entity with its profile: roles over time, mentions by month, co-actors, and its merges; counted by stories (or copies); events counted are asserted ones unless modes says',
      params: { type: 'object', required: ['id'], properties: { id } },
      querystring: { type: 'object', additionalProperties: false, properties: { count: countQuerySchema, modes: modesSchema } },
      response: {
        200: {
          type: 'object',
          required: ['entity', 'roles', 'mentionsByMonth', 'coActors', 'quotes', 'events', 'merges'],
          properties: {
            entity: entitySchema,
            roles: { type: 'array', items: { type: 'object', properties: { role: { type: 'string' }, first: { type: ['string', 'null'] }, last: { type: ['string', 'null'] }, articles: { type: 'integer' } } } },
            mentionsByMonth: { type: 'array', items: { type: 'object', properties: { month: { type: 'string' }, mentions: { type: 'integer' }, ...counted.properties } } },
            coActors: { type: 'array', items: { type: 'object', properties: { entity: entitySchema, articles: { type: 'integer' }, ...counted.properties } } },
            quotes: { type: 'integer' },
            events: { type: 'integer' },
            merges: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, article: { type: 'string' }, headline: { type: ['string', 'null'] }, localId: { type: 'string' }, entity: { type: 'integer' }, reason: { type: 'string' }, undone: { type: 'boolean' } } } },
          },
        },
        404: errorSchema,
      },
    },
  }, async (request, reply) => {
    const profile = g.profile(request.params.id, request.query.count, request.query.modes ? modesOf(request.query.modes) : undefined);
    if (!profile) return reply.status(404).send(notFound('entity', request.params.id));
    return { ...profile, merges: g.merges(request.params.id).slice(0, 100) };
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id/entities', {
    schema: {
      summary: "The global entity of each of an article's entities",
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f]{4,64}$' } } },
      response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object', required: ['localId', 'entity'], properties: { localId: { type: 'string' }, entity: { type: 'integer' } } } } } } },
    },
  }, async (request) => ({ items: g.articleEntities(request.params.id) }));

  app.post<{ Params: { id: number } }>('/api/merges/:id/undo', {
    schema: {
      summary: "Undoes a merge: that article's entity becomes an entity of its own, with its mentions, quotes and events",
      params: { type: 'object', required: ['id'], properties: { id } },
      response: { 200: { type: 'object', required: ['entity'], properties: { entity: entitySchema } }, 404: errorSchema, 409: errorSchema },
    },
  }, async (request, reply) => {
    try {
      return { entity: g.unmerge(request.params.id) };
    } catch (e) {
      if (e instanceof WiregraphError) return reply.status(e.code === 'WG_NOT_FOUND' ? 404 : 409).send({ error: { code: e.code, message: e.message } });
      throw e;
    }
  });

  app.get<{ Querystring: { speaker?: number; article?: string; limit: number; cursor?: string; count?: CountBy } }>('/api/quotes', {
    schema: {
      summary: "Quotes, newest first, by speaker (entity id) or by article: one per fact (every stored quote with count=copies or an article), each with its fact's copies, outlets, sources and occurrences",
      querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, speaker: id, article: { type: 'string', pattern: '^[0-9a-f]{4,64}$' }, count: countQuerySchema } },
      response: { 200: pageOf(quoteSchema) },
    },
  }, async (request) => {
    const { speaker, article, limit, cursor, count } = request.query;
    return g.quotes({ ...(speaker !== undefined ? { speaker } : {}), ...(article ? { article } : {}) }, { limit, cursor: cursor ?? null, ...(count ? { count } : {}) });
  });

  app.get<{ Querystring: FilterQuery & { limit: number; cursor?: string } }>('/api/events', {
    schema: {
      summary: "Events, newest first, by actor, counterpart, PLOVER type, CAMEO code or prefix, mode (every mode unless mode or modes says), least confidence and date range, each with its confidence and, when only reported, who reports it and the quote: one per fact (every stored event with count=copies), each with its fact's copies, outlets, sources and occurrences",
      querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, ...eventFilter } },
      response: { 200: pageOf(eventSchema) },
    },
  }, async (request) => g.events(filterOf(request.query), { limit: request.query.limit, cursor: request.query.cursor ?? null, ...(request.query.count ? { count: request.query.count } : {}) }));

  app.get<{ Querystring: FilterQuery & { limit: number } }>('/api/network', {
    schema: {
      summary: 'The actor network of the events a filter selects (asserted ones unless mode or modes says): entities and edges weighted by event facts (or copies), split into cooperation and conflict',
      querystring: { type: 'object', additionalProperties: false, properties: { ...eventFilter, limit: { type: 'integer', minimum: 2, maximum: 300, default: 60 } } },
      response: {
        200: {
          type: 'object',
          required: ['nodes', 'edges'],
          properties: {
            nodes: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, type: { type: 'string' }, events: { type: 'integer' } } } },
            edges: { type: 'array', items: { type: 'object', properties: { source: { type: 'integer' }, target: { type: 'integer' }, weight: { type: 'integer' }, cooperation: { type: 'integer' }, conflict: { type: 'integer' }, quad: { type: 'string' }, events: { type: 'array', items: { type: 'integer' } } } } },
          },
        },
      },
    },
  }, async (request) => g.network(filterOf(request.query), request.query.limit, request.query.count));

  app.get<{ Querystring: FilterQuery }>('/api/timeline', {
    schema: {
      summary: 'Event facts (or copies) of a filter (asserted ones unless mode or modes says) per month (or year), with cooperation and conflict counts',
      querystring: { type: 'object', additionalProperties: false, properties: eventFilter },
      response: { 200: { type: 'object', required: ['periods'], properties: { periods: { type: 'array', items: { type: 'object', properties: { period: { type: 'string' }, events: { type: 'integer' }, cooperation: { type: 'integer' }, conflict: { type: 'integer' } } } } } } },
    },
  }, async (request) => ({ periods: g.timeline(filterOf(request.query), request.query.count) }));
}
