import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { WiregraphError } from '../errors.js';

/** The queue's name; its keys are under {@link QUEUE_PREFIX}. */
export const QUEUE_NAME = 'ingest';
/**
 * The prefix of every key of the queue. Note: the braces are a Redis Cluster hash tag: all of the queue's keys hash
 * to one slot, as BullMQ's scripts need (https://docs.bullmq.io/bull/patterns/redis-cluster).
 */
export const QUEUE_PREFIX = '{wiregraph}';

/** The sorted set of completion times (ms) the workers keep, for the throughput; under the queue's hash tag. */
export const THROUGHPUT_KEY = `${QUEUE_PREFIX}:${QUEUE_NAME}:completions`;

/** A job: the id of a queued input in the PostgreSQL store (its bytes stay there). */
export interface IngestJob {
  readonly input: number;
}

/** The connection options of a `redis://` URL, as BullMQ needs them (no request retry limit on blocking reads). */
export function redisConnection(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new WiregraphError('WG_BAD_OPTION', `--queue: ${JSON.stringify(url)} is not a redis:// URL.`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new WiregraphError('WG_BAD_OPTION', `--queue: ${JSON.stringify(parsed.protocol)} is not redis: or rediss:.`);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.pathname.length > 1 ? { db: Number(parsed.pathname.slice(1)) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/**
 * The ingest queue. Jobs are retried (three attempts, backing off from a second) and removed once completed, so
 * Redis holds only what is waiting, running or failed; failed jobs keep their error until retried.
 */
export function ingestQueue(url: string): Queue<IngestJob> {
  return new Queue<IngestJob>(QUEUE_NAME, {
    connection: redisConnection(url),
    prefix: QUEUE_PREFIX,
    defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: false },
  });
}

/** What `wiregraph queue status` says. */
export interface QueueStatus {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly completed: number;
  readonly failed: number;
  /** Jobs completed over the last minute, by any worker. */
  readonly completedLastMinute: number;
}

/** A plain Redis client on the queue's server (for the throughput set, which BullMQ does not keep). */
export function redisClient(url: string): Redis {
  redisConnection(url);
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
}

/** The queue's counts and its throughput over the last minute (read through `redis`, on the queue's server). */
export async function queueStatus(queue: Queue<IngestJob>, redis: Redis): Promise<QueueStatus> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  const metrics = await queue.getMetrics('completed', 0, 0);
  const lastMinute = await redis.zcount(THROUGHPUT_KEY, Date.now() - 60_000, '+inf');
  return {
    waiting: counts['waiting'] ?? 0,
    active: counts['active'] ?? 0,
    delayed: counts['delayed'] ?? 0,
    // Note: completed jobs are removed at once, so the metrics' total counts them.
    completed: Math.max(counts['completed'] ?? 0, Number(metrics.meta.count) || 0),
    failed: counts['failed'] ?? 0,
    completedLastMinute: lastMinute,
  };
}
