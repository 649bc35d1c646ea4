/**
 * How each stage's cost grows with the article's length: articles of about 100 KB, 400 KB and 1 MB made of
 * distinct BBC stories (one paragraph after another), each stage of the default pipeline timed alone on the
 * article with the layers it requires already assigned, then the whole pipeline. A stage that is linear in
 * the text takes about 10 times as long on 1 MB as on 100 KB.
 *
 * Runnable alone: `npx tsc -p tsconfig.json && node dist/bench/scaling.js`; `npm run bench` calls it too.
 */
import { pathToFileURL } from 'node:url';
import { withLayers, type Article } from '../src/article/article.js';
import { sharedPath } from '../eval/shared.js';
import { createPipeline, defaultPipeline } from '../src/pipeline/pipeline.js';
import { defaultResources } from '../src/pipeline/resources.js';
import { DEFAULT_STAGES } from '../src/pipeline/default.js';
import { readSource } from '../src/read/read.js';
import { loadBbc, type BenchDoc } from './corpus.js';

/** The article sizes measured, in bytes of text. */
export const SCALING_SIZES: readonly number[] = [100_000, 400_000, 1_000_000];

/** One stage's (or the whole pipeline's) seconds at each size. */
export interface ScalingRow {
  readonly name: string;
  readonly seconds: readonly number[];
}

/**
 * Builds one long article of at least `bytes` characters from distinct stories, taken in turn from each
 * topic folder so the text reads like news throughout and no story repeats.
 */
export function longArticleText(docs: readonly BenchDoc[], bytes: number): string {
  const byTopic = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const doc of docs) {
    const story = doc.bytes.toString('utf8').trim();
    if (seen.has(story)) continue;
    seen.add(story);
    const topic = doc.name.split('/')[0]!;
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), story]);
  }
  const topics = [...byTopic.values()];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const story = topics[i % topics.length]![Math.floor(i / topics.length)];
    if (story === undefined) throw new Error(`scaling bench: the corpus holds fewer than ${bytes} characters of distinct stories`);
    parts.push(story);
    length += story.length + 2;
  }
  return parts.join('\n\n');
}

/** Median seconds of `runs` runs of `work`. */
function median(work: () => void, runs: number): number {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    work();
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/**
 * Times every default stage alone, and the whole pipeline, on one article per size.
 * @param runs - timed runs per measurement (the median is kept)
 */
export function measureScaling(docs: readonly BenchDoc[], sizes: readonly number[] = SCALING_SIZES, runs = 3): ScalingRow[] {
  const stages = DEFAULT_STAGES;
  const resources = stages.map((stage) => stage.load?.(defaultResources()));
  const pipeline = defaultPipeline();
  const perStage: number[][] = stages.map(() => []);
  const whole: number[] = [];
  const articles = sizes.map((size) => {
    const [item] = readSource({ name: `scaling-${size}.txt`, bytes: Buffer.from(longArticleText(docs, size), 'utf8'), contentType: null, url: null }, { kind: 'text', date: '2005-01-01' });
    if (!item?.ok) throw new Error(`scaling bench: the ${size}-byte article could not be read`);
    return item.article;
  });
  // Note: one untimed pass over the smallest article so that the first measurement is not the JIT's warm-up.
  createPipeline(stages).run(articles[0]!);
  for (const article of articles) {
    let current: Article = article;
    stages.forEach((stage, i) => {
      let output = stage.run(current, resources[i]);
      perStage[i]!.push(median(() => (output = stage.run(current, resources[i])), runs));
      current = withLayers(current, output.layers);
    });
    whole.push(median(() => pipeline.run(article), runs));
  }
  return [...stages.map((stage, i) => ({ name: stage.name, seconds: perStage[i]! })), { name: 'whole pipeline', seconds: whole }];
}

/** The table: seconds per stage per size, and the largest size's time over the smallest's. */
export function formatScaling(rows: readonly ScalingRow[], sizes: readonly number[] = SCALING_SIZES): string[] {
  const label = (size: number): string => (size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} KB`);
  const ratioName = `${label(sizes[sizes.length - 1]!)} / ${label(sizes[0]!)}`;
  return [
    `scaling: one article of distinct BBC stories per size, each stage alone (its required layers assigned), seconds, median of 3`,
    ['stage'.padEnd(16), ...sizes.map((s) => label(s).padStart(9)), ratioName.padStart(16)].join(' '),
    ...rows.map((r) => [r.name.padEnd(16), ...r.seconds.map((s) => s.toFixed(3).padStart(9)), (r.seconds[r.seconds.length - 1]! / r.seconds[0]!).toFixed(1).padStart(16)].join(' ')),
    `linear would be ${(sizes[sizes.length - 1]! / sizes[0]!).toFixed(0)} times; the goal is within 10`,
  ];
}

/**
 * Measures and prints the scaling table (a line saying it was skipped when the BBC corpus is absent).
 * @param docs - the BBC corpus, when the caller has it loaded already
 */
export function benchScaling(docs?: readonly BenchDoc[]): void {
  const folder = sharedPath('data', 'news', 'bbc');
  if (!docs && !folder) {
    process.stdout.write('skipped  scaling bench: ../shared/data/news/bbc is absent\n');
    return;
  }
  process.stdout.write(`\n${formatScaling(measureScaling(docs ?? loadBbc(folder!))).join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchScaling();
