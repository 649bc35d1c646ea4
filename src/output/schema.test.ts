import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { extractSource } from '../api/extract.js';

const root = (p: string): string => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const schema = JSON.parse(readFileSync(root('schema/wiregraph-1.schema.json'), 'utf8'));
const validate = new Ajv.default({ allErrors: true }).compile(schema);

const inputs = [
  root('data/sample/seed/bss-2025-09-13-north-korea-arsenal.txt'),
  root('data/sample/wikinews/meantime-wikinews.jsonl'),
  ...readdirSync(root('src/read/fixtures')).filter((f) => !f.endsWith('.json')).map((f) => root(`src/read/fixtures/${f}`)),
];

describe('real outputs validate against schema/wiregraph-1.schema.json', () => {
  it.each(inputs)('%s', (path) => {
    const results = extractSource({ name: path, bytes: readFileSync(path), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7, tokens: true });
    const docs = results.flatMap((r) => (r.ok ? [r.doc] : []));
    for (const doc of docs) {
      const ok = validate(JSON.parse(JSON.stringify(doc)));
      expect(validate.errors ?? [], doc.id).toEqual([]);
      expect(ok).toBe(true);
      for (const s of [...doc.sentences, ...(doc.tokens ?? [])]) expect(s.end).toBeLessThanOrEqual(doc.text.length);
      for (const e of doc.entities) for (const m of e.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
      for (const t of doc.timexes) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
      for (const q of doc.quotes) for (const s of [q.cue, q.content, ...q.sources]) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
      for (const e of doc.events) for (const s of [e.trigger, ...e.source, ...e.target]) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('rejects a document missing a layer', () => {
    const [result] = extractSource({ name: 'x.txt', bytes: Buffer.from('A sentence.'), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
    const { events: _events, ...withoutEvents } = result!.ok ? result!.doc : ({} as never);
    expect(validate(withoutEvents)).toBe(false);
  });
});
