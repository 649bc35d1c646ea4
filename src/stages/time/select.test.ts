import { describe, expect, it } from 'vitest';
import { overlaps } from '../../article/span.js';
import { removeOverlaps } from './select.js';
import type { TimexMatch } from './types.js';

const match = (start: number, end: number, priority = 0): TimexMatch => ({ start, end, priority, rule: `r${start}-${end}`, resolve: () => null });

/** The selection written as the plain scan over every kept match: the longest first, then priority, then start. */
function byScan(matches: readonly TimexMatch[]): TimexMatch[] {
  const ranked = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: TimexMatch[] = [];
  for (const m of ranked) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

describe('removeOverlaps', () => {
  it('keeps the longest of overlapping matches, then the one of higher priority', () => {
    const kept = removeOverlaps([match(0, 4), match(2, 12), match(10, 14, 1), match(12, 16, 2), match(20, 22)]);
    expect(kept.map((m) => [m.start, m.end])).toEqual([[2, 12], [12, 16], [20, 22]]);
  });

  it('keeps what the scan over every kept match keeps, matches of no width included', () => {
    // Note: a fixed linear congruential sequence, so the cases are the same on every run.
    let seed = 12345;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let round = 0; round < 200; round++) {
      const matches = Array.from({ length: 1 + next(40) }, () => {
        const start = next(100);
        return match(start, start + next(12), next(3));
      });
      expect(removeOverlaps(matches)).toEqual(byScan(matches));
    }
  });
});
