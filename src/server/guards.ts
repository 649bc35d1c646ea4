/**
 * The guards of the write routes (every method but GET, HEAD and OPTIONS): the request must come through a host
 * name of the server's own and from no other web page, must be one a browser sends only after a CORS preflight
 * (which this server never grants), and must carry the API key when the server has one.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WiregraphError } from '../errors.js';

/** How the write routes are guarded. */
export interface WriteGuardOptions {
  /** The API key write requests must carry (`authorization: Bearer KEY` or `x-api-key: KEY`); none: no key asked. */
  readonly apiKey?: string;
  /** Host names (without port) the server answers writes under, besides loopback names and IP addresses. */
  readonly allowedHosts?: readonly string[];
}

/** The header the web UI sends with its writes: a custom header, so that a browser asks a preflight first. */
export const CLIENT_HEADER = 'x-wiregraph';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_NAMES = new Set(['localhost', 'localhost.']);

/** The host name of a `Host` header (`[::1]:8080` gives `::1`), lower-cased; null when it cannot be read. */
export function hostName(host: string): string | null {
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::\d{1,5})?$/iu.exec(host.trim());
  const name = m?.[1] ?? m?.[2];
  return name ? name.toLowerCase() : null;
}

/**
 * Whether a `Host` names this server: a loopback name, an IP address (a rebound DNS name is a name, never an
 * address), or one of the allowed names.
 */
export function isOwnHost(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (host === undefined) return false;
  const name = hostName(host);
  if (name === null) return false;
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost') || isIP(name) !== 0 || allowed.has(name);
}

/** The key a request carries, if any. */
function keyOf(request: FastifyRequest): string | null {
  const auth = request.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/iu.exec(auth);
    if (m) return m[1]!;
  }
  const header = request.headers['x-api-key'];
  return typeof header === 'string' ? header.trim() : null;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Whether a request needs a preflight in a browser: a JSON body, or a header no simple request may carry. */
function needsPreflight(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  if (typeof type === 'string' && /^application\/json\s*(?:;|$)/iu.test(type)) return true;
  return request.headers[CLIENT_HEADER] !== undefined || request.headers.authorization !== undefined || request.headers['x-api-key'] !== undefined;
}

/**
 * Checks one write request.
 * @throws WiregraphError `WG_FORBIDDEN_ORIGIN`, `WG_PREFLIGHT_REQUIRED` or `WG_UNAUTHORIZED`
 */
export function checkWrite(request: FastifyRequest, options: { allowed: ReadonlySet<string>; key: Buffer | null }): void {
  const host = request.headers.host;
  if (!isOwnHost(host, options.allowed)) {
    throw new WiregraphError('WG_FORBIDDEN_ORIGIN', `Writes are answered only under this server's own host name, not ${JSON.stringify(host ?? '')}; add it with --allow-host if it is yours.`);
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) {
    throw new WiregraphError('WG_FORBIDDEN_ORIGIN', `Writes are answered only from this server's own pages, not from ${JSON.stringify(origin)}.`);
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new WiregraphError('WG_FORBIDDEN_ORIGIN', `Writes are answered only from this server's own pages, not from a ${site} one.`);
  }
  if (!needsPreflight(request)) {
    throw new WiregraphError('WG_PREFLIGHT_REQUIRED', `A write needs content-type: application/json or an ${CLIENT_HEADER} header (so that no other web page can send it).`);
  }
  if (options.key === null) return;
  const given = keyOf(request);
  // Note: digests of equal length are compared in constant time, so the comparison says nothing of the key.
  if (given === null || !timingSafeEqual(digest(given), options.key)) {
    throw new WiregraphError('WG_UNAUTHORIZED', given === null ? 'This server takes writes with its API key only: send authorization: Bearer KEY or x-api-key: KEY.' : 'The API key sent is not this server\'s.');
  }
}

/** Adds the write guards to an app (before validation and the body's parsing, so a refused write costs nothing). */
export function registerWriteGuards(app: FastifyInstance, options: WriteGuardOptions = {}): void {
  const checks = {
    allowed: new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase())),
    key: options.apiKey ? digest(options.apiKey) : null,
  };
  app.addHook('onRequest', async (request, reply) => {
    // Note: a method no route answers is left to the 404, which writes nothing.
    if (READ_METHODS.has(request.method) || request.routeOptions.url === undefined) return;
    try {
      checkWrite(request, checks);
    } catch (e) {
      if (e instanceof WiregraphError && e.code === 'WG_UNAUTHORIZED') void reply.header('www-authenticate', 'Bearer realm="wiregraph"');
      throw e;
    }
  });
}
