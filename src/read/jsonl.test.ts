import { describe, expect, it } from 'vitest';
import { readJsonl } from './jsonl.js';
import { readSource } from './read.js';

const line = (record: object): string => JSON.stringify(record);

describe('readJsonl', () => {
  it('keeps U+2028 and U+2029 inside a JSON string as text, not as line ends', () => {
    const content = [line({ id: 'a', text: 'Officials met in Paris.\u2028They agreed.\u2029It ended.' }), line({ id: 'b', text: 'Second record here.' })].join('\n');
    const items = readSource({ name: 'in.jsonl', bytes: Buffer.from(content), contentType: null, url: null }, { kind: 'auto', date: null });
    expect(items.map((i) => [i.ok, i.inputId])).toEqual([[true, 'a'], [true, 'b']]);
    expect(items[0]!.ok && items[0]!.article.text).toBe('Officials met in Paris.\nThey agreed.\nIt ended.');
  });

  it('makes a lone surrogate one U+FFFD, so that later offsets do not move', () => {
    const [item] = readJsonl('{"id":"s","text":"Bad \\ud800 unit in Paris."}', 'in.jsonl');
    expect(item!.ok && item!.article.text).toBe('Bad \uFFFD unit in Paris.');
  });

  it('refuses a line with a NUL byte, and only that line', () => {
    const items = readJsonl(['{"id":"a","text":"First record."}', '{"id":"b","text":"NUL \u0000 here."}', '{"id":"c","text":"Third record."}'].join('\n'), 'in.jsonl');
    expect(items.map((i) => [i.ok, i.inputId, i.ok ? null : i.error.code, i.line])).toEqual([[true, 'a', null, 1], [false, 'b', 'WG_JSONL_BAD_LINE', 2], [true, 'c', null, 3]]);
  });

  it('makes a record over the cap its WG_INPUT_TOO_LARGE error in its place, naming its id', () => {
    const items = readJsonl([line({ id: 'a', text: 'Short.' }), line({ id: 'big', text: 'x'.repeat(500) }), line({ id: 'c', text: 'Short too.' })].join('\n'), 'in.jsonl', null, 200);
    expect(items.map((i) => [i.ok, i.inputId, i.ok ? null : i.error.code])).toEqual([[true, 'a', null], [false, 'big', 'WG_INPUT_TOO_LARGE'], [true, 'c', null]]);
  });

  it('removes bidi controls from a record text with a message', () => {
    const [item] = readJsonl(line({ text: 'Kim \u202Espoke\u202C in Seoul.' }), 'in.jsonl');
    expect(item!.ok && item!.article.text).toBe('Kim spoke in Seoul.');
    expect(item!.ok && item!.article.notes.map((n) => n.rule)).toEqual(['control-removed', 'control-removed']);
  });
});
