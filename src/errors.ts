/**
 * Stable error codes. Each says what went wrong; the message says what to do next.
 * Codes never change meaning once released; new ones are added at the end of their group.
 */
export const ERROR_CODES = {
  WG_EMPTY_INPUT: 'the input has no text',
  WG_BINARY_INPUT: 'the input is binary, not text',
  WG_INPUT_TOO_LARGE: 'the input is larger than the configured cap',
  WG_INPUT_NOT_FOUND: 'the path does not exist or cannot be read',
  WG_FETCH_FAILED: 'a URL could not be fetched',
  WG_FETCH_SCHEME: 'a URL (or a redirect) uses a scheme other than http or https, which is refused',
  WG_FETCH_BLOCKED: 'a URL (or a redirect) leads to a private, loopback, link-local or reserved address, which is refused unless allowed',
  WG_FETCH_REDIRECTS: 'a URL redirected more times than allowed',
  WG_NO_ARTICLE: 'an HTML page holds no article text',
  WG_READ_FAILED: 'a reader failed on an input for a reason not covered by another code',
  WG_FEED_NOT_XML: 'a feed is not well-formed XML',
  WG_FEED_DTD: 'a feed declares a DTD, which is refused',
  WG_FEED_UNKNOWN: 'XML that is neither RSS nor Atom',
  WG_FEED_ITEM_EMPTY: 'a feed item has no text',
  WG_JSONL_BAD_LINE: 'a JSONL line is not JSON or not a valid record',
  WG_BAD_DATE: 'a date option cannot be read',
  WG_BAD_OPTION: 'a command-line or API option is invalid',
  WG_BAD_DICTIONARY: 'a user dictionary (actors, agents or verbs) cannot be read',
  WG_LAYER_REASSIGNED: 'a stage tried to replace an existing layer',
  WG_PIPELINE_INVALID: 'the pipeline declarations do not line up',
  WG_STORE_MIGRATION: 'the database schema is newer than this program',
  WG_STORE_FAILED: 'one record could not be stored (it was rolled back alone; the rest of its batch was stored)',
  WG_STORE_BUSY: 'the database was locked by another process (another ingest) for longer than the busy timeout',
  WG_STORE_FULL: 'the disk or the database size limit is full; the batch being stored was rolled back, those before it kept',
  WG_STORE_UNREADABLE: 'the database file is damaged, not a wiregraph database, or cannot be opened, read or written',
  WG_NOT_FOUND: 'no stored article has that id',
  WG_PORT_IN_USE: 'the server cannot listen because its port is taken',
  WG_STAGE_FAILED: 'a pipeline stage failed on one article',
  WG_WORKER_FAILED: 'a worker thread ended while extracting an article, or cannot be started',
  WG_BUSY: 'the server already has as many extractions running and waiting as it takes; retry later',
  WG_MODEL_FORMAT: 'a model or data file is not in the format (or the format version) this program reads',
  WG_FINGERPRINT: 'a stored story fingerprint is not in the format (or the format version) this program reads, or two fingerprints do not compare',
  WG_BAD_REQUEST: 'an HTTP request is malformed (a body that is not JSON, nested too deep, or a URL too long)',
  WG_INTERNAL: 'the server failed on a request for a reason of its own (the server log has the details; the answer never does)',
  WG_FORBIDDEN_ORIGIN: 'a write request came from another web page (Origin) or through a host name not the server\'s own (Host)',
  WG_PREFLIGHT_REQUIRED: 'a write request is one a web page could send without a CORS preflight (no JSON content type, no custom header)',
  WG_UNAUTHORIZED: 'a write request lacks the API key the server was started with, or has a wrong one',
  WG_API_KEY_REQUIRED: 'the server was asked to listen on an address other than loopback without an API key',
  WG_RATE_LIMITED: 'a client sent more requests than the server takes per minute; retry after the time it says',
  WG_QUERY_TOO_BROAD: 'a search has more terms or prefix terms than the server expands',
  WG_DEADLINE: 'a request\'s work ran past the server\'s deadline and its answer was given up',
  WG_ARTICLE_DEADLINE: 'an article ran past the worker deadline: its worker was stopped and replaced, and the other articles went on',
  WG_STORE_UNAVAILABLE: 'the store (a PostgreSQL server) cannot be reached or refused the connection',
} as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A hard failure with a stable code and, where it concerns one input, the input's name and position. */
export class WiregraphError extends Error {
  override readonly name = 'WiregraphError';
  readonly code: ErrorCode;
  readonly input: string | null;
  readonly line: number | null;

  constructor(code: ErrorCode, message: string, where: { input?: string | null; line?: number | null } = {}) {
    super(message);
    this.code = code;
    this.input = where.input ?? null;
    this.line = where.line ?? null;
  }

  /** The error as a plain object, for JSONL and API output. */
  toJSON(): { code: ErrorCode; message: string; input: string | null; line: number | null } {
    return { code: this.code, message: this.message, input: this.input, line: this.line };
  }
}

/** Wraps anything thrown into a WiregraphError, keeping one that already is. */
export function asWiregraphError(error: unknown, fallback: ErrorCode, input: string | null): WiregraphError {
  if (error instanceof WiregraphError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new WiregraphError(fallback, message, { input });
}
