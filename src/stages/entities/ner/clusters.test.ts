import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../data-dir.js';
import { clusterFeatures } from './features.js';
import { clusterOf, decodeClusters, encodeClusters } from './clusters.js';

describe('word clusters', () => {
  it('read back what they wrote, and look numbers and lower-cased forms up', () => {
    const clusters = decodeClusters(encodeClusters(new Map([['Kim', '0110'], ['0.0', '111'], ['seoul', '0101']]), 'a test'), 'test');
    expect(clusterOf(clusters, 'Kim')).toBe('0110');
    expect(clusterOf(clusters, '3.5')).toBe('111');
    expect(clusterOf(clusters, 'Seoul')).toBe('0101');
    expect(clusterOf(clusters, 'Pyongyang')).toBeUndefined();
    expect(clusterFeatures('Kim', clusters, '-1')).toEqual(['c-14=0110', 'c-16=0110', 'c-110=0110', 'c-120=0110']);
  });

  it('refuse a file that is not theirs', () => {
    expect(() => decodeClusters(Buffer.from('not gzip'), 'x')).toThrow(/not gzip/u);
    expect(() => decodeClusters(gzipSync('word\t0101\n'), 'x')).toThrow(/not a wiregraph-clusters/u);
  });

  it('shipped: put countries together, apart from verbs and from first names', () => {
    const clusters = decodeClusters(readFileSync(join(defaultDataDir(), 'lexicon', 'clusters.tsv.gz')), 'clusters');
    const prefix = (w: string, k: number): string | undefined => clusterOf(clusters, w)?.slice(0, k);
    expect(clusters.size).toBeGreaterThan(20_000);
    expect(prefix('France', 8)).toBe(prefix('Japan', 8));
    expect(prefix('Germany', 8)).toBe(prefix('Japan', 8));
    expect(prefix('said', 4)).not.toBe(prefix('Japan', 4));
    expect(prefix('John', 4)).not.toBe(prefix('Japan', 4));
    expect(prefix('David', 8)).toBe(prefix('John', 8));
  });
});
