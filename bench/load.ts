/**
 * The API under load: `wiregraph serve` on loopback, then autocannon on each main route in turn for a share of
 * 60 s (10 connections), reporting requests/s, p50 and p99 per route and any answer other than the intended ones
 * (200s, the write burst's 404s and 429s). Reads run with `--rate-limit 0`, writes at the default limit, so the
 * write burst shows the 429s. `npm run bench:load [-- --db PATH | --store URL --seconds 60]`; without --db the bundled sample is
 * ingested into a temporary database first.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../src/data-dir.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const freePort = (): Promise<number> => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  });
});

async function waitFor(base: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${base}/api/overview`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

/** One route's load: the paths it cycles through and the statuses it is meant to answer. */
interface Target { readonly paths: string[]; readonly method?: string; readonly ok: readonly string[] }

async function targets(base: string): Promise<Record<string, Target>> {
  const entities = ((await (await fetch(`${base}/api/entities?limit=50`)).json()) as { items: Array<{ id: number; type: string }> }).items;
  const actors = entities.filter((e) => e.type !== 'MISC').map((e) => e.id);
  const words = ['government', 'election', 'Blair', 'economy', 'court', 'China', 'minister said', 'oil price', 'Pyong*', 'Kim OR Putin'];
  const ok = ['200'];
  return {
    'GET /api/articles': { paths: ['/api/articles?limit=30', '/api/articles?limit=30&order=published'], ok },
    'GET /api/search': { paths: words.map((w) => `/api/search?q=${encodeURIComponent(w)}&limit=30`), ok },
    'GET /api/entities/:id': { paths: entities.map((e) => `/api/entities/${e.id}`), ok },
    'GET /api/events': { paths: actors.map((id) => `/api/events?actor=${id}&limit=50`), ok },
    'GET /api/network': { paths: actors.map((id) => `/api/network?actor=${id}&limit=40`), ok },
    'GET /api/timeline': { paths: ['/api/timeline', ...actors.slice(0, 10).map((id) => `/api/timeline?actor=${id}`)], ok },
    'GET /api/stories': { paths: ['/api/stories?limit=25'], ok },
    'POST /api/merges/:id/undo (burst)': { paths: ['/api/merges/999999999/undo'], method: 'POST', ok: ['404', '429'] },
  };
}

async function main(): Promise<void> {
  const seconds = Number(arg('seconds') ?? 60);
  const dir = mkdtempSync(join(tmpdir(), 'wg-load-'));
  const cli = join(packageRoot(), 'bin', 'wiregraph.js');
  // Note: `--store URL` serves a store already filled (a postgres:// one, say), as `--db PATH` serves a SQLite file.
  const store = arg('store') ?? arg('db') ?? join(dir, 'load.db');
  if (!arg('db') && !arg('store')) execFileSync(process.execPath, [cli, 'ingest', join(packageRoot(), 'data', 'sample'), '--db', store], { stdio: 'ignore' });
  const port = await freePort();
  const server = spawn(process.execPath, [cli, 'serve', '--store', store, '--port', String(port), '--rate-limit', '0'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(base);
    const plan = await targets(base);
    const share = Math.max(1, Math.round(seconds / Object.keys(plan).length));
    process.stdout.write(`load: ${base}, ${Object.keys(plan).length} routes x ${share} s, 10 connections\n`);
    for (const [route, target] of Object.entries(plan)) {
      let next = 0;
      const request = { method: target.method ?? 'GET', headers: { 'x-wiregraph': '1' }, setupRequest: (r: { path?: string }) => ({ ...r, path: target.paths[next++ % target.paths.length]! }) };
      const result = await autocannon({ url: base, connections: 10, duration: share, requests: [request] });
      const unintended = Object.entries(result.statusCodeStats).filter(([code]) => !target.ok.includes(code)).map(([code, n]) => `${code}x${n.count}`);
      const statuses = Object.entries(result.statusCodeStats).map(([code, n]) => `${code}:${n.count}`).join(' ');
      process.stdout.write(`${route.padEnd(36)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${String(result.latency.p50).padStart(4)} ms  p99 ${String(result.latency.p99).padStart(4)} ms  [${statuses}]  unintended: ${[...unintended, ...(result.errors ? [`errors x${result.errors}`] : []), ...(result.timeouts ? [`timeouts x${result.timeouts}`] : [])].join(', ') || 'none'}\n`);
    }
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
