import type { FastifyInstance } from 'fastify';
import { MARK_END, MARK_START, renderSnippet, type ArticleStore } from '../../store/store.js';
import { pageQuerySchema, summarySchema } from '../schemas.js';

/** The snippet as text fragments, each a match or not: no markup for clients to parse. */
function fragments(snippet: string): Array<{ text: string; match: boolean }> {
  const out: Array<{ text: string; match: boolean }> = [];
  let match = false;
  for (const part of snippet.split(/([\uE000\uE001])/u)) {
    if (part === MARK_START) match = true;
    else if (part === MARK_END) match = false;
    else if (part !== '') out.push({ text: part, match });
  }
  return out;
}

/** `GET /api/search?q=`: full-text search; `snippet` marks matches with `[` and `]`, and `fragments` gives them as data. */
export function registerSearchRoutes(app: FastifyInstance, store: ArticleStore): void {
  app.get<{ Querystring: { q: string; limit: number; cursor?: string } }>('/api/search', {
    schema: {
      querystring: { ...pageQuerySchema, required: ['q'], properties: { ...pageQuerySchema.properties, q: { type: 'string', minLength: 1, maxLength: 500 } } },
      response: {
        200: {
          type: 'object',
          required: ['items', 'nextCursor'],
          properties: {
            items: { type: 'array', items: { ...summarySchema, properties: { ...summarySchema.properties, snippet: { type: 'string' }, score: { type: 'number' }, fragments: { type: 'array', items: { type: 'object', required: ['text', 'match'], properties: { text: { type: 'string' }, match: { type: 'boolean' } } } } } } },
            nextCursor: { type: ['string', 'null'] },
          },
        },
      },
    },
  }, async (request) => {
    const page = store.search(request.query.q, { limit: request.query.limit, cursor: request.query.cursor ?? null });
    return { ...page, items: page.items.map((hit) => ({ ...hit, snippet: renderSnippet(hit.snippet, '[', ']'), fragments: fragments(hit.snippet) })) };
  });
}
