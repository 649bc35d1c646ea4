/**
 * Stories (issue 13): fingerprinting speed on one core, and candidate lookup time in the in-memory index
 * (the store's lookup, keys to ids) with 10,000 and 100,000 stored articles: the BBC articles plus synthetic
 * ones (word sequences drawn by frequency from the BBC vocabulary, so keys are as spread as in news). Queries
 * are cut copies of BBC articles, whose candidates must hold the original.
 *
 * Runnable alone: `npx tsc -p tsconfig.json && node dist/bench/stories.js`; `npm run bench` calls it too.
 */
import { pathToFileURL } from 'node:url';
import { sharedPath } from '../eval/shared.js';
import { Random } from '../eval/syndication-edits.js';
import { fingerprint, MemoryStoryIndex, type Fingerprint } from '../src/stories/index.js';
import { loadBbc } from './corpus.js';

/** Median seconds of three runs of `work`. */
function median3(work: () => void): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    work();
    runs.push((performance.now() - started) / 1000);
  }
  return runs.sort((a, b) => a - b)[1]!;
}

/** Synthetic article texts: paragraphs of words drawn by frequency from `vocabulary`. */
function syntheticTexts(vocabulary: readonly string[], count: number, rng: Random): string[] {
  return Array.from({ length: count }, () => Array.from({ length: rng.int(4, 12) }, () => Array.from({ length: rng.int(20, 50) }, () => rng.pick(vocabulary)).join(' ')).join('\n\n'));
}

/** Lookup latency (ms, median and p99) and candidate count for `queries` against an index of `stored`. */
function lookup(stored: ReadonlyArray<readonly [string, Fingerprint]>, queries: ReadonlyArray<readonly [string, Fingerprint]>): { p50: number; p99: number; found: number; candidates: number } {
  const index = new MemoryStoryIndex();
  for (const [id, f] of stored) index.add(id, f);
  const times: number[] = [];
  let found = 0;
  let candidates = 0;
  for (const [id, f] of queries) {
    const started = performance.now();
    const c = index.candidates(f, 20);
    times.push(performance.now() - started);
    candidates += c.length;
    if (c.includes(id)) found++;
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, p99: times[Math.floor(times.length * 0.99)]!, found: found / queries.length, candidates: candidates / queries.length };
}

/** The bench's lines. */
export function benchStories(texts: readonly string[]): string[] {
  let sink = 0;
  // Note: one run first, so that the timed runs measure compiled code, as a long ingest does.
  for (const t of texts) sink += fingerprint(t).keys.length;
  const seconds = median3(() => {
    for (const t of texts) sink += fingerprint(t).keys.length;
  });
  const rng = new Random(13);
  const vocabulary = texts.flatMap((t) => t.split(/\s+/)).filter(Boolean);
  const real = texts.map((t, i) => [`bbc${i}`, fingerprint(t)] as const);
  const synthetic = syntheticTexts(vocabulary, 100_000 - real.length, rng).map((t, i) => [`syn${i}`, fingerprint(t)] as const);
  const queries = rng.shuffle(texts.map((t, i) => [i, t] as const)).slice(0, 1000).map(([i, t]) => {
    const paragraphs = t.split(/\n\s*\n/);
    return [`bbc${i}`, fingerprint(paragraphs.slice(0, Math.max(2, Math.ceil(paragraphs.length / 3))).join('\n\n'))] as const;
  });
  const lines = ['', `stories: fingerprint ${texts.length} BBC articles on one core, median of 3: ${(texts.length / seconds).toFixed(0)} articles/s (${seconds.toFixed(3)} s)`];
  for (const size of [10_000, 100_000]) {
    const stored = [...real, ...synthetic.slice(0, size - real.length)];
    const r = lookup(stored, queries);
    lines.push(`stories: candidate lookup with ${size} stored, 1000 cut copies: p50 ${r.p50.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms, ${r.candidates.toFixed(1)} candidates, original among them ${(r.found * 100).toFixed(1)}%`);
  }
  if (sink < 0) lines.push('');
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folder = sharedPath('data', 'news', 'bbc');
  if (!folder) process.stdout.write('skipped  stories bench: ../shared/data/news/bbc is absent\n');
  else process.stdout.write(`${benchStories(loadBbc(folder).map((d) => d.bytes.toString('utf8'))).join('\n')}\n`);
}
