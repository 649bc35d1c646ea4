import { describe, expect, it } from 'vitest';
import { mapInOrder } from './ordered.js';

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function* numbers(n: number, read: number[]): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    read.push(i);
    yield i;
  }
}

describe('mapInOrder', () => {
  it('yields results in input order although they finish out of order', async () => {
    const out: string[] = [];
    const finished: number[] = [];
    for await (const r of mapInOrder(numbers(8, []), async (i) => {
      await wait((8 - i) * 5);
      finished.push(i);
      return `r${i}`;
    }, 4)) out.push(r);
    expect(out).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(finished).not.toEqual([...finished].sort((a, b) => a - b));
  });

  it('reads no further ahead than the window', async () => {
    const read: number[] = [];
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    for await (const r of mapInOrder(numbers(20, read), async (i) => {
      running++;
      most = Math.max(most, running);
      await wait(2);
      running--;
      return i;
    }, 3)) {
      seen.push(r);
      expect(read.length).toBeLessThanOrEqual(r + 1 + 3);
    }
    expect(seen).toHaveLength(20);
    expect(most).toBeLessThanOrEqual(3);
  });

  it('yields a ready result while the source is slow to give the next item', async () => {
    async function* slow(): AsyncGenerator<number> {
      yield 1;
      await wait(300);
      yield 2;
    }
    const started = performance.now();
    const iterator = mapInOrder(slow(), async (i) => i * 10, 4);
    expect((await iterator.next()).value).toBe(10);
    expect(performance.now() - started).toBeLessThan(250);
    expect((await iterator.next()).value).toBe(20);
    expect((await iterator.next()).done).toBe(true);
  });
});
