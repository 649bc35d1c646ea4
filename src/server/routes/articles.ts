import type { FastifyInstance } from 'fastify';
import type { AsyncArticleStore } from '../../store/async.js';
import { articleIdSchema, errorSchema, pageQuerySchema, responses } from '../schemas.js';
import { factFilterOf, factFilterSchema, type FactQuery } from './event-filter.js';

/** `GET /api/articles` (paged list), `GET /api/articles/:id` (one article as wiregraph/1) and `GET /api/overview`. */
export function registerArticleRoutes(app: FastifyInstance, store: AsyncArticleStore): void {
  app.get<{ Querystring: FactQuery & { limit: number; cursor?: string; order?: 'published' | 'ingested' } }>('/api/articles', {
    schema: {
      summary: 'Articles of a filter, newest stored first, or newest published first (undated last) with order=published; total counts every stored article',
      querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, ...factFilterSchema, order: { type: 'string', enum: ['published', 'ingested'], default: 'ingested' } } },
      response: { 200: responses.articlePage, 400: errorSchema },
    },
  }, async (request) => {
    const { limit, cursor, order } = request.query;
    const [page, total] = await Promise.all([store.list({ limit, cursor: cursor ?? null, filter: factFilterOf(request.query), ...(order ? { order } : {}) }), store.count()]);
    return { ...page, total };
  });

  app.get('/api/overview', {
    schema: { summary: 'What the corpus holds: articles, copies and stories, the outlets, the span of publication times, the most reported entities', response: { 200: responses.overview } },
  }, async () => store.overview());

  app.get<{ Params: { id: string } }>('/api/articles/:id', {
    schema: {
      summary: 'One article as wiregraph/1, with its story: {id, copies, originator, position} (position: its place among the copies in time order)',
      params: { type: 'object', required: ['id'], properties: { id: articleIdSchema } },
      response: { 404: errorSchema },
    },
  }, async (request, reply) => {
    const doc = await store.get(request.params.id);
    if (!doc) return reply.status(404).send({ error: { code: 'WG_NOT_FOUND', message: `No stored article has id ${request.params.id}.` } });
    return { ...doc, story: await store.storyOf(doc.id) };
  });
}
