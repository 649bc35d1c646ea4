import { Option } from 'commander';
import { WiregraphError } from '../errors.js';
import type { LoadOptions } from '../read/source.js';
import type { QueuedOptions } from '../store/postgres/inputs.js';
import { describeLocation, type StoreLocation } from './store-option.js';
import { reportError } from './io.js';

/** The `--queue URL` option (default `$WIREGRAPH_QUEUE`). */
export const queueOption = (): Option => new Option('--queue <url>', 'a Redis queue, redis://HOST:PORT (default: $WIREGRAPH_QUEUE): ingest enqueues, workers store');

/** The queue's URL: `--queue`, else `$WIREGRAPH_QUEUE`, else none. */
export function queueUrl(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  return option ?? (env['WIREGRAPH_QUEUE'] || null);
}

/**
 * The PostgreSQL URL a queue needs: its jobs name inputs kept in the store, which every worker must reach.
 * @throws WiregraphError `WG_BAD_OPTION` for a SQLite store
 */
export function queueStore(location: StoreLocation): string {
  if (location.kind !== 'postgres') throw new WiregraphError('WG_BAD_OPTION', `--queue needs a PostgreSQL store (--store postgres://...), which every worker reaches; ${describeLocation(location)} is a SQLite file.`);
  return location.url;
}

/**
 * Records each input (files, folders walked, URLs) in the store and enqueues a job naming it.
 * @returns how many inputs were queued and how many could not be read
 */
export async function enqueueInputs(names: readonly string[], queue: string, store: string, load: LoadOptions, options: QueuedOptions): Promise<{ queued: number; failed: number }> {
  const [{ expandInputs, loadSource }, { openInputStore }, { ingestQueue }] = await Promise.all([import('../read/source.js'), import('../store/postgres/inputs.js'), import('../queue/queue.js')]);
  const inputs = await openInputStore(store);
  const q = ingestQueue(queue);
  let queued = 0;
  let failed = 0;
  try {
    for await (const name of expandInputs(names)) {
      try {
        const id = await inputs.record(await loadSource(name, load), options);
        // Note: the job id is the input's, so that enqueueing the same row twice makes one job.
        await q.add('input', { input: id }, { jobId: `input-${id}` });
        queued++;
      } catch (error) {
        if (!(error instanceof WiregraphError) || error.code === 'WG_STORE_UNAVAILABLE') throw error;
        reportError(error, name);
        failed++;
      }
    }
  } finally {
    await q.close();
    await inputs.close();
  }
  return { queued, failed };
}
