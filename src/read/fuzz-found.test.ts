import { describe, expect, it } from 'vitest';
import { readSource } from './read.js';
import type { InputKind, ReadItem } from './types.js';

// Note: inputs the fuzzer (npm run fuzz) found readers mishandling, each reduced to a line or two.
const read = (text: string, kind: InputKind): ReadItem[] => readSource({ name: 'case', bytes: Buffer.from(text, 'utf8'), contentType: null, url: null }, { kind, date: null });

describe('inputs the fuzzer found', () => {
  it('drops a JSONL published that is no timestamp, instead of outputting it against the schema', () => {
    const [item] = read('{"text": "Officials met in Oslo on Monday.", "published": "soon\\u200f"}', 'jsonl');
    expect(item?.ok && item.article.meta.published).toBe(null);
    const [dated] = read('{"text": "Officials met in Oslo on Monday.", "published": "2025-09-08"}', 'jsonl');
    expect(dated?.ok && dated.article.meta.published).toBe('2025-09-08');
  });

  it('echoes no empty JSONL id', () => {
    const [item] = read('{"id": "", "text": "Officials met in Oslo on Monday."}', 'jsonl');
    expect(item?.ok).toBe(true);
    expect(item?.inputId).toBe(null);
  });

  it('refuses a text of nothing but controls and spaces as WG_EMPTY_INPUT, in every reader', () => {
    for (const [text, kind] of [['\u2069 \u202e', 'text'], ['{"text": "\\u2066\\u2069"}', 'jsonl'], ['<html><body><p>\u202e\u202c</p></body></html>', 'html']] as const) {
      const [item] = read(text, kind);
      expect(item?.ok === false && item.error.code, kind).toBe(kind === 'html' ? 'WG_NO_ARTICLE' : 'WG_EMPTY_INPUT');
    }
  });

  it('reports a feed the XML validator throws on as WG_FEED_NOT_XML, not WG_READ_FAILED', () => {
    // Note: the validator passes this processing instruction, and the parser then throws "Pi Tag is not closed".
    const items = read('<?\\u0000\u001b]0;x\u0007»\'Kim Jong Un xml version="1.0"?>\n<rss version="2.0"><channel><title>T</title><item><title>A</title></item></channel></rss>', 'feed');
    expect(items.map((item) => (item.ok ? 'ok' : item.error.code))).toEqual(['WG_FEED_NOT_XML']);
  });
});
