/**
 * `npm run bench:pg`: ingest throughput through the Redis queue with 1, 2 and 4 worker processes on PostgreSQL,
 * beside in-process ingest into SQLite of the same articles, and the API's latency on the PostgreSQL store. It
 * starts its own throwaway PostgreSQL and Redis (src/test-support/services.ts) and needs `npm run build`.
 * Usage: node dist/bench/postgres.js [ARTICLES] [API_ARTICLES]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { enqueueInputs } from '../src/cli/queue-option.js';
import { ingest } from '../src/ingest/ingest.js';
import { ingestQueue } from '../src/queue/queue.js';
import { buildApp } from '../src/server/app.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { openSqliteStore } from '../src/store/sqlite/store.js';
import { isService, startPostgres, startRedis, type Service } from '../src/test-support/services.js';

const BIN = fileURLToPath(new URL('../../bin/wiregraph.js', import.meta.url));
const ARTICLES = Number(process.argv[2] ?? 400);
const API_ARTICLES = Number(process.argv[3] ?? 2000);
const PER_INPUT = 10;
const TOPICS = ['port strike', 'budget vote', 'flood warning', 'trade talks', 'election count', 'rail closure', 'drought aid', 'bank merger'];
const CITIES = ['Rotterdam', 'Hamburg', 'Lagos', 'Jakarta', 'Lima', 'Osaka', 'Nairobi', 'Quebec'];

/** A made-up article: a headline and three sentences, different for each n (so each is a text of its own). */
function article(n: number): string {
  const topic = TOPICS[n % TOPICS.length]!;
  const city = CITIES[(n >> 3) % CITIES.length]!;
  return `${city} ${topic} ${n}\n\nOfficials in ${city} said on Monday that the ${topic} number ${n} would go ahead. Minister Anna Berg told reporters the plan had cost ${n} million euros. "We will not wait any longer," she said in ${city}.`;
}

/** Writes the articles as JSONL files of {@link PER_INPUT} records. */
function writeInputs(dir: string, count: number): void {
  for (let i = 0; i < count / PER_INPUT; i++) {
    const lines = Array.from({ length: PER_INPUT }, (_, j) => JSON.stringify({ text: article(i * PER_INPUT + j), outlet: 'Wire', published: '2025-06-02' }));
    writeFileSync(join(dir, `part-${String(i).padStart(5, '0')}.jsonl`), lines.join('\n'));
  }
}

const worker = (redis: Service, url: string): ChildProcess =>
  spawn(process.execPath, [BIN, 'worker', '--queue', redis.url, '--store', url], { stdio: 'ignore' });

/** Seconds from enqueueing to an empty queue with `processes` workers (their model loads included). */
async function queued(pgServer: Service, redis: Service, dir: string, processes: number): Promise<number> {
  const admin = new pg.Client({ connectionString: pgServer.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE bench_${processes}`);
  await admin.end();
  const url = pgServer.url.replace(/\/postgres$/u, `/bench_${processes}`);
  (await openPostgresStore(url)).close();
  const started = performance.now();
  await enqueueInputs([dir], redis.url, url, { maxBytes: 1 << 24 }, { kind: 'auto', date: null, maxBytes: 1 << 24 });
  const workers = Array.from({ length: processes }, () => worker(redis, url));
  const queue = ingestQueue(redis.url);
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed');
    if ((c['waiting'] ?? 0) + (c['active'] ?? 0) + (c['delayed'] ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  await queue.close();
  workers.forEach((w) => w.kill('SIGTERM'));
  return seconds;
}

/** p50 and p99 of `runs` requests to a route, in milliseconds. */
async function latency(app: ReturnType<typeof buildApp>, url: string, runs = 200): Promise<{ p50: number; p99: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await app.inject(url);
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(runs / 2)]!, p99: ms[Math.floor(runs * 0.99)]! };
}

async function main(): Promise<void> {
  const [p, r] = await Promise.all([startPostgres(), startRedis()]);
  if (!isService(p) || !isService(r)) {
    process.stdout.write(`skipped  bench:pg: ${[p, r].flatMap((s) => ('reason' in s ? [s.reason] : [])).join('; ')}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'wg-bench-pg-'));
  try {
    writeInputs(dir, ARTICLES);
    const sqlite = openSqliteStore(join(dir, 'bench.db'));
    const t = performance.now();
    await ingest([dir], sqlite, { kind: 'auto', date: null, maxBytes: 1 << 24, batchSize: 500 });
    const sqliteSeconds = (performance.now() - t) / 1000;
    sqlite.close();
    process.stdout.write(`ingest  ${ARTICLES} articles  SQLite, in process: ${(ARTICLES / sqliteSeconds).toFixed(1)} articles/s (${sqliteSeconds.toFixed(1)} s)\n`);
    for (const n of [1, 2, 4]) {
      const s = await queued(p, r, dir, n);
      process.stdout.write(`ingest  ${ARTICLES} articles  PostgreSQL, ${n} worker process(es): ${(ARTICLES / s).toFixed(1)} articles/s (${s.toFixed(1)} s, model loads included)\n`);
    }
    rmSync(dir, { recursive: true, force: true });
    const api = mkdtempSync(join(tmpdir(), 'wg-bench-pg-api-'));
    writeInputs(api, API_ARTICLES);
    const store = await openPostgresStore(p.url, { schema: 'bench_api' });
    const loaded = performance.now();
    await ingest([api], store, { kind: 'auto', date: null, maxBytes: 1 << 24, batchSize: 500 });
    process.stdout.write(`api  ${API_ARTICLES} articles stored on PostgreSQL in ${((performance.now() - loaded) / 1000).toFixed(1)} s\n`);
    const app = buildApp({ store });
    await app.ready();
    for (const route of ['/api/articles?limit=50', '/api/search?q=minister%20Rotterdam', '/api/search?q=Rott*', '/api/stories?limit=50', '/api/overview']) {
      const l = await latency(app, route);
      process.stdout.write(`api  ${route}  p50 ${l.p50.toFixed(1)} ms  p99 ${l.p99.toFixed(1)} ms\n`);
    }
    await app.close();
    await store.close();
    rmSync(api, { recursive: true, force: true });
  } finally {
    await p.stop();
    await r.stop();
  }
}

await main();
