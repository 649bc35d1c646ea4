import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { WiregraphError } from '../errors.js';
import { DEFAULT_MAX_FETCH_BYTES, httpUrl, safeFetch, type FetchOptions } from './fetch.js';
import { DEFAULT_MAX_BYTES, type Source } from './types.js';

export { DEFAULT_MAX_BYTES };

/** Options for loading inputs; those of {@link FetchOptions} apply to URLs. */
export interface LoadOptions extends FetchOptions {
  /** Inputs larger than this many bytes are refused; in a JSONL stream or a feed, the cap on one record or item. */
  readonly maxBytes: number;
}

/** File extensions a folder walk reads; a file named on the command line is read whatever its extension. */
export const ARTICLE_EXTENSIONS: ReadonlySet<string> = new Set(['', '.txt', '.text', '.html', '.htm', '.xhtml', '.xml', '.rss', '.atom', '.jsonl', '.ndjson']);

/** True for http and https URLs. */
export function isUrl(name: string): boolean {
  return /^https?:\/\//iu.test(name);
}

/**
 * Expands command-line inputs: folders are walked recursively (sorted, hidden entries skipped, only files
 * with an {@link ARTICLE_EXTENSIONS} extension, so a README or an image beside the articles is left alone);
 * files, URLs and `-` pass through.
 * @throws WiregraphError `WG_INPUT_NOT_FOUND` for a path that does not exist is not thrown here: such a
 *   path passes through so that {@link loadSource} reports it in its place in the batch.
 */
export async function* expandInputs(names: readonly string[]): AsyncGenerator<string> {
  for (const name of names) {
    if (name === '-' || isUrl(name)) {
      yield name;
      continue;
    }
    const info = await stat(name).catch(() => null);
    if (info?.isDirectory()) yield* walk(name);
    else yield name;
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && ARTICLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) yield path;
  }
}

/** An input opened for reading: what is known of it, and its bytes as a stream of chunks. */
export interface OpenedSource {
  readonly name: string;
  readonly contentType: string | null;
  readonly url: string | null;
  /** The size in bytes when known beforehand (a file's, or a declared Content-Length). */
  readonly size: number | null;
  readonly chunks: AsyncIterable<Uint8Array>;
}

/**
 * Opens one input for reading without reading it: a file, an http(s) URL, or `-` for standard input.
 * @throws WiregraphError `WG_INPUT_NOT_FOUND` or `WG_FETCH_FAILED`
 */
export async function openSource(name: string, options: LoadOptions): Promise<OpenedSource> {
  if (name === '-') return { name: 'stdin', contentType: null, url: null, size: null, chunks: process.stdin };
  if (isUrl(name)) return fetchSource(name, options);
  const info = await stat(name).catch(() => null);
  // Note: `file://`, `ftp://` and the like are refused by name, not looked for on disk.
  if (!info && /^[a-z][a-z\d+.-]*:\/\//iu.test(name)) httpUrl(name, name);
  if (!info?.isFile()) {
    throw new WiregraphError('WG_INPUT_NOT_FOUND', `${name} does not exist or is not a file.`, { input: name });
  }
  // Note: 1 MiB chunks keep a gigabyte JSONL stream from costing a million reads.
  return { name, contentType: null, url: null, size: info.size, chunks: createReadStream(name, { highWaterMark: 1 << 20 }) };
}

/**
 * Loads one input's bytes whole: a file, an http(s) URL, or `-` for standard input, refusing anything
 * larger than the cap before reading it whole.
 * @throws WiregraphError `WG_INPUT_NOT_FOUND`, `WG_INPUT_TOO_LARGE` or `WG_FETCH_FAILED`
 */
export async function loadSource(name: string, options: LoadOptions): Promise<Source> {
  return readWhole(await openSource(name, options), options.maxBytes);
}

/**
 * Reads an opened input whole, refusing it once it passes the cap.
 * @param head - chunks already taken from the stream, which come first
 * @throws WiregraphError `WG_INPUT_TOO_LARGE`
 */
export async function readWhole(opened: OpenedSource, maxBytes: number, head: readonly Uint8Array[] = []): Promise<Source> {
  if (opened.size !== null && opened.size > maxBytes) {
    destroy(opened.chunks);
    throw tooLarge(opened.name, maxBytes, opened.size);
  }
  const bytes = await readCapped(opened.chunks, opened.name, maxBytes, head);
  return { name: opened.name, bytes, contentType: opened.contentType, url: opened.url };
}

/** Stops a file or response stream that will not be read to its end. */
export function destroy(chunks: AsyncIterable<Uint8Array>): void {
  if (chunks !== process.stdin) (chunks as { destroy?: () => void }).destroy?.();
}

async function fetchSource(url: string, options: LoadOptions): Promise<OpenedSource> {
  // Note: the whole-fetch cap is never below the per-input one, so that --max-bytes alone still works.
  const maxFetchBytes = options.maxFetchBytes ?? Math.max(DEFAULT_MAX_FETCH_BYTES, options.maxBytes);
  const fetched = await safeFetch(url, { ...options, maxFetchBytes });
  return { name: url, contentType: fetched.contentType, url: fetched.url, size: fetched.size, chunks: fetched.chunks };
}

async function readCapped(stream: AsyncIterable<Uint8Array>, name: string, maxBytes: number, head: readonly Uint8Array[]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [...head];
  let size = head.reduce((n, c) => n + c.length, 0);
  if (size > maxBytes) throw tooLarge(name, maxBytes, size);
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(name, maxBytes, size);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The `WG_INPUT_TOO_LARGE` error for an input over the cap. */
export function tooLarge(name: string, max: number, size: number): WiregraphError {
  return new WiregraphError('WG_INPUT_TOO_LARGE', `${name} is ${size} bytes, over the cap of ${max} bytes; raise it with --max-bytes if this input is meant to be read.`, { input: name });
}
