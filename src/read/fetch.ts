/**
 * Fetching a URL safely: http and https only, a bounded number of redirects each checked again, a timeout
 * on the answer and on every wait for body bytes, a hard cap on the body counted as it arrives (before and
 * after decompression), and, unless allowed, no connection to a private, loopback, link-local or otherwise
 * reserved address, judged on the address the socket is given to connect to.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { WiregraphError } from '../errors.js';
import { isReservedAddress } from './addresses.js';

/** Options for {@link safeFetch}. */
export interface FetchOptions {
  /** Milliseconds to wait for an answer's headers, and for each next piece of its body; 20,000 when omitted. */
  readonly timeoutMs?: number;
  /** Milliseconds of waiting on the network, all waits of one fetch together; 300,000 when omitted. */
  readonly totalTimeoutMs?: number;
  /** Redirects followed at most; {@link DEFAULT_MAX_REDIRECTS} when omitted. */
  readonly maxRedirects?: number;
  /** The hard cap on the body, in bytes as received and as decompressed; {@link DEFAULT_MAX_FETCH_BYTES} when omitted. */
  readonly maxFetchBytes?: number;
  /** Connect to private, loopback, link-local and other reserved addresses too (off by default). */
  readonly allowPrivateAddresses?: boolean;
  /** Reserved addresses this returns true for are connected to all the same (an embedder's one intranet host, or a test's server). */
  readonly allowAddress?: (address: string, url: URL) => boolean;
  /**
   * The validators of the copy held (a feed's last answer): sent as `If-None-Match` and `If-Modified-Since`, so
   * that an unchanged resource answers 304 ({@link Fetched.notModified}) without a body.
   */
  readonly conditional?: { readonly etag: string | null; readonly lastModified: string | null };
}

/** A fetched answer whose body is still to be read. */
export interface Fetched {
  /** The URL after redirects. */
  readonly url: string;
  readonly contentType: string | null;
  /** The declared length, when the body is not compressed. */
  readonly size: number | null;
  /** The body, decompressed; each wait for a chunk is timed and the bytes are capped. */
  readonly chunks: AsyncIterable<Uint8Array> & { destroy(): void };
  /** The answer's validators (`ETag`, `Last-Modified`), to send back next time as {@link FetchOptions.conditional}. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** True when a conditional request was answered 304 Not Modified: `chunks` is then empty. */
  readonly notModified: boolean;
}

/** Redirects followed by default. */
export const DEFAULT_MAX_REDIRECTS = 5;
/** The default hard cap on a fetched body: 256 MiB. */
export const DEFAULT_MAX_FETCH_BYTES = 256 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_TOTAL_TIMEOUT_MS = 300_000;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

interface Clock {
  readonly timeoutMs: number;
  readonly totalMs: number;
  waitedMs: number;
}

/**
 * Fetches a URL with GET (see the module note for the guards).
 * @throws WiregraphError `WG_FETCH_SCHEME`, `WG_FETCH_BLOCKED`, `WG_FETCH_REDIRECTS`, `WG_INPUT_TOO_LARGE` or
 *   `WG_FETCH_FAILED` (no answer, an HTTP error status, a timeout); reading `chunks` throws the last three
 */
export async function safeFetch(address: string, options: FetchOptions = {}): Promise<Fetched> {
  const clock: Clock = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, totalMs: options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS, waitedMs: 0 };
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const cap = options.maxFetchBytes ?? DEFAULT_MAX_FETCH_BYTES;
  let url = httpUrl(address, address);
  for (let redirects = 0; ; redirects++) {
    const target = url;
    const permits = options.allowPrivateAddresses ? null : (ip: string): boolean => !isReservedAddress(ip) || (options.allowAddress?.(ip, target) ?? false);
    const response = await requestOnce(url, address, permits, clock, conditionalHeaders(options));
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(status) && location) {
      response.destroy();
      if (redirects >= maxRedirects) {
        throw new WiregraphError('WG_FETCH_REDIRECTS', `${address} redirected more than ${maxRedirects} times (last to ${safeText(location)}); fetch the final address directly, or raise --max-redirects.`, { input: address });
      }
      url = httpUrl(resolve(location, url, address), address);
      continue;
    }
    const validators = { etag: header(response, 'etag'), lastModified: header(response, 'last-modified') };
    if (status === 304 && options.conditional) {
      response.destroy();
      return { url: url.href, contentType: null, size: 0, chunks: Object.assign((async function* () {})(), { destroy: () => undefined }), ...validators, notModified: true };
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw failed(address, `${url.href} answered HTTP ${status} ${safeText(response.statusMessage ?? '')}`.trim());
    }
    const encoding = String(response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const declared = Number(response.headers['content-length'] ?? 0);
    if (declared > cap) {
      response.destroy();
      throw tooLarge(address, cap, declared);
    }
    const type = response.headers['content-type'];
    return { url: url.href, contentType: type ?? null, size: declared > 0 && encoding === 'identity' ? declared : null, chunks: body(response, encoding, address, cap, clock), ...validators, notModified: false };
  }
}

/** The conditional request headers of the validators held, if any. */
function conditionalHeaders(options: FetchOptions): Record<string, string> {
  const held = options.conditional;
  return {
    ...(held?.etag ? { 'if-none-match': held.etag } : {}),
    ...(held?.lastModified ? { 'if-modified-since': held.lastModified } : {}),
  };
}

/** A response header as one string (control characters out), or null. */
function header(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text ? safeText(text) : null;
}

/**
 * Parses an address as an http or https URL.
 * @throws WiregraphError `WG_FETCH_SCHEME` for another scheme, `WG_FETCH_FAILED` for no URL at all
 */
