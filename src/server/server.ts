import type { FastifyInstance } from 'fastify';
import { WiregraphError } from '../errors.js';
import type { ArticleStore } from '../store/store.js';
import { buildApp } from './app.js';

/**
 * Builds the app and listens.
 * @returns the app and the address it listens on
 * @throws WiregraphError `WG_PORT_IN_USE` when the port is taken
 */
export async function listen(store: ArticleStore, host: string, port: number): Promise<{ app: FastifyInstance; address: string }> {
  const app = buildApp({ store });
  try {
    return { app, address: await app.listen({ host, port }) };
  } catch (e) {
    await app.close();
    if ((e as { code?: string }).code === 'EADDRINUSE') {
      throw new WiregraphError('WG_PORT_IN_USE', `Port ${port} on ${host} is already in use; stop the other server or pass --port with a free port.`);
    }
    throw e;
  }
}
