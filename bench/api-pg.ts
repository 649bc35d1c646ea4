/**
 * The API's latency on PostgreSQL, measured as `npm run bench` measures it on SQLite (bench/api.ts): the BBC corpus
 * extracted once, stored 20,000 times over under new ids with the graph, then search, entity pages, events by actor
 * and networks through HTTP from a second process; then bench/load.ts (autocannon, 10 connections) on
 * `wiregraph serve --store` over the same database. Starts a throwaway PostgreSQL unless `--store URL` names one.
 * Needs `npm run build`. Usage: node dist/bench/api-pg.js [--store postgres://...] [--articles 20000] [--seconds 40]
 * [--docs FILE] (the extracted documents, kept in FILE so that a second run skips the pipeline). The fill and the
 * measurement can run apart, on a PostgreSQL that keeps its data: `--fill-only --store URL` stores the articles
 * (going on from those already stored, so a stopped fill resumes) and measures nothing; `--measure-only --store URL`
 * measures the store as it is, storing nothing.
 */
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../eval/shared.js';
import { toWiregraph, type WiregraphDoc } from '../src/output/wiregraph1.js';
import { defaultPipeline } from '../src/pipeline/pipeline.js';
import { readSource } from '../src/read/read.js';
import type { AsyncArticleStore } from '../src/store/async.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { isService, startPostgres, type Service } from '../src/test-support/services.js';
import { fillApi, measureApi, type ApiBench } from './api.js';
import { loadBbc } from './corpus.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

/** The BBC corpus's distinct documents, extracted now, or read from (and written to) a JSON file given with `--docs`. */
function extracted(folder: string, file: string | undefined): WiregraphDoc[] {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as WiregraphDoc[];
  const pipeline = defaultPipeline();
  const articles = loadBbc(folder).flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [i.article] : [])));
  const docs = [...new Map(articles.map((a) => [a.id, toWiregraph(pipeline.run(a))])).values()];
  if (file) writeFileSync(file, JSON.stringify(docs));
  return docs;
}

/** Prints the latencies measured, by load and route. */
function report(routes: ApiBench['routes']): void {
  for (const [load, byRoute] of Object.entries(routes)) {
    for (const [route, r] of Object.entries(byRoute)) process.stdout.write(`${`${load}: ${route}`.padEnd(34)} p50 ${r.p50.toFixed(1).padStart(6)}  p99 ${r.p99.toFixed(1).padStart(6)}  max ${r.max.toFixed(1).padStart(7)}  ${r.perSecond.toFixed(0).padStart(5)} req/s\n`);
  }
}

/** Stores the articles up to the target, going on from those the store has; returns how many it has at the end. */
async function fill(store: AsyncArticleStore, folder: string, target: number): Promise<number> {
  // Note: batches of 1,000 commit whole, so the count stored is where the fill stopped.
  const from = Math.floor((await store.count()) / 1000) * 1000;
  if (from >= target) return store.count();
  const docs = extracted(folder, arg('docs'));
  let last = performance.now();
  const seconds = await fillApi(store, docs, target, from, (stored) => {
    const now = performance.now();
    process.stdout.write(`stored ${stored} (${(1000 / ((now - last) / 1000)).toFixed(1)} articles/s over the last 1,000)\n`);
    last = now;
  });
  process.stdout.write(`HTTP API on PostgreSQL: ${target - from} articles stored with the graph in ${seconds.toFixed(1)} s (${((target - from) / seconds).toFixed(1)} articles/s)\n`);
  return store.count();
}

/**
 * Vacuums and analyses the filled store, as autovacuum would in time.
 * Note: measured straight after a fill, the tables hold the dead rows of the batches' updates, no visibility map
 * (a count reads the whole heap) and statistics from when they were smaller, so the plans are not those of a store in use.
 */
async function settle(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const folder = sharedPath('data', 'news', 'bbc');
  if (!folder) return void process.stdout.write('skipped  bench api-pg: ../shared/data/news/bbc is absent\n');
  let server: Service | null = null;
  let url = arg('store');
  if ((flag('fill-only') || flag('measure-only')) && !url) throw new Error('--fill-only and --measure-only need --store URL (a PostgreSQL that keeps its data)');
  if (!url) {
    const started = await startPostgres();
    if (!isService(started)) return void process.stdout.write(`skipped  bench api-pg: ${started.reason}\n`);
    server = started;
    url = started.url;
  }
  const store = await openPostgresStore(url);
  try {
    const stored = flag('measure-only') ? await store.count() : await fill(store, folder, Number(arg('articles') ?? 20_000));
    if (!flag('measure-only')) await settle(url);
    if (flag('fill-only')) return;
    const { routes } = await measureApi(store, Number(arg('requests') ?? 1_500));
    process.stdout.write(`HTTP API on PostgreSQL: ${stored} articles; latency in ms, load from a second process\n`);
    report(routes);
    const load = join(dirname(fileURLToPath(import.meta.url)), 'load.js');
    execFileSync(process.execPath, [load, '--store', url, '--seconds', arg('seconds') ?? '40'], { stdio: 'inherit' });
  } finally {
    await store.close();
    await server?.stop();
  }
}

await main();
