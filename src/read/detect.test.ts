import { describe, expect, it } from 'vitest';
import { detectKind } from './detect.js';

describe('detectKind picks a reader', () => {
  it.each([
    ['a.jsonl', null, 'whatever', 'jsonl'],
    ['a.html', null, 'plain words', 'html'],
    ['a.xml', null, '<rss/>', 'feed'],
    ['https://x.test/feed', 'application/rss+xml; charset=utf-8', '<rss/>', 'feed'],
    ['https://x.test/page', 'text/html', '<p>hi</p>', 'html'],
    ['stdin', null, '  <!DOCTYPE html><html></html>', 'html'],
    ['stdin', null, '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'feed'],
    ['stdin', null, '{"text":"a"}\n{"text":"b"}', 'jsonl'],
    ['stdin', null, 'BSS\n13 Sep 2025, 08:28\n\nHeadline\n\nSEOUL (AFP) - Body.', 'wire'],
    ['stdin', null, 'Headline\n\nWASHINGTON (Reuters) - Body.', 'wire'],
    ['stdin', null, 'Just a sentence. And another.', 'text'],
    ['stdin', null, '{not json', 'text'],
  ])('%s (%s) -> %s', (name, type, text, kind) => {
    expect(detectKind(name, type, text)).toBe(kind);
  });
});
