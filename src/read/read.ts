import { asWiregraphError, WiregraphError } from '../errors.js';
import { decodeRaw, looksBinary, normaliseNewlines, utf16Decoder, withoutControls } from './decode.js';
import { detectKind } from './detect.js';
import { openFeed } from './feed.js';
import { articleFromHtml } from './html.js';
import { readJsonl } from './jsonl.js';
import { articleFromText } from './layout.js';
import { DEFAULT_MAX_BYTES, type ReadItem, type ReadOptions, type Source } from './types.js';

/**
 * Reads one loaded input into Articles with the reader `options.kind` names (or the detected one).
 * Never throws: a failure becomes an item with a coded error, so that one bad input never stops a batch.
 */
export function readSource(source: Source, options: ReadOptions): ReadItem[] {
  return [...readSourceLazily(source, options)];
}

/**
 * As {@link readSource}, but a feed's items are read one at a time as they are asked for (see {@link openFeed}),
 * so that a reader of a large feed gets its first article at once. Never throws while it is iterated either.
 */
export function readSourceLazily(source: Source, options: ReadOptions): Iterable<ReadItem> {
  try {
    const raw = decodeRaw(source.bytes);
    const kind = options.kind === 'auto' ? detectKind(source.name, source.contentType, raw) : options.kind;
    // Note: a JSONL file refuses a NUL line by line, and keeps U+2028 and U+2029 inside its strings.
    if (kind === 'jsonl') return readJsonl(nonEmpty(raw.replace(/\r\n?/gu, '\n'), source.name), source.name, options.date, options.maxBytes ?? DEFAULT_MAX_BYTES);
    if (!utf16Decoder(source.bytes) && looksBinary(source.bytes)) {
      throw new WiregraphError('WG_BINARY_INPUT', `${source.name} looks like a binary file (it holds NUL or control bytes); give a text, HTML, feed or JSONL file.`, { input: source.name });
    }
    const text = nonEmpty(normaliseNewlines(raw), source.name);
    switch (kind) {
      case 'feed':
        return openFeed(text, source.name, options.date, options.maxBytes ?? DEFAULT_MAX_BYTES);
      case 'html':
        return [{ ok: true, input: source.name, article: withoutControls(articleFromHtml(text, source.name, { url: source.url, date: options.date }), source.name) }];
      case 'wire':
      case 'text':
        return [{ ok: true, input: source.name, article: withoutControls(articleFromText(text, { url: source.url, date: options.date }), source.name) }];
    }
  } catch (e) {
    return [{ ok: false, input: source.name, error: asWiregraphError(e, 'WG_READ_FAILED', source.name) }];
  }
}

function nonEmpty(text: string, input: string): string {
  if (text.trim() === '') throw new WiregraphError('WG_EMPTY_INPUT', `${input} is empty: there is no text to read.`, { input });
  return text;
}
