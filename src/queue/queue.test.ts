import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enqueueInputs } from '../cli/queue-option.js';
import { openInputStore } from '../store/postgres/inputs.js';
import { openPostgresStore } from '../store/postgres/store.js';
import { isService, startPostgres, startRedis } from '../test-support/services.js';
import { ingestQueue, queueStatus as statusOf, redisClient, QUEUE_PREFIX, type IngestJob } from './queue.js';
import type { Queue } from 'bullmq';
import { startQueueWorker } from './worker.js';

// Note: a throwaway PostgreSQL and Redis for this file; it skips, saying why, where either cannot start.
const [pgStarted, redisStarted] = await Promise.all([startPostgres(), startRedis()]);
const pgServer = isService(pgStarted) ? pgStarted : null;
const redis = isService(redisStarted) ? redisStarted : null;
const why = [pgStarted, redisStarted].flatMap((s) => ('reason' in s ? [s.reason] : [])).join('; ');
if (why) console.warn(`queue tests skipped: ${why}`);
afterAll(async () => {
  await pgServer?.stop();
  await redis?.stop();
});

const until = async (done: () => Promise<boolean>, ms = 60_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe.skipIf(!pgServer || !redis)('ingest through the Redis queue', () => {
  it('records inputs in PostgreSQL, enqueues their ids, and a worker stores each article once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wg-queue-'));
    const lines = (from: number) => Array.from({ length: 3 }, (_, i) => JSON.stringify({ text: `Minister ${from + i} visits port\n\nThe minister number ${from + i} visited the port of Rotterdam on Monday, officials said.`, outlet: 'AFP', published: '2025-03-03' })).join('\n');
    writeFileSync(join(dir, 'a.jsonl'), lines(0));
    writeFileSync(join(dir, 'b.jsonl'), lines(3));
    const opts = { kind: 'auto', date: null, maxBytes: 1 << 20 };
    expect(await enqueueInputs([dir], redis!.url, pgServer!.url, { maxBytes: 1 << 20 }, opts)).toEqual({ queued: 2, failed: 0 });
    const queue = ingestQueue(redis!.url);
    const client = redisClient(redis!.url);
    const queueStatus = (q: Queue<IngestJob>) => statusOf(q, client);
    // Note: the job holds only the input's id; the article text is in PostgreSQL.
    const [job] = await queue.getWaiting();
    expect(job!.data).toEqual({ input: expect.any(Number) });
    expect(JSON.stringify(job!.data)).not.toContain('Rotterdam');
    expect(queue.keys['wait']).toMatch(new RegExp(`^\\${QUEUE_PREFIX.slice(0, -1)}\\}:ingest:`, 'u'));

    const store = await openPostgresStore(pgServer!.url);
    const inputs = await openInputStore(pgServer!.url);
    const worker = startQueueWorker({ queue: redis!.url, store, inputs, concurrency: 2 });
    await until(async () => (await queueStatus(queue)).waiting + (await queueStatus(queue)).active === 0 && (await store.count()) === 6);
    const status = await queueStatus(queue);
    expect(status).toMatchObject({ waiting: 0, active: 0, failed: 0 });
    expect(status.completed).toBe(2);
    await until(async () => (await queueStatus(queue)).completedLastMinute === 2, 5000);
    // Note: the same inputs again are stored once: every record is skipped.
    await enqueueInputs([dir], redis!.url, pgServer!.url, { maxBytes: 1 << 20 }, opts);
    await until(async () => (await queueStatus(queue)).completed === 4);
    expect(await store.count()).toBe(6);

    // A job naming no input fails at once and keeps its error; retry sends it back to wait.
    await queue.add('input', { input: 999_999 }, { jobId: 'input-999999' });
    await until(async () => (await queueStatus(queue)).failed === 1);
    const [failed] = await queue.getFailed();
    expect(failed!.failedReason).toMatch(/No queued input has id 999999/u);
    await worker.close();
    await queue.retryJobs({ state: 'failed' });
    expect(await queue.getJobCountByTypes('waiting')).toBe(1);
    await queue.obliterate({ force: true });
    await queue.close();
    client.disconnect();
    await inputs.close();
    await store.close();
  }, 120_000);
});
