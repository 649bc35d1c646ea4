import type { FastifyInstance } from 'fastify';
import type { ArticleStore } from '../../store/store.js';
import { articleIdSchema, errorSchema, pageQuerySchema, summarySchema } from '../schemas.js';

/** `GET /api/articles` (paged list) and `GET /api/articles/:id` (one article as wiregraph/1). */
export function registerArticleRoutes(app: FastifyInstance, store: ArticleStore): void {
  app.get<{ Querystring: { limit: number; cursor?: string } }>('/api/articles', {
    schema: {
      querystring: pageQuerySchema,
      response: { 200: { type: 'object', required: ['items', 'nextCursor', 'total'], properties: { items: { type: 'array', items: summarySchema }, nextCursor: { type: ['string', 'null'] }, total: { type: 'integer' } } } },
    },
  }, async (request) => ({ ...store.list({ limit: request.query.limit, cursor: request.query.cursor ?? null }), total: store.count() }));

  app.get<{ Params: { id: string } }>('/api/articles/:id', {
    schema: {
      summary: 'One article as wiregraph/1, with its story: {id, copies, originator, position} (position: its place among the copies in time order)',
      params: { type: 'object', required: ['id'], properties: { id: articleIdSchema } },
      response: { 404: errorSchema },
    },
  }, async (request, reply) => {
    const doc = store.get(request.params.id);
    if (!doc) return reply.status(404).send({ error: { code: 'WG_NOT_FOUND', message: `No stored article has id ${request.params.id}.` } });
    return { ...doc, story: store.storyOf(doc.id) };
  });
}
