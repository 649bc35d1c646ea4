import { EXIT } from '../io.js';
import { dictionaryOptions, pipelineOptions, positiveInt } from '../options.js';
import { queueOption, queueStore, queueUrl } from '../queue-option.js';
import { openStore, storeLocation, storeOption } from '../store-option.js';
import { WiregraphError } from '../../errors.js';
import type { DefineCommand } from './index.js';

/** `wiregraph worker`: takes ingest jobs from the queue and stores their articles, until stopped (SIGINT, SIGTERM). */
export const defineWorker: DefineCommand = (program, setStatus) => {
  const command = program
    .command('worker')
    .description('process queued ingest jobs (wiregraph ingest --queue) into the PostgreSQL store; run any number, on any machine')
    .addOption(queueOption())
    .addOption(storeOption())
    .option('--concurrency <n>', 'jobs run at once in this process', positiveInt, 1);
  for (const option of dictionaryOptions()) command.addOption(option);
  command.action(async (opts: { queue?: string; store?: string; concurrency: number; actors: string[]; verbs: string[] }) => {
    const queue = queueUrl(opts.queue);
    if (!queue) throw new WiregraphError('WG_BAD_OPTION', 'worker needs a queue: --queue redis://HOST:PORT or $WIREGRAPH_QUEUE.');
    const location = storeLocation(opts);
    const url = queueStore(location);
    const { pipeline } = pipelineOptions({ ...opts, workers: 1 });
    const [{ startQueueWorker }, { openInputStore }, store] = await Promise.all([import('../../queue/worker.js'), import('../../store/postgres/inputs.js'), openStore(location)]);
    const inputs = await openInputStore(url);
    const worker = startQueueWorker({ queue, store, inputs, concurrency: opts.concurrency, ...(pipeline ? { pipeline } : {}), ...(process.env['WIREGRAPH_LOCK_MS'] ? { lockMs: Number(process.env['WIREGRAPH_LOCK_MS']) } : {}) });
    process.stderr.write(`wiregraph: worker ${process.pid} taking jobs (${opts.concurrency} at once)\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    // Note: closing waits for the running jobs, so a stop never leaves a job half stored (a kill does, and the job is retried).
    await worker.close();
    await Promise.all([inputs.close(), store.close()]);
    setStatus(EXIT.ok);
  });
};
