import { PerformanceObserver } from 'node:perf_hooks';

/** A measured phase: the median of several runs. */
export interface Timing {
  readonly seconds: number;
  readonly articles: number;
  readonly tokens: number;
  /** The timed runs, as `performance.now()` start and end, for {@link gcShare}; absent when timed otherwise. */
  readonly runs?: ReadonlyArray<readonly [number, number]>;
}

interface GcPause {
  readonly start: number;
  readonly duration: number;
}

// Note: V8 reports each pause of the garbage collector as a performance entry, delivered after the event loop
// turns; phases record when they ran, and the pauses are matched to them once the entries have arrived.
const pauses: GcPause[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) pauses.push({ start: e.startTime, duration: e.duration });
}).observe({ entryTypes: ['gc'] });

/** Lets the pending garbage-collector entries arrive; call before {@link gcShare}. */
export async function settleGc(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

/** The share of a phase's timed runs spent in the garbage collector's pauses (0 to 1), or null when unknown. */
export function gcShare(t: Timing): number | null {
  if (!t.runs?.length) return null;
  let total = 0;
  let gc = 0;
  for (const [from, to] of t.runs) {
    total += to - from;
    for (const p of pauses) if (p.start >= from && p.start < to) gc += Math.min(p.duration, to - p.start);
  }
  return total > 0 ? gc / total : null;
}

/**
 * Times a phase: one warm-up run, then `runs` timed runs; the median is kept.
 * @param work - does the whole phase once and returns the number of tokens it saw (0 when not counted)
 */
export function time(articles: number, work: () => number, runs = 3): Timing {
  work();
  const seconds: number[] = [];
  const spans: Array<readonly [number, number]> = [];
  let tokens = 0;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    tokens = work();
    const end = performance.now();
    spans.push([start, end]);
    seconds.push((end - start) / 1000);
  }
  seconds.sort((a, b) => a - b);
  return { seconds: seconds[Math.floor(runs / 2)]!, articles, tokens, runs: spans };
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
