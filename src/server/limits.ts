/**
 * The limits every request meets: a rate per client (reads and writes counted apart), the length of a URL, the
 * size and nesting of a JSON body, and the security headers of every answer.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WiregraphError } from '../errors.js';

/** How much one client may ask. */
export interface RequestLimits {
  /** Reads (GET, HEAD) per client per minute; 0: no limit. */
  readonly readsPerMinute?: number;
  /** Writes (any other method) per client per minute; 0: no limit. */
  readonly writesPerMinute?: number;
}

/**
 * The default rates: far above what the web UI asks (a view makes about ten requests) and what a test run sends
 * to one app, far below what a loop sends (the burst undid 24 merges in 240 requests).
 */
export const DEFAULT_LIMITS = { readsPerMinute: 3000, writesPerMinute: 60 } as const;

/** The longest URL (path and query) answered; longer is a 414. */
export const MAX_URL_LENGTH = 4096;
/** The largest body of any route without a limit of its own. */
export const BODY_LIMIT = 64 * 1024;
/** The deepest nesting of arrays and objects a JSON body may have (actor lists need three). */
export const MAX_JSON_DEPTH = 32;

// Note: no inline script or style anywhere, so the policy can forbid both; article text is always escaped and
// the web UI renders it as text nodes, never as HTML.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The headers of every answer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const isRead = (request: FastifyRequest): boolean => request.method === 'GET' || request.method === 'HEAD';

/**
 * The nesting depth of a JSON text, counted without parsing (strings skipped), stopping once over `max`.
 * @returns the depth, or `max + 1` when deeper
 */
export function jsonDepth(text: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return max + 1;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Adds the rate limit, the URL and body limits and the security headers to an app, before its routes. */
export function registerLimits(app: FastifyInstance, limits: RequestLimits = {}): void {
  const reads = limits.readsPerMinute ?? DEFAULT_LIMITS.readsPerMinute;
  const writes = limits.writesPerMinute ?? DEFAULT_LIMITS.writesPerMinute;
  app.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length <= MAX_URL_LENGTH) return;
    await reply.status(414).send({ error: { code: 'WG_BAD_REQUEST', message: `The URL is ${request.url.length} characters long; the server reads at most ${MAX_URL_LENGTH}.` } });
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(new WiregraphError('WG_BAD_REQUEST', `The JSON body nests arrays and objects more than ${MAX_JSON_DEPTH} deep.`), undefined);
      return;
    }
    parseJson(request, text, done);
  });
  if (reads === 0 && writes === 0) return;
  void app.register(rateLimit, {
    global: true,
    // Note: reads and writes are counted apart, so that browsing never uses up the writes, nor a write loop the reads.
    keyGenerator: (request) => `${isRead(request) ? 'r' : 'w'}:${request.ip}`,
    max: (request) => (isRead(request) ? reads : writes) || Number.MAX_SAFE_INTEGER,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) => Object.assign(
      new WiregraphError('WG_RATE_LIMITED', `This client sent more than ${context.max} requests of this kind in a minute; retry in ${context.after}.`),
      { statusCode: 429 },
    ),
  });
}
