import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { packageRoot } from '../data-dir.js';
import { checkCursor, sendError } from './errors.js';
import { registerWriteGuards, type WriteGuardOptions } from './guards.js';
import { BODY_LIMIT, registerLimits, type RequestLimits } from './limits.js';
import { asyncStore, type AnyArticleStore } from '../store/async.js';
import { registerArticleRoutes } from './routes/articles.js';
import { registerExtractRoute, type ExtractRouteOptions } from './routes/extract.js';
import { registerGraphRoutes } from './routes/graph.js';
import { registerPageRoutes } from './routes/pages.js';
import { registerSearchRoutes } from './routes/search.js';
import { registerStoryRoutes } from './routes/stories.js';

/** Options for {@link buildApp}. */
export interface AppOptions {
  /** The store: a synchronous one (SQLite) is wrapped by {@link asyncStore}. */
  readonly store: AnyArticleStore;
  readonly logger?: boolean;
  /** The write routes' guards: the API key and the host names of the server's own. */
  readonly guards?: WriteGuardOptions;
  /** Requests per client per minute. */
  readonly limits?: RequestLimits;
  /** How `POST /api/extract` runs (its workers, queue and deadline). */
  readonly extract?: ExtractRouteOptions;
}

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
    bodyLimit: BODY_LIMIT,
  });
  registerLimits(app, options.limits);
  registerWriteGuards(app, options.guards);
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: { code: 'WG_NOT_FOUND', message: `No route answers ${request.method} ${request.url}.` } }));
  app.addHook('preHandler', checkCursor);
  void app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'wiregraph API', version: '1', description: 'News as a sourced knowledge graph: articles, entities, quotes, events, networks and timelines.' },
    },
  });
  const store = asyncStore(options.store);
  void app.register(async (api) => {
    registerArticleRoutes(api, store);
    registerSearchRoutes(api, store);
    registerGraphRoutes(api, store);
    registerStoryRoutes(api, store);
    registerExtractRoute(api, options.extract);
    registerPageRoutes(api, store);
    api.get('/openapi.json', { schema: { hide: true } }, async () => api.swagger());
  });
  if (existsSync(join(UI_DIR, 'index.html'))) void app.register(fastifyStatic, { root: UI_DIR, prefix: '/', index: ['index.html'], wildcard: false });
  else app.get('/', async (_request, reply) => reply.redirect('/plain/'));
  return app;
}