export function httpUrl(address: string, input: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw failed(input, `${safeText(address)} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WiregraphError('WG_FETCH_SCHEME', `${safeText(address)} is a ${url.protocol.replace(/:$/u, '')}: URL; only http and https URLs are fetched.`, { input });
  }
  return url;
}

/** A redirect's Location resolved against the URL that sent it. */
function resolve(location: string, from: URL, input: string): string {
  try {
    return new URL(location, from).href;
  } catch {
    throw failed(input, `${from.href} redirected to ${JSON.stringify(safeText(location))}, which is not a URL`);
  }
}

/**
 * Sends one GET and waits for its headers.
 * @param permits - whether an address may be connected to; null when any may
 */
function requestOnce(url: URL, input: string, permits: ((ip: string) => boolean) | null, clock: Clock, extra: Record<string, string>): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/gu, '');
  if (permits && isIP(host) !== 0 && !permits(host)) throw blocked(input, url, host);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers = { 'user-agent': 'wiregraph/0.1', 'accept-encoding': 'gzip, deflate, br', accept: '*/*', ...extra };
  const request = send(url, { method: 'GET', agent: false, headers, ...(permits ? { lookup: guardedLookup(input, url, permits) } : {}) });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.on('error', reject);
  });
  if (permits) {
    // Note: the lookup guard decides where the socket goes; this checks the address it did connect to as well.
    request.once('socket', (socket: Socket) => socket.once('connect', () => {
      if (socket.remoteAddress && !permits(socket.remoteAddress)) request.destroy(blocked(input, url, socket.remoteAddress));
    }));
  }
  request.end();
  return timed(answered, clock, () => {
    const error = failed(input, `${url.href} gave no answer within ${clock.timeoutMs} ms`);
    request.destroy(error);
    return error;
  }).catch((e: unknown) => {
    request.destroy();
    throw asFetchError(e, input, url);
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `dns.lookup` that refuses a name when any address it resolves to is not permitted. */
function guardedLookup(input: string, url: URL, permits: (ip: string) => boolean): (hostname: string, options: { all?: boolean | undefined }, callback: LookupCallback) => void {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const bad = addresses.find((a) => !permits(a.address));
      if (bad || addresses.length === 0) return callback(blocked(input, url, bad?.address ?? 'no address') as unknown as NodeJS.ErrnoException, '', 4);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** The body as chunks: decompressed, each wait timed, the bytes counted against the cap before and after decompression. */
function body(response: IncomingMessage, encoding: string, input: string, cap: number, clock: Clock): Fetched['chunks'] {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > cap ? tooLarge(input, cap, received) : null, chunk);
    },
  });
  const decoder = decoderFor(encoding, input);
  const noop = (): void => undefined;
  const stream: Readable = decoder ? pipeline(response, counter, decoder, noop) : pipeline(response, counter, noop);
  const chunks = (async function* (): AsyncGenerator<Uint8Array> {
    const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
    let decoded = 0;
    try {
      for (;;) {
        const next = await timed(iterator.next(), clock, () => {
          const error = failed(input, `${input} stalled: no body bytes for ${clock.timeoutMs} ms after its headers`);
          stream.destroy(error);
          return error;
        }).catch((e: unknown) => {
          throw asFetchError(e, input, null);
        });
        if (next.done) return;
        decoded += next.value.length;
        if (decoded > cap) throw tooLarge(input, cap, decoded);
        yield next.value;
      }
    } finally {
      stream.destroy();
      response.destroy();
    }
  })();
  return Object.assign(chunks, { destroy: (): void => { stream.destroy(); response.destroy(); } });
}

function decoderFor(encoding: string, input: string): Transform | null {
  if (encoding === 'identity' || encoding === '') return null;
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  if (encoding === 'br') return createBrotliDecompress();
  throw failed(input, `${input} is sent with the content encoding ${JSON.stringify(safeText(encoding))}, which is not read`);
}

/**
 * Waits for a promise no longer than the per-wait timeout and what is left of the total.
 * @param onTimeout - stops the work and gives the error to throw
 */
async function timed<T>(promise: Promise<T>, clock: Clock, onTimeout: () => WiregraphError): Promise<T> {
  const started = performance.now();
  const limit = Math.max(0, Math.min(clock.timeoutMs, clock.totalMs - clock.waitedMs));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), limit);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
    clock.waitedMs += performance.now() - started;
  }
}

function asFetchError(error: unknown, input: string, url: URL | null): WiregraphError {
  if (error instanceof WiregraphError) return error;
  const code = (error as { code?: string }).code ?? (error as Error).message;
  return failed(input, `${url?.href ?? input} could not be fetched (${safeText(String(code))}); check the address and your connection`);
}

function failed(input: string, what: string): WiregraphError {
  return new WiregraphError('WG_FETCH_FAILED', `${what}.`, { input });
}

function blocked(input: string, url: URL, address: string): WiregraphError {
  return new WiregraphError('WG_FETCH_BLOCKED', `${url.href} leads to ${address}, a private, loopback, link-local or reserved address, which is not fetched; pass --allow-private-addresses if this server is meant to be read.`, { input });
}

function tooLarge(input: string, max: number, size: number): WiregraphError {
  return new WiregraphError('WG_INPUT_TOO_LARGE', `${input} sent ${size} bytes, over the cap of ${max} bytes; raise it with --max-fetch-bytes if this input is meant to be read.`, { input });
}

/** A server-given string fit for a message: control characters out, at most 200 characters. */
function safeText(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F]/gu, '?').slice(0, 200);
}
