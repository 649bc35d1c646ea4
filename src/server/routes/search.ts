import type { FastifyInstance } from 'fastify';
import { renderSnippet, type ArticleStore } from '../../store/store.js';
import { pageQuerySchema, summarySchema } from '../schemas.js';

/** `GET /api/search?q=`: full-text search; snippets mark matches with `[` and `]` and list them as `highlights`. */
export function registerSearchRoutes(app: FastifyInstance, store: ArticleStore): void {
  app.get<{ Querystring: { q: string; limit: number; cursor?: string } }>('/api/search', {
    schema: {
      querystring: { ...pageQuerySchema, required: ['q'], properties: { ...pageQuerySchema.properties, q: { type: 'string', minLength: 1, maxLength: 500 } } },
      response: {
        200: {
          type: 'object',
          required: ['items', 'nextCursor'],
          properties: {
            items: { type: 'array', items: { ...summarySchema, properties: { ...summarySchema.properties, snippet: { type: 'string' }, score: { type: 'number' } } } },
            nextCursor: { type: ['string', 'null'] },
          },
        },
      },
    },
  }, async (request) => {
    const page = store.search(request.query.q, { limit: request.query.limit, cursor: request.query.cursor ?? null });
    return { ...page, items: page.items.map((hit) => ({ ...hit, snippet: renderSnippet(hit.snippet, '[', ']') })) };
  });
}
