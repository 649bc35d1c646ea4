/** A measured phase: the best of several runs. */
export interface Timing {
  readonly seconds: number;
  readonly articles: number;
  readonly tokens: number;
}

/**
 * Times a phase: one warm-up run, then `runs` timed runs; the median is kept.
 * @param work - does the whole phase once and returns the number of tokens it saw (0 when not counted)
 */
export function time(articles: number, work: () => number, runs = 3): Timing {
  work();
  const seconds: number[] = [];
  let tokens = 0;
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    tokens = work();
    seconds.push((performance.now() - start) / 1000);
  }
  seconds.sort((a, b) => a - b);
  return { seconds: seconds[Math.floor(runs / 2)]!, articles, tokens };
}

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
