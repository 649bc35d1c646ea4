import { WiregraphError } from '../../errors.js';
import { EXIT, writeLine } from '../io.js';
import { queueOption, queueUrl } from '../queue-option.js';
import type { DefineCommand } from './index.js';

const needQueue = (option: string | undefined): string => {
  const url = queueUrl(option);
  if (!url) throw new WiregraphError('WG_BAD_OPTION', 'queue needs a queue: --queue redis://HOST:PORT or $WIREGRAPH_QUEUE.');
  return url;
};

/** `wiregraph queue status|retry`: the ingest queue's counts and throughput; failed jobs sent back to wait. */
export const defineQueue: DefineCommand = (program, setStatus) => {
  const queue = program.command('queue').description('the ingest queue: status (counts, throughput over the last minute), retry (failed jobs)');
  queue
    .command('status')
    .description('jobs waiting, active, delayed, completed and failed, and those completed over the last minute')
    .addOption(queueOption())
    .option('--json', 'print one JSON object')
    .action(async (opts: { queue?: string; json?: boolean }) => {
      const { ingestQueue, queueStatus, redisClient } = await import('../../queue/queue.js');
      const url = needQueue(opts.queue);
      const q = ingestQueue(url);
      const redis = redisClient(url);
      try {
        const s = await queueStatus(q, redis);
        await writeLine(opts.json ? JSON.stringify(s) : `waiting ${s.waiting}, active ${s.active}, delayed ${s.delayed}, completed ${s.completed}, failed ${s.failed}; ${s.completedLastMinute} completed in the last minute`);
        setStatus(EXIT.ok);
      } finally {
        redis.disconnect();
        await q.close();
      }
    });
  queue
    .command('retry')
    .description('send every failed job back to wait, its attempts counted afresh')
    .addOption(queueOption())
    .action(async (opts: { queue?: string }) => {
      const { ingestQueue } = await import('../../queue/queue.js');
      const q = ingestQueue(needQueue(opts.queue));
      try {
        const failed = await q.getJobCountByTypes('failed');
        await q.retryJobs({ state: 'failed' });
        await writeLine(`${failed} failed jobs sent back to wait`);
        setStatus(EXIT.ok);
      } finally {
        await q.close();
      }
    });
};
