import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from 'bullmq';
import { ingestQueue, QUEUE_NAME, QUEUE_PREFIX, redisConnection } from '../../queue/queue.js';
import { runCli } from '../../test-support/cli.js';
import { isService, startPostgres, startRedis } from '../../test-support/services.js';

// Note: the built CLI (npm run build) on a throwaway PostgreSQL and Redis; it skips, saying why, where either cannot start.
const [pgStarted, redisStarted] = await Promise.all([startPostgres(), startRedis()]);
const pgServer = isService(pgStarted) ? pgStarted : null;
const redis = isService(redisStarted) ? redisStarted : null;
const why = [pgStarted, redisStarted].flatMap((s) => ('reason' in s ? [s.reason] : [])).join('; ');
if (why) console.warn(`queue CLI tests skipped: ${why}`);
afterAll(async () => {
  await pgServer?.stop();
  await redis?.stop();
});

describe('wiregraph ingest --queue, queue status and retry', () => {
  it('refuses a queue with a SQLite store, before reading anything', async () => {
    const run = await runCli(['ingest', '--queue', 'redis://127.0.0.1:1', '--db', join(tmpdir(), 'never.db'), 'nothing.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/WG_BAD_OPTION .*PostgreSQL store/u);
  });

  it.skipIf(!pgServer || !redis)('enqueues inputs, says what waits, and sends failed jobs back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wg-queue-cli-'));
    writeFileSync(join(dir, 'a.txt'), 'Port strike ends\n\nDock workers in Rotterdam ended their strike on Friday.');
    writeFileSync(join(dir, 'b.txt'), 'Talks resume\n\nUnion leaders and operators resumed talks in Rotterdam.');
    const env = { WIREGRAPH_QUEUE: redis!.url, WIREGRAPH_STORE: pgServer!.url };
    const ingest = await runCli(['ingest', dir], undefined, undefined, env);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stdout).toMatch(/2 inputs queued/u);
    const status = JSON.parse((await runCli(['queue', 'status', '--json'], undefined, undefined, env)).stdout) as Record<string, number>;
    expect(status).toMatchObject({ waiting: 2, active: 0, failed: 0, completedLastMinute: 0 });
    // Note: a job that fails, as a worker leaves one: it keeps its error until retried.
    const queue = ingestQueue(redis!.url);
    await queue.add('input', { input: 999_999 }, { jobId: 'input-999999', attempts: 1 });
    const failing = new Worker(QUEUE_NAME, async (j) => {
      if (j.data.input === 999_999) throw new Error('no such input');
      await new Promise((r) => setTimeout(r, 60_000));
    }, { connection: redisConnection(redis!.url), prefix: QUEUE_PREFIX, autorun: false });
    const failed = new Promise((resolve) => failing.on('failed', resolve));
    // Note: only the one job runs: the others are taken off the queue first and put back after.
    const waiting = (await queue.getWaiting()).filter((j) => j.id !== 'input-999999');
    for (const j of waiting) await j.remove();
    void failing.run();
    await failed;
    await failing.close(true);
    for (const j of waiting) await queue.add('input', j.data, { jobId: j.id! });
    expect((await runCli(['queue', 'status'], undefined, undefined, env)).stdout).toMatch(/^waiting 2, active 0, delayed 0, completed 0, failed 1; 0 completed in the last minute/u);
    const retry = await runCli(['queue', 'retry'], undefined, undefined, env);
    expect(retry.stdout).toMatch(/1 failed jobs sent back to wait/u);
    expect(await queue.getJobCounts('waiting', 'failed')).toEqual({ waiting: 3, failed: 0 });
    await queue.close();
  }, 120_000);
});
