import { isIP } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { WiregraphError } from '../errors.js';
import type { AnyArticleStore } from '../store/async.js';
import { buildApp, type AppOptions } from './app.js';

/** How the server is exposed: what {@link buildApp} takes besides the store. */
export type ServeOptions = Omit<AppOptions, 'store'>;

/** Whether an address to listen on is loopback only (`127.0.0.0/8`, `::1`, `localhost`). */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/gu, '').toLowerCase();
  if (name === 'localhost' || name === '::1') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/**
 * Builds the app and listens.
 * @returns the app and the address it listens on
 * @throws WiregraphError `WG_API_KEY_REQUIRED` when asked to listen beyond loopback without an API key,
 *   `WG_PORT_IN_USE` when the port is taken
 */
export async function listen(store: AnyArticleStore, host: string, port: number, options: ServeOptions = {}): Promise<{ app: FastifyInstance; address: string }> {
  if (!isLoopback(host) && !options.guards?.apiKey) {
    throw new WiregraphError('WG_API_KEY_REQUIRED', `Listening on ${host} reaches beyond this machine: pass --api-key KEY (or set WIREGRAPH_API_KEY) so that only those with the key can write, or listen on 127.0.0.1.`);
  }
  const app = buildApp({ store, ...options });
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
