/**
 * The API's latency on PostgreSQL, measured as `npm run bench` measures it on SQLite (bench/api.ts): the BBC corpus
 * extracted once, stored 20,000 times over under new ids with the graph, then search, entity pages, events by actor
 * and networks through HTTP from a second process; then bench/load.ts (autocannon, 10 connections) on
 * `wiregraph serve --store` over the same database. Starts a throwaway PostgreSQL unless `--store URL` names one.
 * Needs `npm run build`. Usage: node dist/bench/api-pg.js [--store postgres://...] [--articles 20000] [--seconds 40]
 * [--docs FILE] (the extracted documents, kept in FILE so that a second run skips the pipeline)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../eval/shared.js';
import { toWiregraph, type WiregraphDoc } from '../src/output/wiregraph1.js';
import { defaultPipeline } from '../src/pipeline/pipeline.js';
import { readSource } from '../src/read/read.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { isService, startPostgres, type Service } from '../src/test-support/services.js';
import { benchApi } from './api.js';
import { loadBbc } from './corpus.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

/** The BBC corpus's distinct documents, extracted now, or read from (and written to) a JSON file given with `--docs`. */
function extracted(folder: string, file: string | undefined): WiregraphDoc[] {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as WiregraphDoc[];
  const pipeline = defaultPipeline();
  const articles = loadBbc(folder).flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [i.article] : [])));
  const docs = [...new Map(articles.map((a) => [a.id, toWiregraph(pipeline.run(a))])).values()];
  if (file) writeFileSync(file, JSON.stringify(docs));
  return docs;
}

async function main(): Promise<void> {
  const folder = sharedPath('data', 'news', 'bbc');
  if (!folder) return void process.stdout.write('skipped  bench api-pg: ../shared/data/news/bbc is absent\n');
  let server: Service | null = null;
  let url = arg('store');
  if (!url) {
    const started = await startPostgres();
    if (!isService(started)) return void process.stdout.write(`skipped  bench api-pg: ${started.reason}\n`);
    server = started;
    url = started.url;
  }
  try {
    const docs = extracted(folder, arg('docs'));
    const target = Number(arg('articles') ?? 20_000);
    const api = await benchApi(docs, target, 1_500, () => openPostgresStore(url!));
    process.stdout.write(`HTTP API on PostgreSQL: ${api.articles} articles stored with the graph in ${api.storeSeconds.toFixed(1)} s (${(api.articles / api.storeSeconds).toFixed(0)} articles/s); latency in ms, load from a second process\n`);
    for (const [load, routes] of Object.entries(api.routes)) {
      for (const [route, r] of Object.entries(routes)) process.stdout.write(`${`${load}: ${route}`.padEnd(34)} p50 ${r.p50.toFixed(1).padStart(6)}  p99 ${r.p99.toFixed(1).padStart(6)}  max ${r.max.toFixed(1).padStart(7)}  ${r.perSecond.toFixed(0).padStart(5)} req/s\n`);
    }
    const load = join(dirname(fileURLToPath(import.meta.url)), 'load.js');
    execFileSync(process.execPath, [load, '--store', url, '--seconds', arg('seconds') ?? '40'], { stdio: 'inherit' });
  } finally {
    await server?.stop();
  }
}

await main();
