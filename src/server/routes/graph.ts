import type { FastifyInstance } from 'fastify';
import { WiregraphError } from '../../errors.js';
import type { CountBy, GlobalEntity } from '../../store/graph.js';
import type { AsyncArticleStore } from '../../store/async.js';
import { errorBody } from '../errors.js';
import { articleIdSchema, countQuerySchema, errorSchema, pageQuerySchema, responses } from '../schemas.js';
import { ENTITY_COLUMNS, QUOTE_COLUMNS, formatSchema, sendExport, type ExportFormat } from '../export.js';
import { checkEntities, factFilterOf, factFilterSchema, idSchema as id, modesOf, modesSchema, type FactQuery } from './event-filter.js';
import { registerEventRoutes } from './events.js';

const notFound = (what: string, value: number) => errorBody('WG_NOT_FOUND', `No ${what} has id ${value}.`);

/**
 * The knowledge-graph routes: entities (search, one with its profile), quotes, events, the actor network and the
 * timeline. Every query parameter is validated (a 400 names the bad one); lists page with an opaque cursor.
 */
export function registerGraphRoutes(app: FastifyInstance, store: AsyncArticleStore): void {
  const g = store.graph;

  app.get<{ Querystring: FactQuery & { q?: string; country?: string; limit: number; cursor?: string; count?: CountBy; format?: ExportFormat } }>('/api/entities', {
    schema: {
      summary: 'Entities by name: prefix, then inside the name, then fuzzy; the most reported first (by stories, or copies); of a type, and mentioned in articles of the date range and outlet',
      querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, q: { type: 'string', maxLength: 200 }, type: factFilterSchema.type, country: { type: 'string', pattern: '^[A-Z]{3}$', description: 'Of this country (ISO 3166 alpha-3): linked to it, or a place whose point is in it' }, from: factFilterSchema.from, to: factFilterSchema.to, outlet: factFilterSchema.outlet, count: countQuerySchema, format: formatSchema } },
      response: { 200: responses.entityPage, 400: errorSchema },
    },
  }, async (request, reply) => {
    const { q, type, country, limit, cursor, count, format } = request.query;
    const { type: _type, ...filter } = factFilterOf(request.query);
    const page = (at: string | null, n: number) => g.findEntities(q ?? '', { limit: n, cursor: at, filter, ...(type ? { type } : {}), ...(country ? { country } : {}), ...(count ? { count } : {}) });
    return format === 'csv' || format === 'jsonl' ? sendExport(reply, format, 'entities', ENTITY_COLUMNS, page) : page(cursor ?? null, limit);
  });

  app.get<{ Params: { id: number }; Querystring: { count?: CountBy; modes?: string } }>('/api/entities/:id', {
    schema: {
      summary: 'One entity with its profile: roles over time, mentions by month, co-actors, and its merges; counted by stories (or copies); events counted are asserted ones unless modes says',
      params: { type: 'object', required: ['id'], properties: { id } },
      querystring: { type: 'object', additionalProperties: false, properties: { count: countQuerySchema, modes: modesSchema } },
      response: { 200: responses.profile, 404: errorSchema },
    },
  }, async (request, reply) => {
    const profile = await g.profile(request.params.id, request.query.count, request.query.modes ? modesOf(request.query.modes) : undefined);
    if (!profile) return reply.status(404).send(notFound('entity', request.params.id));
    return { ...profile, merges: (await g.merges(request.params.id)).slice(0, 100) };
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id/entities', {
    schema: {
      summary: "The global entity of each of an article's entities",
      params: { type: 'object', required: ['id'], properties: { id: articleIdSchema } },
      response: { 200: responses.articleEntities, 404: errorSchema },
    },
  }, async (request, reply) => {
    // Note: like GET /api/articles/:id, an id no article has (or a prefix of none) is a 404, whatever it looks like.
    const article = (await store.copiesOf(request.params.id))[0]?.article;
    if (article === undefined) return reply.status(404).send(errorBody('WG_NOT_FOUND', `No stored article has id ${request.params.id}.`));
    return { items: await g.articleEntities(article) };
  });

  const mergeAction = (path: 'undo' | 'redo', summary: string, act: (id: number) => Promise<GlobalEntity>): void => {
    app.post<{ Params: { id: number } }>(`/api/merges/:id/${path}`, {
      schema: { summary, params: { type: 'object', required: ['id'], properties: { id } }, response: { 200: responses.undoneMerge, 404: errorSchema, 409: errorSchema } },
    }, async (request, reply) => {
      try {
        return { entity: await act(request.params.id) };
      } catch (e) {
        if (e instanceof WiregraphError) return reply.status(e.code === 'WG_NOT_FOUND' ? 404 : 409).send({ error: { code: e.code, message: e.message } });
        throw e;
      }
    });
  };
  mergeAction('undo', "Undoes a merge: that article's entity becomes an entity of its own, with its mentions, quotes and events", (m) => g.unmerge(m));
  mergeAction('redo', "Redoes an undone merge: that article's entity joins the entity it was merged into again", (m) => g.remerge(m));

  app.get<{ Querystring: FactQuery & { speaker?: number; article?: string; limit: number; cursor?: string; count?: CountBy; format?: ExportFormat } }>('/api/quotes', {
    schema: {
      summary: "Quotes, newest first, by speaker (entity id) or by article, date range, outlet, speaker type, and the PLOVER type, quad class and mode of the events they report: one per fact (every stored quote with count=copies or an article), each with its kind, its channels (outermost last) and its fact's copies, outlets, sources and occurrences",
      querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, ...factFilterSchema, speaker: id, article: { type: 'string', pattern: '^[0-9a-f]{4,64}$' }, count: countQuerySchema, format: formatSchema } },
      response: { 200: responses.quotePage, 400: errorSchema, 404: errorSchema },
    },
  }, async (request, reply) => {
    const { speaker, article, limit, cursor, count, format } = request.query;
    const filter = factFilterOf(request.query);
    await checkEntities(g, { speaker });
    if (article && (await store.copiesOf(article)).length === 0) throw new WiregraphError('WG_NOT_FOUND', `querystring/article: no stored article has id ${article}.`);
    const page = (at: string | null, n: number) => g.quotes({ ...filter, ...(speaker !== undefined ? { speaker } : {}), ...(article ? { article } : {}) }, { limit: n, cursor: at, ...(count ? { count } : {}) });
    return format === 'csv' || format === 'jsonl' ? sendExport(reply, format, 'quotes', QUOTE_COLUMNS, page) : page(cursor ?? null, limit);
  });
  registerEventRoutes(app, store);
}
