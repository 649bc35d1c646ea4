import type { FastifyInstance } from 'fastify';
import type { ArticleStore } from '../store/store.js';
import { buildApp } from './app.js';

/**
 * Builds the app and listens.
 * @returns the app and the address it listens on
 */
export async function listen(store: ArticleStore, host: string, port: number): Promise<{ app: FastifyInstance; address: string }> {
  const app = buildApp({ store });
  const address = await app.listen({ host, port });
  return { app, address };
}
