import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFeed } from './feed.js';
import { splitFeedItems } from './feed-stream.js';
import { readSource } from './read.js';
import { readInput } from './stream.js';
import type { ReadItem } from './types.js';

const rss = (items: string): string => `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Harbour News</title><language>en-gb</language>\n${items}</channel></rss>\n`;
const item = (i: number, body: string): string => `<item><title>Story ${i}</title><link>https://news.example.org/${i}</link><description><![CDATA[<p>${body}</p>]]></description></item>\n`;
const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!));
};

describe('readFeed, item by item', () => {
  it('reads each item on its own: one over the cap or broken becomes its error in place, the others are read', () => {
    const items = readFeed(rss(item(1, 'The strike ended on Monday.') + item(2, 'x'.repeat(3000)) + '<item><title>Bad <b></title></item>\n' + item(4, 'Talks resume today.')), 'f.rss', null, 2000);
    expect(items.map((i) => [i.input, i.ok ? i.article.meta.headline : i.error.code])).toEqual([
      ['f.rss#item1', 'Story 1'], ['f.rss#item2', 'WG_INPUT_TOO_LARGE'], ['f.rss#item3', 'WG_FEED_NOT_XML'], ['f.rss#item4', 'Story 4'],
    ]);
    expect(items[0]!.ok && items[0]!.article.meta).toMatchObject({ outlet: 'Harbour News', language: 'en', url: 'https://news.example.org/1' });
  });

  it('never cuts an item at an </item> written inside its CDATA or a comment', () => {
    const { items } = splitFeedItems(rss('<!-- <item>old</item> -->' + item(1, 'Code: </item> inside.') + item(2, 'Second.')), 'item');
    expect(items.map((f) => f.xml.includes('Story'))).toEqual([true, true]);
    expect(items[0]!.xml).toContain('Code: </item> inside.');
    expect(items[1]!.line).toBe(4);
  });

  it('still refuses a DOCTYPE anywhere, so that no entity is ever expanded', () => {
    expect(() => readFeed(`<!DOCTYPE rss [<!ENTITY a "aaaa">]>${rss(item(1, '&a;'))}`, 'f.rss')).toThrow(/DOCTYPE/u);
  });

  it('reports the feed line of a break outside the items', () => {
    expect(() => readFeed(`${rss(item(1, 'Fine.'))}<oops>`, 'f.rss')).toThrow(/line 5,/u);
  });

  it.each(['le', 'be'] as const)('decodes a UTF-16 %s feed with its byte order mark', (order) => {
    const items = readSource({ name: 'f.rss', bytes: utf16(rss(item(1, 'Zoë met Ana.')), order), contentType: null, url: null }, { kind: 'auto', date: null });
    expect(items.map((i) => i.ok && i.article.text)).toEqual(['Story 1\n\nZoë met Ana.']);
  });

  it('reads a feed larger than --max-bytes whole, item by item, each item under the cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wg-feed-'));
    const path = join(dir, 'big.rss');
    const body = 'Officials met in Paris on Monday to discuss the strike. '.repeat(20);
    writeFileSync(path, rss(Array.from({ length: 400 }, (_, i) => item(i + 1, body)).join('')));
    const items: ReadItem[] = [];
    for await (const read of readInput(path, { kind: 'auto', date: null, maxBytes: 64 * 1024 })) items.push(read);
    expect(items.length).toBe(400);
    expect(items.every((i) => i.ok)).toBe(true);
    expect(items.map((i) => i.ok && i.article.meta.headline)).toEqual(Array.from({ length: 400 }, (_, i) => `Story ${i + 1}`));
  });
});
