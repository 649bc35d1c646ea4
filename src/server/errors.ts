import type { FastifyReply, FastifyRequest } from 'fastify';
import { WiregraphError, type ErrorCode } from '../errors.js';
import { decodeCursor } from '../store/cursor.js';

/** The one error body of every route: `{"error": {"code", "message"}}`. */
export function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

/** What the framework throws: a validation failure, a status of its own (a body too large), or anything else. */
interface ThrownError {
  readonly validation?: unknown;
  readonly statusCode?: number;
  readonly message: string;
}

/** The HTTP status of each typed error a route or hook throws; any other code is a 422 (the input cannot be used). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  WG_NOT_FOUND: 404, WG_BAD_OPTION: 400, WG_BAD_DATE: 400, WG_BAD_REQUEST: 400, WG_QUERY_TOO_BROAD: 400,
  WG_UNAUTHORIZED: 401, WG_FORBIDDEN_ORIGIN: 403, WG_PREFLIGHT_REQUIRED: 403, WG_INPUT_TOO_LARGE: 413,
  WG_RATE_LIMITED: 429, WG_INTERNAL: 500, WG_BUSY: 503, WG_DEADLINE: 503, WG_STORE_UNAVAILABLE: 503,
};

/** The HTTP status of a typed error (see {@link STATUS}). */
export function statusOf(code: ErrorCode): number {
  return STATUS[code] ?? 422;
}

/**
 * The app's error handler: a bad parameter is a 400 `WG_BAD_OPTION`, a typed error keeps its code and gets its
 * status ({@link statusOf}), a framework error with a 4xx status keeps it (`WG_INPUT_TOO_LARGE` for a 413,
 * `WG_BAD_REQUEST` otherwise), anything else a 500 `WG_INTERNAL` whose message says nothing of the cause.
 */
export function sendError(error: ThrownError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.validation) return reply.status(400).send(errorBody('WG_BAD_OPTION', error.message));
  if (error instanceof WiregraphError) return reply.status(statusOf(error.code)).send(errorBody(error.code, error.message));
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    // Note: the cause (a stack, a file path, a database message) goes to the log only; the client gets the request id to quote.
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(errorBody('WG_INTERNAL', `The server failed on this request (request ${request.id}); its log has the details.`));
  }
  return reply.status(status).send(errorBody(status === 413 ? 'WG_INPUT_TOO_LARGE' : 'WG_BAD_REQUEST', withoutPaths(error.message)));
}

/** A message with any absolute file path in it replaced by `…`. */
export function withoutPaths(message: string): string {
  return message.replace(/(?:file:\/\/)?(?:\/[\w.@-]+){2,}\/?|[A-Za-z]:\\[^\s'"]+/gu, '…');
}

// Note: the stories list pages by (copies, id), base64url of `s<copies>:<id>` (src/store/sqlite/story-queries.ts);
// every other list by one position, made by encodeCursor.
const STORY_CURSOR = /^s\d{1,12}:\d{1,15}$/u;

/** Whether a cursor is one the route's list made; one it did not make would silently start again at page 1. */
function cursorMadeFor(route: string, cursor: string): boolean {
  if (route === '/api/stories') return STORY_CURSOR.test(Buffer.from(cursor, 'base64url').toString());
  return decodeCursor(cursor) !== null;
}

/**
 * A hook that answers a cursor the list did not make with a 400 `WG_BAD_OPTION` (a client paging with a
 * corrupted cursor would otherwise get page 1 again, and could loop).
 */
export async function checkCursor(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const cursor = (request.query as { cursor?: unknown } | undefined)?.cursor;
  const route = request.routeOptions.url ?? '';
  if (typeof cursor !== 'string' || !route.startsWith('/api/') || cursorMadeFor(route, cursor)) return undefined;
  return reply.status(400).send(errorBody('WG_BAD_OPTION', `querystring/cursor is not a cursor this list gave: pass nextCursor back as it came, or leave cursor out for the first page.`));
}
