import { describe, expect, it } from 'vitest';
import { feedParser } from './feed.js';
import { readSource } from './read.js';
import type { ReadItem } from './types.js';

const read = (text: string | Uint8Array, name = 'page.html', url: string | null = null): ReadItem[] =>
  readSource({ name, bytes: typeof text === 'string' ? Buffer.from(text) : text, contentType: null, url }, { kind: 'auto', date: null });
const only = (items: ReadItem[]): Extract<ReadItem, { ok: true }> => {
  const [item] = items;
  if (!item?.ok) throw new Error(`not read: ${item && !item.ok ? item.error.message : 'nothing'}`);
  return item;
};
const BODY = '<p>Officials from both countries met in Geneva on Monday to discuss the ceasefire, which has held for three weeks.</p><p>The talks are due to resume on Friday, a spokesman for the mediators said after the meeting ended.</p>';
const page = (head: string): string => `<!doctype html><html><head><title>Talks resume in Geneva</title>${head}</head><body><article><h1>Talks resume in Geneva</h1>${BODY}</article></body></html>`;
const rss = (link: string, title = 'Talks resume', declaration = '<?xml version="1.0"?>'): string =>
  `${declaration}\n<rss version="2.0"><channel><title>Harbour News</title><item><title>${title}</title><link>${link}</link><description>Officials met on Monday.</description></item></channel></rss>\n`;

describe('URLs a reader stores', () => {
  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'])('never stores %j as meta.url', (bad) => {
    for (const head of [`<link rel="canonical" href="${bad}">`, `<meta property="og:url" content="${bad}">`]) {
      expect(only(read(page(head))).article.meta.url).toBeNull();
    }
    expect(only(read(rss(bad), 'f.rss')).article.meta.url).toBeNull();
    expect(only(read(`{"text":"Officials met on Monday in Geneva.","url":${JSON.stringify(bad)}}\n`, 'r.jsonl')).article.meta.url).toBeNull();
  });

  it('falls through an unsafe canonical link to og:url, and resolves a relative one against the page URL', () => {
    expect(only(read(page('<link rel="canonical" href="javascript:void(0)"><meta property="og:url" content="https://news.example.org/talks">'))).article.meta.url).toBe('https://news.example.org/talks');
    expect(only(read(page('<link rel="canonical" href="/world/talks">'), 'page.html', 'https://news.example.org/x?y=1')).article.meta.url).toBe('https://news.example.org/world/talks');
  });
});

describe('feed encodings', () => {
  it('decodes a feed its XML declaration says is ISO-8859-2 (or KOI8-R), not as Windows-1252', () => {
    const latin2 = Buffer.from([...Buffer.from(rss('https://e.org/1', 'X', '<?xml version="1.0" encoding="ISO-8859-2"?>')).toString('latin1')].map((c) => c.charCodeAt(0)));
    const title = Buffer.from([0xa3, 0xf3, 0x64, 0xbc]);
    const at = latin2.indexOf('<title>X');
    const bytes = Buffer.concat([latin2.subarray(0, at + 7), title, latin2.subarray(at + 8)]);
    expect(only(read(bytes, 'f.rss')).article.meta.headline).toBe('Łódź');
    const koi = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="KOI8-R"?>\n<rss version="2.0"><channel><item><title>'), Buffer.from([0xf0, 0xd2, 0xc1, 0xd7, 0xc4, 0xc1]), Buffer.from('</title></item></channel></rss>')]);
    expect(only(read(koi, 'f.rss')).article.meta.headline).toBe('Правда');
  });

  it('decodes ISO-8859-1 by its declaration even where the bytes would pass for UTF-8', () => {
    const bytes = Buffer.from(rss('https://e.org/1', 'Ã©t', '<?xml version="1.0" encoding="iso-8859-1"?>'), 'latin1');
    expect(only(read(bytes, 'f.rss')).article.meta.headline).toBe('Ã©t');
  });

  it.each(['utf16le', 'utf16be'] as const)('decodes a %s feed without a byte order mark by its declaration', (order) => {
    const le = Buffer.from(rss('https://e.org/1', 'Zoë met Ana', '<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le');
    const bytes = order === 'utf16le' ? le : Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!));
    expect(only(read(bytes, 'f.rss')).article.meta.headline).toBe('Zoë met Ana');
  });
});

describe('the XML parser’s own entity limits (behind the DOCTYPE refusal)', () => {
  const parse = (xml: string): unknown => feedParser().parse(xml);
  it('never reads an external entity', () => {
    expect(() => parse('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>')).toThrow(/External entities/u);
  });

  it('refuses a flood of entity declarations and does not expand nested ones (billion laughs)', () => {
    expect(() => parse(`<!DOCTYPE r [${Array.from({ length: 2000 }, (_, i) => `<!ENTITY e${i} "x">`).join('')}]><r>&e1;</r>`)).toThrow(/Entity count/u);
    const laughs = `<!DOCTYPE r [<!ENTITY a0 "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`).join('')}]><r>&a9;</r>`;
    let out = '';
    try {
      out = JSON.stringify(parse(laughs));
    } catch (e) {
      out = String(e);
    }
    expect(out.length).toBeLessThan(100_000);
  });

  it('expands 100,000 predefined and HTML entity references in linear time', () => {
    const started = performance.now();
    const doc = parse(`<r><d>${'&amp;&lt;&#233;&#x263A;'.repeat(100_000)}</d></r>`) as { r: { d: string } };
    expect(doc.r.d).toBe('&<é☺'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('small hostile pages', () => {
  it('gives WG_NO_ARTICLE for a page that is only <!doctype html>, not Readability’s own message', () => {
    const [item] = read('<!doctype html>');
    expect(item?.ok === false && [item.error.code, /Readability|argument/iu.test(item.error.message)]).toEqual(['WG_NO_ARTICLE', false]);
  });

  it('cuts a 100,000-character og:title and says so in a note', () => {
    const long = `${'Breaking '.repeat(11_111)}x`;
    const doc = `<!doctype html><html><head><meta property="og:title" content="${long}"></head><body><article>${BODY}</article></body></html>`;
    const { article } = only(read(doc));
    expect(article.meta.headline!.length).toBeLessThanOrEqual(301);
    expect(article.meta.headline).toMatch(/^Breaking Breaking .*…$/u);
    expect(article.text.length).toBeLessThan(1000);
    expect(article.notes.some((n) => n.rule === 'headline-cut' && /100000 characters/u.test(n.text))).toBe(true);
  });

  it('cuts a feed item’s 100,000-character title the same way', () => {
    const { article } = only(read(rss('https://e.org/1', `${'Breaking '.repeat(11_111)}x`), 'f.rss'));
    expect(article.meta.headline!.length).toBeLessThanOrEqual(301);
    expect(article.text.startsWith(article.meta.headline!)).toBe(true);
    expect(article.notes.find((n) => n.rule === 'headline-cut')).toMatchObject({ start: 0, end: article.meta.headline!.length });
  });
});
