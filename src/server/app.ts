import Fastify, { type FastifyInstance } from 'fastify';
import type { ArticleStore } from '../store/store.js';
import { registerArticleRoutes } from './routes/articles.js';
import { registerPageRoutes } from './routes/pages.js';
import { registerSearchRoutes } from './routes/search.js';

/** Options for {@link buildApp}. */
export interface AppOptions {
  readonly store: ArticleStore;
  readonly logger?: boolean;
}

// Note: no inline script or style anywhere, so the policy can forbid both; article text is always escaped.
const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Builds the HTTP app (read-only API and the article list page) without listening, so that tests can
 * `inject()` requests.
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
  app.setErrorHandler((error: { validation?: unknown; statusCode?: number; message: string }, _request, reply) => {
    if (error.validation) {
      return reply.status(400).send({ error: { code: 'WG_BAD_OPTION', message: error.message } });
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    return reply.status(status).send({ error: { code: status === 500 ? 'WG_INTERNAL' : 'WG_BAD_REQUEST', message: error.message } });
  });
  registerArticleRoutes(app, options.store);
  registerSearchRoutes(app, options.store);
  registerPageRoutes(app, options.store);
  return app;
}
