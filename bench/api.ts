import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureViews } from './ui-views.js';
import type { WiregraphDoc } from '../src/output/wiregraph1.js';
import { buildApp, UI_DIR } from '../src/server/app.js';
import { asyncStore, type AsyncArticleStore } from '../src/store/async.js';
import { openSqliteStore } from '../src/store/sqlite/store.js';

/** One route's measured latencies. */
export interface RouteLatency {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly perSecond: number;
  readonly requests: number;
}

/** What the API benchmark measured. */
export interface ApiBench {
  readonly articles: number;
  readonly storeSeconds: number;
  /** Latencies by load (requests in flight) and route. */
  readonly routes: Record<string, Record<string, RouteLatency>>;
  /** Milliseconds from navigation to each view's first content in Chromium, by view, or null without Chromium. */
  readonly firstView: Record<string, number> | null;
}

const SEARCH_WORDS = ['government', 'election', 'film', 'market', 'football', 'music', 'Blair', 'mobile', 'economy', 'court', 'China', 'oil price', 'minister said', 'record', 'games'];

/**
 * Stores `target` articles (the given documents repeated under new ids, with dates spread over two years),
 * serves them, and measures search, entity pages, events by actor and networks through HTTP from a second
 * process on loopback.
 */
export async function benchApi(docs: readonly WiregraphDoc[], target = 20_000, requests = 1_500, open?: () => Promise<AsyncArticleStore>): Promise<ApiBench> {
  const dir = mkdtempSync(join(tmpdir(), 'wg-api-bench-'));
  // Note: a SQLite file by default; `open` gives another store (PostgreSQL, bench/api-pg.ts), measured the same way.
  const store = open ? await open() : asyncStore(openSqliteStore(join(dir, 'api.db')));
  const storeSeconds = await fillApi(store, docs, target);
  const { routes, firstView } = await measureApi(store, requests);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { articles: target, storeSeconds, routes, firstView };
}

/**
 * Stores the bench's articles `from` to `target` (the given documents repeated under new ids, with dates spread over
 * two years), 1,000 to a batch; the ids depend only on the position, so a fill stopped between batches goes on
 * from the count stored.
 * @returns the seconds it took
 */
export async function fillApi(store: AsyncArticleStore, docs: readonly WiregraphDoc[], target: number, from = 0, progress?: (stored: number) => void): Promise<number> {
  const started = performance.now();
  let batch: Array<{ doc: WiregraphDoc; source: string }> = [];
  for (let i = from; i < target; i++) {
    const base = docs[i % docs.length]!;
    const copy = Math.floor(i / docs.length);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const id = copy === 0 ? base.id : createHash('sha256').update(`${base.id}:${copy}`).digest('hex').slice(0, 16);
    batch.push({ doc: { ...base, id, meta: { ...base.meta, published: `${2024 + (i % 2)}-${month}-15` } }, source: 'bench' });
    if (batch.length === 1000) {
      await store.addBatch(batch);
      batch = [];
      progress?.(i + 1);
    }
  }
  await store.addBatch(batch);
  return (performance.now() - started) / 1000;
}

/** Serves a filled store and measures its routes from a second process, 1 then 8 requests in flight (and the UI's first views). */
export async function measureApi(store: AsyncArticleStore, requests = 1_500): Promise<Pick<ApiBench, 'routes' | 'firstView'>> {
  const top = (await store.graph.findEntities('', { limit: 200 })).items;
  const actors = top.filter((e) => e.type === 'GPE' || e.type === 'PERSON' || e.type === 'ORG');
  const pick = <T>(list: readonly T[], i: number): T => list[(i * 7919) % list.length]!;
  // Note: reads unlimited, as bench/load.ts serves with `--rate-limit 0`: the client asks far faster than one user (the default limit answered 429).
  const app = buildApp({ store, limits: { readsPerMinute: 0 } });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const groups = {
    search: Array.from({ length: requests }, (_, i) => `/api/search?q=${encodeURIComponent(pick(SEARCH_WORDS, i))}&limit=20`),
    'entity page': Array.from({ length: requests }, (_, i) => `/api/entities/${pick(top, i).id}`),
    'events by actor': Array.from({ length: requests }, (_, i) => `/api/events?actor=${pick(actors, i).id}&limit=50`),
    network: Array.from({ length: Math.floor(requests / 3) }, (_, i) => `/api/network?actor=${pick(actors, i).id}&limit=60`),
  };
  const client = join(dirname(fileURLToPath(import.meta.url)), 'load-client.js');
  // Note: the server answers on this process's event loop while the client runs in another process; one client
  // at a time (the latency of each query), then eight in flight (a busy server, where requests queue).
  const routes: Record<string, Record<string, RouteLatency>> = {};
  for (const concurrency of [1, 8]) {
    const output = await new Promise<string>((resolve, reject) => {
      const child = execFile(process.execPath, [client], { maxBuffer: 1 << 24 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
      child.stdin?.end(JSON.stringify({ base: address, concurrency, groups }));
    });
    routes[`${concurrency} in flight`] = JSON.parse(output) as Record<string, RouteLatency>;
  }
  // Note: the views are opened on the most reported actor (a copy's own entity may have no network at all).
  const actor = actors[0]?.id ?? 1;
  const eventful = (await store.graph.events({ actor }, { limit: 1 })).items[0];
  const firstView = existsSync('/usr/bin/chromium') && existsSync(join(UI_DIR, 'index.html')) ? await measureViews(address, { actor, article: eventful?.source.article ?? top[0]?.id.toString() ?? '' }) : null;
  await app.close();
  return { routes, firstView };
}


