import { parseDateOption } from '../../api/extract.js';
import type { InputKind } from '../../read/types.js';
import { DEFAULT_STORY_OPTIONS, type StoryOptions } from '../../stories/index.js';
import { EXIT, reportError } from '../io.js';
import { openStore, storeLocation, storeOption } from '../store-option.js';
import { enqueueInputs, queueOption, queueStore, queueUrl } from '../queue-option.js';
import { dbOption, dictionaryOptions, fetchOptions, fetchSettings, minConfidenceOption, type FetchFlags, pipelineOptions, positiveInt, readOptions, workersFor, workersOption } from '../options.js';
import type { DefineCommand } from './index.js';

/** `wiregraph ingest PATH|URL...`: read, extract and store articles, idempotently. */
export const defineIngest: DefineCommand = (program, setStatus) => {
  const command = program
    .command('ingest')
    .description('store articles from files, folders (recursively), feeds and URLs; ingesting the same input twice adds nothing')
    .argument('<inputs...>', 'files, folders, URLs, or - for standard input')
    .addOption(dbOption())
    .addOption(storeOption())
    .addOption(queueOption())
    .option('--batch-size <n>', 'articles per transaction', positiveInt, 500)
    .option('--copy-threshold <share>', 'a new text is a copy of a stored one when at least this share of it is found there', fraction, DEFAULT_STORY_OPTIONS.copyContainment)
    .option('--version-threshold <share>', 'a new text is a version of a stored one when it keeps at least this share of it', fraction, DEFAULT_STORY_OPTIONS.versionContainment);
  for (const option of [...readOptions(), ...fetchOptions(), ...dictionaryOptions(), minConfidenceOption(), workersOption()]) command.addOption(option);
  command.action(async (inputs: string[], opts: { db?: string; store?: string; queue?: string; batchSize: number; copyThreshold: number; versionThreshold: number; input: InputKind; date?: string; maxBytes: number; actors: string[]; verbs: string[]; minConfidence?: number; workers: number } & FetchFlags) => {
    // Note: the dictionaries are read before the database is opened, so that a bad one changes nothing.
    const pipeline = pipelineOptions({ ...opts, workers: workersFor(command, opts.workers, inputs) });
    // Note: the database driver, the ingest loop and the progress bar are imported when the command runs, so that `extract` starts without them.
    const location = storeLocation(opts);
    const queue = queueUrl(opts.queue);
    if (queue) {
      // Note: with a queue, the inputs are recorded in the store and the workers extract them (see `wiregraph worker`).
      const story = { copyContainment: opts.copyThreshold, versionContainment: opts.versionThreshold };
      const { queued, failed } = await enqueueInputs(inputs, queue, queueStore(location), { maxBytes: opts.maxBytes, ...fetchSettings(opts) }, { kind: opts.input, date: parseDateOption(opts.date), maxBytes: opts.maxBytes, story });
      process.stdout.write(`ingest: ${queued} inputs queued${failed > 0 ? `, ${failed} failed` : ''}\n`);
      setStatus(failed > 0 ? EXIT.someFailed : EXIT.ok);
      return;
    }
    const [store, { ingest }, { progressReporter, summarise }] = await Promise.all([openStore(location), import('../../ingest/ingest.js'), import('../progress.js')]);
    const reporter = progressReporter('ingest');
    try {
      const result = await ingest(inputs, store, {
        kind: opts.input,
        date: parseDateOption(opts.date),
        maxBytes: opts.maxBytes,
        ...fetchSettings(opts),
        batchSize: opts.batchSize,
        story: { copyContainment: opts.copyThreshold, versionContainment: opts.versionThreshold } satisfies Partial<StoryOptions>,
        ...pipeline,
        onProgress: reporter.update,
        onError: (error, input) => {
          reporter.interrupt(() => reportError(error, input));
        },
      });
      reporter.stop();
      process.stdout.write(`${summarise(result)}\n`);
      setStatus(result.failed > 0 ? EXIT.someFailed : EXIT.ok);
    } finally {
      await store.close();
    }
  });
};

/** Parses a share between 0 (exclusive) and 1. */
function fraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new Error(`expected a share between 0 and 1, got ${JSON.stringify(value)}`);
  return n;
}
