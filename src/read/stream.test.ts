import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput, splitLines } from './stream.js';
import type { ReadItem } from './types.js';

const tmp = mkdtempSync(join(tmpdir(), 'wg-stream-'));
const collect = async (items: AsyncIterable<ReadItem>): Promise<ReadItem[]> => {
  const out: ReadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('readInput on a JSONL stream', () => {
  it('reads a stream over 10 MiB whole when every record is under the cap, in order', async () => {
    const path = join(tmp, 'big.jsonl');
    const body = 'Officials met in Paris on Monday to discuss the port strike. '.repeat(60);
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `r${i}`, headline: `Story ${i}`, text: body }));
    writeFileSync(path, `${lines.join('\n')}\n`);
    const items = await collect(readInput(path, { kind: 'auto', date: null, maxBytes: 10 * 1024 * 1024 }));
    expect(lines.join('\n').length).toBeGreaterThan(10 * 1024 * 1024);
    expect(items.length).toBe(3000);
    expect(items.every((i) => i.ok)).toBe(true);
    expect(items.map((i) => i.inputId)).toEqual(lines.map((_, i) => `r${i}`));
  });

  it('puts an over-cap record, a broken line and a NUL line in their places and goes on', async () => {
    const path = join(tmp, 'mixed.jsonl');
    writeFileSync(path, Buffer.concat([
      Buffer.from(`\uFEFF${JSON.stringify({ id: 'a', text: 'Zoë met Ana in Paris.' })}\r\n`),
      Buffer.from(`${JSON.stringify({ id: 'big', text: 'y'.repeat(5000) })}\n`),
      Buffer.concat([Buffer.from('{"id":"c","text":"Zoë: bad byte '), Buffer.from([0xff]), Buffer.from(' here."}\n')]),
      Buffer.from('not json\n\n'),
      Buffer.from('{"id":"n","text":"NUL\u0000"}\n'),
      Buffer.from(JSON.stringify({ id: 'z', text: 'Last record, no newline.' })),
    ]));
    const items = await collect(readInput(path, { kind: 'jsonl', date: null, maxBytes: 1000 }));
    expect(items.map((i) => [i.input, i.inputId, i.ok ? null : i.error.code])).toEqual([
      [`${path}:1`, 'a', null],
      [`${path}:2`, 'big', 'WG_INPUT_TOO_LARGE'],
      [`${path}:3`, 'c', null],
      [`${path}:4`, null, 'WG_JSONL_BAD_LINE'],
      [`${path}:6`, 'n', 'WG_JSONL_BAD_LINE'],
      [`${path}:7`, 'z', null],
    ]);
    expect(items[0]!.ok && items[0]!.article.text).toBe('Zoë met Ana in Paris.');
    expect(items[2]!.ok && items[2]!.article.text).toBe('Zoë: bad byte \uFFFD here.');
  });

  it('reports a missing file as one coded error', async () => {
    const items = await collect(readInput(join(tmp, 'absent.jsonl'), { kind: 'auto', date: null, maxBytes: 100 }));
    expect(items.map((i) => !i.ok && i.error.code)).toEqual(['WG_INPUT_NOT_FOUND']);
  });
});

describe('splitLines', () => {
  it('joins lines cut across chunks and counts an over-long one to its end without keeping it', async () => {
    const chunks = ['ab', 'c\nde', 'f\n', 'x'.repeat(50), 'y'.repeat(50), '\r\nlast'].map((s) => Buffer.from(s));
    const empty: AsyncIterator<Uint8Array> = { next: async () => ({ done: true, value: undefined }) };
    const lines = [];
    for await (const line of splitLines(chunks, empty, 60)) lines.push([line.bytes && Buffer.from(line.bytes).toString(), line.size, line.head.length]);
    expect(lines).toEqual([['abc', 3, 0], ['def', 3, 0], [null, 101, 100], ['last', 4, 0]]);
  });
});

describe('readInput on a large feed', () => {
  it('gives the first item before it reads the others, and every item in order', async () => {
    const path = join(tmp, 'big.rss');
    const items = Array.from({ length: 5_000 }, (_, i) => `<item><title>Item ${i}</title><link>https://example.com/${i}</link><description>Talks in Geneva number ${i} resumed on Monday.</description></item>`);
    writeFileSync(path, `<?xml version="1.0"?><rss><channel><title>Wire</title>${items.join('\n')}</channel></rss>`);
    // Note: a one-item feed first, so that what any first read pays once (the parsers' set-up) is not counted.
    const small = join(tmp, 'small.rss');
    writeFileSync(small, `<?xml version="1.0"?><rss><channel><title>Wire</title>${items[0]}</channel></rss>`);
    for await (const item of readInput(small, { kind: 'auto', date: null, maxBytes: 1024 * 1024 })) expect(item.ok).toBe(true);
    const started = performance.now();
    let first = 0;
    const read: ReadItem[] = [];
    for await (const item of readInput(path, { kind: 'auto', date: null, maxBytes: 1024 * 1024 })) {
      if (read.length === 0) first = performance.now() - started;
      read.push(item);
    }
    const all = performance.now() - started;
    expect(read.length).toBe(5_000);
    const urls = read.map((i) => (i.ok ? i.article.meta.url : null));
    expect(urls.slice(0, 2)).toEqual(['https://example.com/0', 'https://example.com/1']);
    expect(urls.at(-1)).toBe('https://example.com/4999');
    // Note: a ratio in one process, so that a slow machine slows both; read whole first, it was about 1.
    expect(first).toBeLessThan(all / 5);
  });
});
