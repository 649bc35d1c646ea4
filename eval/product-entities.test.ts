import { describe, expect, it } from 'vitest';
import { labelsOver, productNames, rawConllDoc } from './product-entities.js';

const doc = [
  { words: ['SOCCER', '-', 'ROMANIA', 'BEAT', 'LITHUANIA', '.'], tags: ['O', 'O', 'I-LOC', 'O', 'I-LOC', 'O'] },
  { words: ['BUCHAREST', '2025-08-30'], tags: ['I-LOC', 'O'] },
  { words: ['Romania', 'beat', 'Lithuania', '2-1', 'on', 'Friday', '.'], tags: ['I-LOC', 'O', 'I-LOC', 'O', 'O', 'O', 'O'] },
];

describe('CoNLL through the product', () => {
  it('writes a document as its raw text, one sentence per line, with each token where it stands', () => {
    const raw = rawConllDoc(doc);
    expect(raw.text.split('\n')[1]).toBe('BUCHAREST 2025-08-30');
    doc.forEach((s, i) => s.words.forEach((w, k) => expect(raw.text.slice(raw.spans[i]![k]!.start, raw.spans[i]![k]!.end)).toBe(w)));
  });

  it('lays a name over every gold token it overlaps, so a name cut inside a token counts as a wrong span', () => {
    const spans = [{ start: 0, end: 2 }, { start: 3, end: 9 }, { start: 10, end: 15 }];
    expect(labelsOver(spans, [{ start: 4, end: 15, type: 'PER' }])).toEqual(['O', 'B-PER', 'L-PER']);
    expect(labelsOver(spans, [{ start: 0, end: 2, type: 'LOC' }])).toEqual(['U-LOC', 'O', 'O']);
  });

  it('maps the names extract finds back to the raw text', () => {
    const raw = rawConllDoc(doc);
    const names = productNames(raw.text);
    const place = names.find((n) => raw.text.slice(n.start, n.end) === 'BUCHAREST');
    expect(place?.type).toBe('LOC');
    expect(names.some((n) => raw.text.slice(n.start, n.end) === 'SOCCER')).toBe(false);
  });
});
