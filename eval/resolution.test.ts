import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandPairs, readResolutionPairs, scoreResolution, type ResolutionPair } from './resolution.js';

const groupsFile = new URL('./data/resolution-groups.json', import.meta.url);
const pairsFile = new URL('./data/resolution-pairs.jsonl', import.meta.url);

describe('resolution pairs', () => {
  it('are the expansion of the hand-written groups, at least 300, both halves with pairs that must and must not resolve together', () => {
    const pairs = readResolutionPairs(pairsFile);
    expect(pairs).toEqual(expandPairs(JSON.parse(readFileSync(groupsFile, 'utf8'))));
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    for (const split of ['dev', 'test'] as const) {
      expect(pairs.filter((p) => p.split === split && p.same).length).toBeGreaterThan(100);
      expect(pairs.filter((p) => p.split === split && !p.same).length).toBeGreaterThan(100);
    }
    expect(pairs.every((p) => p.reason.length > 10 && p.a.context.includes(p.a.text) && p.b.context.includes(p.b.text))).toBe(true);
  });

  it('are scored as precision and recall of the decisions "resolved together"', () => {
    const m = (article: string) => ({ article, text: 'X', context: 'X' });
    const pair = (a: string, b: string, same: boolean): ResolutionPair => ({ split: 'dev', a: m(a), b: m(b), same, reason: 'a test pair' });
    const key = (article: string) => `${article}\u0000X\u0000X`;
    const entities = new Map<string, number | null>([[key('a'), 1], [key('b'), 1], [key('c'), 2], [key('d'), null]]);
    const s = scoreResolution([pair('a', 'b', true), pair('a', 'c', true), pair('b', 'c', false), pair('a', 'b', false), pair('d', 'd', true), pair('a', 'zz', true)], entities);
    expect([s.precision, s.recall, s.apartRight, s.negatives, s.unfound, s.skipped]).toEqual([0.5, 1 / 3, 1, 2, 1, 1]);
    expect(s.wrong).toHaveLength(3);
  });
});
