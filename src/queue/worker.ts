import { MetricsTime, UnrecoverableError, Worker } from 'bullmq';
import { extractSource } from '../api/extract.js';
import { defaultPipeline, type Pipeline } from '../pipeline/pipeline.js';
import type { InputKind } from '../read/types.js';
import type { AsyncArticleStore } from '../store/async.js';
import type { InputResult, InputStore } from '../store/postgres/inputs.js';
import { QUEUE_NAME, QUEUE_PREFIX, redisClient, redisConnection, THROUGHPUT_KEY, type IngestJob } from './queue.js';

/** What a queue worker runs with. */
export interface QueueWorkerOptions {
  /** The `redis://` URL of the queue. */
  readonly queue: string;
  /** The PostgreSQL store the articles go to. */
  readonly store: AsyncArticleStore;
  /** The queued inputs, in the same PostgreSQL database. */
  readonly inputs: InputStore;
  /** Jobs run at once in this process (default 1). */
  readonly concurrency?: number;
  /** The pipeline (one with user dictionaries, say); the default one otherwise. */
  readonly pipeline?: Pipeline;
  /** How long a job's lock lasts without renewal before another worker may take the job again (default 30 s). */
  readonly lockMs?: number;
  /** Called after each job, with what it stored. */
  readonly onDone?: (input: number, result: InputResult) => void;
}

/**
 * Reads one queued input, runs the pipeline on it and stores its articles in one batch. The job completes only once
 * that batch is committed; a worker killed before then leaves the job to be taken again when its lock lapses
 * (stalled), and storing it again adds nothing, since the store skips records it already has.
 */
export async function processInput(id: number, options: Pick<QueueWorkerOptions, 'store' | 'inputs' | 'pipeline'>): Promise<InputResult> {
  const input = await options.inputs.load(id);
  // Note: a job naming no input cannot succeed on a retry: it fails at once, its error kept.
  if (!input) throw new UnrecoverableError(`No queued input has id ${id} in the store.`);
  const o = input.options;
  const extracted = extractSource(input.source, { kind: o.kind as InputKind, date: o.date, maxBytes: o.maxBytes, pipeline: options.pipeline ?? defaultPipeline(), echoInputIds: false });
  const records = extracted.flatMap((e) => (e.ok ? [{ doc: e.doc, source: e.input }] : []));
  const errors = extracted.flatMap((e) => (e.ok ? [] : [{ input: e.input, code: e.error.code, message: e.error.message }]));
  const batch = records.length === 0 ? { added: 0, copies: 0, skipped: 0, failures: [] } : await options.store.addBatch(records, o.story ? { story: o.story } : {});
  for (const f of batch.failures) errors.push({ input: records[f.index]!.source, code: f.error.code, message: f.error.message });
  const result: InputResult = { added: batch.added, copies: batch.copies, skipped: batch.skipped, failed: errors.length, errors: errors.slice(0, 50) };
  await options.inputs.done(id, result);
  return result;
}

/** Starts a worker on the ingest queue; close it to stop taking jobs (the running ones finish first). */
export function startQueueWorker(options: QueueWorkerOptions): Worker<IngestJob, InputResult> {
  const pipeline = options.pipeline ?? defaultPipeline();
  const worker = new Worker<IngestJob, InputResult>(
    QUEUE_NAME,
    async (job) => {
      const result = await processInput(job.data.input, { ...options, pipeline });
      options.onDone?.(job.data.input, result);
      return result;
    },
    {
      connection: redisConnection(options.queue),
      prefix: QUEUE_PREFIX,
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockMs ?? 30_000,
      stalledInterval: options.lockMs ?? 30_000,
      // Note: per-minute counts of completed jobs, for `queue status` (completed jobs themselves are removed).
      metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
    },
  );
  // Note: a job's failure is kept on the job (queue status, queue retry); the worker goes on.
  worker.on('error', () => undefined);
  // Note: each completion's time, for the throughput over the last minute (BullMQ's own metrics count whole minutes
  // only); times older than an hour are dropped as new ones come.
  const redis = redisClient(options.queue);
  worker.on('completed', (job) => {
    const now = Date.now();
    void redis.zadd(THROUGHPUT_KEY, now, `${job.id}:${now}`).then(() => redis.zremrangebyscore(THROUGHPUT_KEY, 0, now - 3_600_000)).catch(() => undefined);
  });
  worker.on('closed', () => redis.disconnect());
  return worker;
}
