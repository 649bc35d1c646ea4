import type { FastifyInstance } from 'fastify';
import type { AsyncArticleStore } from '../../store/async.js';
import { errorSchema, pageQuerySchema, responses } from '../schemas.js';

/** `GET /api/stories` (paged, biggest first) and `GET /api/stories/:id` (copies in time order, lineage, diffs). */
export function registerStoryRoutes(app: FastifyInstance, store: AsyncArticleStore): void {
  app.get<{ Querystring: { limit: number; cursor?: string; minCopies: number } }>('/api/stories', {
    schema: {
      summary: 'Stories (copies and versions of one wire story), the most copies first',
      querystring: { ...pageQuerySchema, properties: { ...pageQuerySchema.properties, minCopies: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 } } },
      response: { 200: responses.storyPage },
    },
  }, async (request) => {
    const { limit, cursor, minCopies } = request.query;
    const [page, total] = await Promise.all([store.stories({ limit, cursor: cursor ?? null, minCopies }), store.storyCount(minCopies)]);
    return { ...page, total };
  });

  app.get<{ Params: { id: number }; Querystring: { diffs: boolean } }>('/api/stories/:id', {
    schema: {
      summary: 'One story: its copies in time order with roles, the originator, and what each copy changed against the closest earlier one (diffs=false: the copies only)',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } } },
      // Note: the article reader lists a story's other copies and needs no diffs; diffs=false spares computing them.
      querystring: { type: 'object', additionalProperties: false, properties: { diffs: { type: 'boolean', default: true } } },
      response: { 200: responses.storyDetail, 404: errorSchema },
    },
  }, async (request, reply) => {
    const story = await store.story(request.params.id, { diffs: request.query.diffs });
    if (!story) return reply.status(404).send({ error: { code: 'WG_NOT_FOUND', message: `No story has id ${request.params.id}.` } });
    return story;
  });
}
