import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { WiregraphError } from '../errors.js';
import type { Source } from './types.js';

/** Default cap on one input's size: 10 MiB. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Options for loading inputs. */
export interface LoadOptions {
  /** Inputs larger than this many bytes are refused. */
  readonly maxBytes: number;
  /** Milliseconds before a URL fetch is abandoned. */
  readonly timeoutMs?: number;
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

/**
 * Loads one input's bytes: a file, an http(s) URL, or `-` for standard input, refusing anything larger
 * than the cap before reading it whole.
 * @throws WiregraphError `WG_INPUT_NOT_FOUND`, `WG_INPUT_TOO_LARGE` or `WG_FETCH_FAILED`
 */
export async function loadSource(name: string, options: LoadOptions): Promise<Source> {
  if (name === '-') return { name: 'stdin', bytes: await readCapped(process.stdin, 'stdin', options.maxBytes), contentType: null, url: null };
  if (isUrl(name)) return fetchSource(name, options);
  const info = await stat(name).catch(() => null);
  if (!info?.isFile()) {
    throw new WiregraphError('WG_INPUT_NOT_FOUND', `${name} does not exist or is not a file.`, { input: name });
  }
  if (info.size > options.maxBytes) throw tooLarge(name, options.maxBytes, info.size);
  return { name, bytes: await readFile(name), contentType: null, url: null };
}

async function fetchSource(url: string, options: LoadOptions): Promise<Source> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 20_000), headers: { 'user-agent': 'wiregraph/0.1' } });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new WiregraphError('WG_FETCH_FAILED', `${url} could not be fetched (${cause}); check the address and your connection.`, { input: url });
  }
  if (!response.ok || !response.body) {
    throw new WiregraphError('WG_FETCH_FAILED', `${url} answered HTTP ${response.status} ${response.statusText}.`, { input: url });
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > options.maxBytes) throw tooLarge(url, options.maxBytes, declared);
  const bytes = await readCapped(response.body as unknown as AsyncIterable<Uint8Array>, url, options.maxBytes);
  return { name: url, bytes, contentType: response.headers.get('content-type'), url: response.url || url };
}

async function readCapped(stream: AsyncIterable<Uint8Array>, name: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(name, maxBytes, size);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(name: string, max: number, size: number): WiregraphError {
  return new WiregraphError('WG_INPUT_TOO_LARGE', `${name} is ${size} bytes, over the cap of ${max} bytes; raise it with --max-bytes if this input is meant to be read.`, { input: name });
}
