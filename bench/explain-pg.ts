/**
 * Where the API's time goes on a filled PostgreSQL store: each main route is answered once in process (to warm it),
 * then again with every statement it sends recorded, and each of those statements is run under
 * `EXPLAIN (ANALYZE, BUFFERS)`. Prints per route the statements' summed execution times (PostgreSQL's own, far less
 * sensitive to a loaded machine than a p99), and the plans of the statements over `--plans MS` (default 5).
 * Usage: node dist/bench/explain-pg.js --store postgres://... [--plans 5] [--route NAME]
 */
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { openPostgresStore } from '../src/store/postgres/store.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

interface Sent { readonly text: string; readonly values: readonly unknown[] }

/** Records the statements the store sends while `recording` is on (a query given as an object or as text and values). */
const sent: Sent[] = [];
let recording = false;
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  if (recording) {
    const [first, second] = args;
    const text = typeof first === 'string' ? first : (first as { text: string }).text;
    const values = typeof first === 'string' ? ((second as unknown[]) ?? []) : ((first as { values?: unknown[] }).values ?? []);
    if (/^\s*(SELECT|WITH)/iu.test(text)) sent.push({ text, values });
  }
  return original.apply(this, args);
} as typeof pg.Client.prototype.query;

async function main(): Promise<void> {
  const url = arg('store');
  if (!url) throw new Error('--store postgres://... names the filled store');
  const store = await openPostgresStore(url);
  const app = buildApp({ store });
  const top = (await store.graph.findEntities('', { limit: 50 })).items;
  const actors = top.filter((e) => e.type === 'GPE' || e.type === 'PERSON' || e.type === 'ORG');
  const [a0, a1] = [actors[0]!.id, actors[Math.min(10, actors.length - 1)]!.id];
  const routes: Record<string, string[]> = {
    'articles': ['/api/articles?limit=30'],
    'articles by published': ['/api/articles?limit=30&order=published'],
    'search': ['government', 'Blair', 'oil price', 'minister said', 'Pyong*', 'Kim OR Putin'].map((w) => `/api/search?q=${encodeURIComponent(w)}&limit=20`),
    'entity page': [`/api/entities/${top[0]!.id}`, `/api/entities/${a1}`],
    'events by actor': [`/api/events?actor=${a0}&limit=50`, `/api/events?actor=${a1}&limit=50`],
    'network': [`/api/network?actor=${a0}&limit=60`, `/api/network?actor=${a1}&limit=60`],
    'timeline': ['/api/timeline', `/api/timeline?actor=${a0}`],
    'stories': ['/api/stories?limit=25'],
  };
  const only = arg('route');
  const planOver = Number(arg('plans') ?? 5);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const [route, paths] of Object.entries(routes)) {
    if (only && route !== only) continue;
    for (const path of paths) {
      await app.inject(path);
      sent.length = 0;
      recording = true;
      const t = performance.now();
      const res = await app.inject(path);
      const wall = performance.now() - t;
      recording = false;
      let total = 0;
      const plans: string[] = [];
      for (const s of [...sent]) {
        // Note: the search's ranking runs with sequential scans off (postgres/article-reads.ts), so it is explained so.
        const ranked = s.text.includes('ts_rank_cd');
        if (ranked) await original.call(client, 'BEGIN; SET LOCAL enable_seqscan = off');
        const { rows } = await original.call(client, `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values) as pg.QueryResult<{ 'QUERY PLAN': string }>;
        if (ranked) await original.call(client, 'COMMIT');
        const lines = rows.map((r) => r['QUERY PLAN']);
        const ms = Number(/Execution Time: ([\d.]+)/u.exec(lines.at(-1) ?? '')?.[1] ?? 0) + Number(/Planning Time: ([\d.]+)/u.exec(lines.join('\n'))?.[1] ?? 0);
        total += ms;
        if (ms >= planOver) plans.push(`  -- ${ms.toFixed(1)} ms: ${s.text.replace(/\s+/gu, ' ').slice(0, 300)}\n${lines.map((l) => `     ${l}`).join('\n')}`);
      }
      process.stdout.write(`${route.padEnd(22)} ${path.padEnd(48)} ${res.statusCode} ${sent.length} statements, ${total.toFixed(1)} ms in PostgreSQL (planning + execution), ${wall.toFixed(1)} ms in process\n`);
      for (const p of plans) process.stdout.write(`${p}\n`);
    }
  }
  await client.end();
  await app.close();
  await store.close();
}

await main();
