import type { FastifyInstance } from 'fastify';
import { WiregraphError } from '../../errors.js';
import { parseSearch } from '../../store/fts-query.js';
import type { AsyncArticleStore } from '../../store/async.js';
import { MARK_END, MARK_START, renderSnippet } from '../../store/store.js';
import { errorSchema, pageQuerySchema, responses } from '../schemas.js';
import { factFilterOf, factFilterSchema, type FactQuery } from './event-filter.js';

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

const SYNTAX = 'Words are all required; OR between two takes either (Kim OR Putin); "a phrase" in quotes; prefix* for any word so begun; -word leaves out what has it.';

/**
 * `GET /api/search?q=`: full-text search, with the analyst's filters; `snippet` marks matches with `[` and `]`, and
 * `fragments` gives them as data. A query with a mistake (an unclosed quote, a dangling OR, an exclusion alone) is a
 * 400 that says where the mistake is.
 */
export function registerSearchRoutes(app: FastifyInstance, store: AsyncArticleStore): void {
  app.get<{ Querystring: FactQuery & { q: string; limit: number; cursor?: string } }>('/api/search', {
    schema: {
      summary: `Full-text search of the articles of a filter. ${SYNTAX}`,
      querystring: { ...pageQuerySchema, required: ['q'], properties: { ...pageQuerySchema.properties, ...factFilterSchema, q: { type: 'string', minLength: 1, maxLength: 500 } } },
      response: { 200: responses.searchPage, 400: errorSchema },
    },
  }, async (request) => {
    const { error } = parseSearch(request.query.q);
    if (error) throw new WiregraphError(error.tooBroad ? 'WG_QUERY_TOO_BROAD' : 'WG_BAD_OPTION', `querystring/q: ${error.message}`);
    const page = await store.search(request.query.q, { limit: request.query.limit, cursor: request.query.cursor ?? null, filter: factFilterOf(request.query) });
    return { ...page, items: page.items.map((hit) => ({ ...hit, snippet: renderSnippet(hit.snippet, '[', ']'), fragments: fragments(hit.snippet) })) };
  });
}
