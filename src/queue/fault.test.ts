import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { enqueueInputs } from '../cli/queue-option.js';
import { isService, startPostgres, startRedis } from '../test-support/services.js';
import { ingestQueue } from './queue.js';

const BIN = fileURLToPath(new URL('../../bin/wiregraph.js', import.meta.url));
/** Articles in the run (the figure); `WIREGRAPH_FAULT_ARTICLES` makes it smaller on a slow machine. */
const ARTICLES = Number(process.env['WIREGRAPH_FAULT_ARTICLES'] ?? 1000);
const PER_INPUT = 5;

const [pgStarted, redisStarted] = await Promise.all([startPostgres(), startRedis()]);
const pgServer = isService(pgStarted) ? pgStarted : null;
const redis = isService(redisStarted) ? redisStarted : null;
const why = [pgStarted, redisStarted].flatMap((s) => ('reason' in s ? [s.reason] : [])).join('; ');
if (why) console.warn(`queue fault test skipped: ${why}`);
afterAll(async () => {
  await pgServer?.stop();
  await redis?.stop();
});

/** A worker process (the built CLI), whose job locks lapse after two seconds so that a killed one's job is soon taken again. */
function worker(): ChildProcess {
  return spawn(process.execPath, [BIN, 'worker', '--queue', redis!.url, '--store', pgServer!.url, '--concurrency', '2'], { env: { ...process.env, WIREGRAPH_LOCK_MS: '2000' }, stdio: 'ignore' });
}

const exited = (child: ChildProcess): Promise<void> => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe.skipIf(!pgServer || !redis)('a worker killed mid-run', () => {
  it(`loses and duplicates nothing: ${ARTICLES} articles, two workers, one killed with SIGKILL and restarted`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wg-fault-'));
    for (let i = 0; i < ARTICLES / PER_INPUT; i++) {
      const lines = Array.from({ length: PER_INPUT }, (_, j) => {
        const n = i * PER_INPUT + j;
        return JSON.stringify({ text: `Council ${n} approves budget\n\nThe council of district ${n} approved a budget of ${n} million euros on Tuesday, its chair Anna Berg ${n} said.`, outlet: `Outlet ${n % 7}`, published: '2025-05-06' });
      });
      writeFileSync(join(dir, `batch-${i}.jsonl`), lines.join('\n'));
    }
    const client = new pg.Client({ connectionString: pgServer!.url });
    const count = async (sql: string): Promise<number> => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    const workers = [worker(), worker()];
    try {
      expect(await enqueueInputs([dir], redis!.url, pgServer!.url, { maxBytes: 1 << 20 }, { kind: 'auto', date: null, maxBytes: 1 << 20 })).toMatchObject({ queued: ARTICLES / PER_INPUT });
      await client.connect();
      const until = async (done: () => Promise<boolean>, ms: number): Promise<void> => {
        const deadline = Date.now() + ms;
        while (!(await done())) {
          if (Date.now() > deadline) throw new Error(`timed out with ${await count('SELECT count(*) AS n FROM articles')} articles stored`);
          await new Promise((r) => setTimeout(r, 250));
        }
      };
      await until(async () => (await count('SELECT count(*) AS n FROM articles')) >= ARTICLES / 5, 240_000);
      workers[0]!.kill('SIGKILL');
      await exited(workers[0]!);
      workers[0] = worker();
      const queue = ingestQueue(redis!.url);
      await until(async () => {
        const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        return (c['waiting'] ?? 0) + (c['active'] ?? 0) + (c['delayed'] ?? 0) + (c['failed'] ?? 0) === 0;
      }, 400_000);
      await queue.close();
      expect(await count('SELECT count(*) AS n FROM articles')).toBe(ARTICLES);
      expect(await count('SELECT count(*) AS n FROM copies')).toBe(ARTICLES);
      expect(await count('SELECT count(DISTINCT article_seq) AS n FROM copies')).toBe(ARTICLES);
      expect(await count('SELECT count(*) AS n FROM queued_inputs WHERE done_at IS NULL')).toBe(0);
      expect(await count("SELECT count(*) AS n FROM articles WHERE jsonb_array_length(doc::jsonb->'entities') = 0")).toBe(0);
    } finally {
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map(exited));
      await client.end();
    }
  }, 600_000);
});
