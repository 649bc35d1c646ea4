import { asWiregraphError } from '../errors.js';
import { decodeText } from './decode.js';
import { detectKind } from './detect.js';
import { readFeed } from './feed.js';
import { articleFromHtml } from './html.js';
import { readJsonl } from './jsonl.js';
import { articleFromText } from './layout.js';
import type { ReadItem, ReadOptions, Source } from './types.js';

/**
 * Reads one loaded input into Articles with the reader `options.kind` names (or the detected one).
 * Never throws: a failure becomes an item with a coded error, so that one bad input never stops a batch.
 */
export function readSource(source: Source, options: ReadOptions): ReadItem[] {
  try {
    const text = decodeText(source.bytes, source.name);
    const kind = options.kind === 'auto' ? detectKind(source.name, source.contentType, text) : options.kind;
    switch (kind) {
      case 'jsonl':
        return readJsonl(text, source.name, options.date);
      case 'feed':
        return readFeed(text, source.name, options.date);
      case 'html':
        return [{ ok: true, input: source.name, article: articleFromHtml(text, source.name, { url: source.url, date: options.date }) }];
      case 'wire':
      case 'text':
        return [{ ok: true, input: source.name, article: articleFromText(text, { url: source.url, date: options.date }) }];
    }
  } catch (e) {
    return [{ ok: false, input: source.name, error: asWiregraphError(e, 'WG_READ_FAILED', source.name) }];
  }
}
