import { asWiregraphError } from '../errors.js';
import { decodeBytes, decodeRaw, utf16Decoder } from './decode.js';
import { detectKind } from './detect.js';
import { readJsonlLine, tooLongLine } from './jsonl.js';
import { readSourceLazily } from './read.js';
import { openSource, readWhole, type LoadOptions, type OpenedSource } from './source.js';
import type { InputKind, ReadItem, ReadOptions } from './types.js';

/**
 * The bound on a whole feed file, which is read into memory and then item by item; each item is capped by
 * `--max-bytes`. 256 MiB, or the `--max-bytes` cap when that is larger.
 */
export const FEED_MAX_BYTES = 256 * 1024 * 1024;

/** How much of an input is looked at to pick its reader: up to the end of its first line, at most 1 MiB. */
const SNIFF_BYTES = 1 << 20;
/** How much of an over-long JSONL line is kept, to find the id it opens with. */
const HEAD_BYTES = 1024;

/**
 * Reads one input (a file, URL or `-`) into items, in order. A JSONL input is read line by line in
 * constant memory, `maxBytes` capping each record (an over-long line becomes a `WG_INPUT_TOO_LARGE` item
 * in its place); a feed is read whole up to {@link FEED_MAX_BYTES}, then item by item; any other input
 * whole up to `maxBytes`. Never throws: a failure becomes an item with a coded error.
 */
export async function* readInput(name: string, options: LoadOptions & ReadOptions): AsyncGenerator<ReadItem> {
  let opened: OpenedSource;
  try {
    opened = await openSource(name, options);
  } catch (e) {
    yield { ok: false, input: name, error: asWiregraphError(e, 'WG_READ_FAILED', name) };
    return;
  }
  const iterator = opened.chunks[Symbol.asyncIterator]();
  const rest = { [Symbol.asyncIterator]: () => iterator, destroy: () => void iterator.return?.() };
  try {
    const head = await sniff(iterator);
    const { kind, stream } = kindOf(opened, options.kind, head);
    if (stream) {
      yield* readJsonlStream(head, iterator, opened.name, options);
      return;
    }
    const cap = kind === 'feed' ? Math.max(options.maxBytes, FEED_MAX_BYTES) : options.maxBytes;
    const source = await readWhole({ ...opened, chunks: rest }, cap, head);
    yield* readSourceLazily(source, { ...options, kind: options.kind === 'auto' && kind === 'feed' ? 'feed' : options.kind });
  } catch (e) {
    rest.destroy();
    yield { ok: false, input: opened.name, error: asWiregraphError(e, 'WG_READ_FAILED', opened.name) };
  }
}

/** Takes chunks from the stream until a newline or {@link SNIFF_BYTES} has been seen, or the stream ends. */
async function sniff(iterator: AsyncIterator<Uint8Array>): Promise<Uint8Array[]> {
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
    if (next.value.includes(0x0a)) break;
  }
  return head;
}

/**
 * The reader for an input from its name, type and first bytes, and whether it is streamed: JSONL is,
 * unless it is UTF-16 (whose bytes cannot be split at a newline byte; it is read whole, up to the cap).
 */
function kindOf(opened: OpenedSource, kind: InputKind, head: readonly Uint8Array[]): { kind: InputKind; stream: boolean } {
  const bytes = Buffer.concat(head);
  if (utf16Decoder(bytes)) return { kind, stream: false };
  const chosen = kind === 'auto' ? detectKind(opened.name, opened.contentType, decodeRaw(bytes)) : kind;
  return { kind: chosen, stream: chosen === 'jsonl' };
}

/**
 * Reads JSONL from a byte stream, line by line: each line is decoded on its own (so one bad byte or NUL
 * stays on its line) and read with {@link readJsonlLine}.
 */
async function* readJsonlStream(head: readonly Uint8Array[], iterator: AsyncIterator<Uint8Array>, input: string, options: LoadOptions & ReadOptions): AsyncGenerator<ReadItem> {
  let lineNo = 0;
  for await (const line of splitLines(head, iterator, options.maxBytes)) {
    lineNo++;
    const context = { input, line: lineNo, date: options.date };
    const item = line.bytes === null
      ? tooLongLine(context, line.size, options.maxBytes, decodeBytes(line.head))
      : readJsonlLine(decodeBytes(lineNo === 1 ? withoutBom(line.bytes) : line.bytes), context);
    if (item) yield item;
  }
}

/** One line of a byte stream: its bytes, or null when it ran past the cap (then its size and first bytes). */
interface Line {
  readonly bytes: Uint8Array | null;
  readonly size: number;
  readonly head: Uint8Array;
}

/**
 * Splits a byte stream at `\n` (a trailing `\r` dropped) without holding more than one line, and no more
 * than `maxBytes` of a line: a longer line is counted to its end and given as its size and first bytes.
 */
export async function* splitLines(head: readonly Uint8Array[], iterator: AsyncIterator<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let lineHead: Uint8Array | null = null;
  const take = (piece: Uint8Array): void => {
    size += piece.length;
    if (lineHead === null && size > maxBytes) lineHead = Buffer.concat([...parts, piece]).subarray(0, HEAD_BYTES);
    if (lineHead === null) parts.push(piece);
    else parts = [];
  };
  const finish = (): Line => {
    const bytes = lineHead === null ? trimCr(parts.length === 1 ? parts[0]! : Buffer.concat(parts)) : null;
    const line = { bytes, size, head: lineHead ?? new Uint8Array(0) };
    parts = [];
    size = 0;
    lineHead = null;
    return line;
  };
  const chunks = async function* (): AsyncGenerator<Uint8Array> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  };
  for await (const chunk of chunks()) {
    let from = 0;
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, from)) {
      take(chunk.subarray(from, at));
      yield finish();
      from = at + 1;
    }
    // Note: the rest of a chunk is copied, so that the stream's buffer is never held past its line.
    if (from < chunk.length) take(Buffer.from(chunk.subarray(from)));
  }
  if (size > 0) yield finish();
}

function trimCr(bytes: Uint8Array): Uint8Array {
  return bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes;
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}
