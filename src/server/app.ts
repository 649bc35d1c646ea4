import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { packageRoot } from '../data-dir.js';
import { checkCursor, sendError } from './errors.js';
import type { ArticleStore } from '../store/store.js';
import { registerArticleRoutes } from './routes/articles.js';
import { registerExtractRoute } from './routes/extract.js';
import { registerGraphRoutes } from './routes/graph.js';
import { registerPageRoutes } from './routes/pages.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerStoryRoutes } from './routes/stories.js';

/** Options for {@link buildApp}. */
export interface AppOptions {
  readonly store: ArticleStore;
  readonly logger?: boolean;
}

// Note: no inline script or style anywhere, so the policy can forbid both; article text is always escaped and
// the web UI renders it as text nodes, never as HTML.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Where the built web UI lives (`npm run build:ui`, run by `prepare`). */
export const UI_DIR = join(packageRoot(), 'dist', 'ui');

/**
 * Builds the HTTP app (the JSON API with its OpenAPI document, the web UI, and plain HTML pages under `/plain`)
 * without listening, so that tests can `inject()` requests. Call `await app.ready()` before injecting.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: { code: 'WG_NOT_FOUND', message: `No route answers ${request.method} ${request.url}.` } }));
  app.addHook('preHandler', checkCursor);
  void app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'wiregraph API', version: '1', description: 'News as a sourced knowledge graph: articles, entities, quotes, events, networks and timelines.' },
    },
  });
  void app.register(async (api) => {
    registerArticleRoutes(api, options.store);
    registerSearchRoutes(api, options.store);
    registerGraphRoutes(api, options.store);
    registerStoryRoutes(api, options.store);
    registerExtractRoute(api);
    registerPageRoutes(api, options.store);
    api.get('/openapi.json', { schema: { hide: true } }, async () => api.swagger());
  });
  if (existsSync(join(UI_DIR, 'index.html'))) void app.register(fastifyStatic, { root: UI_DIR, prefix: '/', index: ['index.html'], wildcard: false });
  else app.get('/', async (_request, reply) => reply.redirect('/plain/'));
  return app;
}
