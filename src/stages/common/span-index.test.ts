import { describe, expect, it } from 'vitest';
import { overlaps, type Span } from '../../article/span.js';
import { lastEndingBy, SpanIndex } from './span-index.js';

interface Named extends Span {
  readonly name: string;
}

/** Spans that nest, overlap, touch and repeat, from a fixed seed, so every case the scans met comes up. */
function randomSpans(count: number, seed: number): Named[] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const start = next(200);
    // Note: one span in four is empty, as a scan's comparisons must hold for those too.
    const length = next(4) === 0 ? 0 : 1 + next(30);
    return { start, end: start + length, name: `s${i}` };
  });
}

describe('SpanIndex', () => {
  const spans = randomSpans(300, 7);
  const index = new SpanIndex(spans);
  const queries = randomSpans(400, 11);

  it('answers containment and overlap as a scan over every span does', () => {
    for (const q of queries) {
      expect(index.containsSpan(q)).toBe(spans.some((s) => s.start <= q.start && q.end <= s.end));
      expect(index.overlapsSpan(q)).toBe(spans.some((s) => overlaps(s, q)));
    }
  });

  it('lists the spans within a range, and those starting in it, in their original order', () => {
    for (const q of queries) {
      expect(index.within(q.start, q.end)).toEqual(spans.filter((s) => s.start >= q.start && s.end <= q.end));
      expect(index.startingIn(q.start, q.end)).toEqual(spans.filter((s) => s.start >= q.start && s.start <= q.end));
    }
  });

  it('finds the first span in the original order that holds a span', () => {
    for (const q of queries) expect(index.firstContaining(q)).toBe(spans.find((s) => s.start <= q.start && q.end <= s.end));
  });

  it('gives the earlier-listed of two equal spans, and nothing for a span no one holds', () => {
    const list: Named[] = [{ start: 10, end: 20, name: 'later start' }, { start: 0, end: 30, name: 'outer' }, { start: 0, end: 30, name: 'twin' }];
    const small = new SpanIndex(list);
    expect(small.firstContaining({ start: 12, end: 18 })?.name).toBe('later start');
    expect(small.firstContaining({ start: 5, end: 25 })?.name).toBe('outer');
    expect(small.firstContaining({ start: 25, end: 31 })).toBeUndefined();
    expect(small.overlapsSpan({ start: 30, end: 40 })).toBe(false);
    expect(small.overlapsSpan({ start: 29, end: 40 })).toBe(true);
  });
});

describe('lastEndingBy', () => {
  it('gives the last span in the list ending at or before an offset, as filter().at(-1) does', () => {
    const spans = randomSpans(300, 3).sort((a, b) => a.start - b.start);
    const last = lastEndingBy(spans);
    for (let offset = -1; offset <= 240; offset++) expect(last(offset)).toBe(spans.filter((s) => s.end <= offset).at(-1));
  });

  it('follows the list order, not the end order, when spans nest', () => {
    const list: Named[] = [{ start: 0, end: 50, name: 'long first' }, { start: 5, end: 10, name: 'short inside' }];
    expect(lastEndingBy(list)(20)?.name).toBe('short inside');
    expect(lastEndingBy(list)(60)?.name).toBe('short inside');
    expect(lastEndingBy(list)(9)).toBeUndefined();
  });
});
