import type { FastifyReply, FastifyRequest } from 'fastify';
import { WiregraphError } from '../errors.js';
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

/**
 * The app's error handler: a bad parameter is a 400 `WG_BAD_OPTION`, a typed error keeps its code (`WG_NOT_FOUND`
 * a 404, `WG_BAD_OPTION` and `WG_BAD_DATE` 400s), a body too large a 413, anything else a 500 `WG_INTERNAL`.
 */
export function sendError(error: ThrownError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error.validation) return reply.status(400).send(errorBody('WG_BAD_OPTION', error.message));
  if (error instanceof WiregraphError) {
    const status = error.code === 'WG_NOT_FOUND' ? 404 : error.code === 'WG_BAD_OPTION' || error.code === 'WG_BAD_DATE' ? 400 : 422;
    return reply.status(status).send(errorBody(error.code, error.message));
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  const code = status === 500 ? 'WG_INTERNAL' : status === 413 ? 'WG_INPUT_TOO_LARGE' : 'WG_BAD_REQUEST';
  return reply.status(status).send(errorBody(code, error.message));
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
