import { closeSync, openSync, writeSync } from 'node:fs';
import { parseDateOption } from '../../api/extract.js';
import type { StoredRecord } from '../../ingest/ingest.js';
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
    .option('--reread', 'read every input again, even files stored whole before and unchanged since (which are skipped unread otherwise)')
    .option('--log-stored <file>', 'append the id and input of each record to this file as soon as its batch is committed')
    .option('--copy-threshold <share>', 'a new text is a copy of a stored one when at least this share of it is found there', fraction, DEFAULT_STORY_OPTIONS.copyContainment)
    .option('--version-threshold <share>', 'a new text is a version of a stored one when it keeps at least this share of it', fraction, DEFAULT_STORY_OPTIONS.versionContainment);
  for (const option of [...readOptions(), ...fetchOptions(), ...dictionaryOptions(), minConfidenceOption(), workersOption()]) command.addOption(option);
  command.action(async (inputs: string[], opts: { db?: string; store?: string; queue?: string; batchSize: number; copyThreshold: number; versionThreshold: number; input: InputKind; date?: string; maxBytes: number; actors: string[]; verbs: string[]; minConfidence?: number; workers: number; reread?: boolean; logStored?: string } & FetchFlags) => {
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
    const [store, { ingest, IngestStoppedError }, { progressReporter, summarise }] = await Promise.all([openStore(location), import('../../ingest/ingest.js'), import('../progress.js')]);
    const reporter = progressReporter('ingest');
    const log = opts.logStored === undefined ? null : storedLog(opts.logStored);
    try {
      const result = await ingest(inputs, store, {
        kind: opts.input,
        date: parseDateOption(opts.date),
        maxBytes: opts.maxBytes,
        ...fetchSettings(opts),
        batchSize: opts.batchSize,
        story: { copyContainment: opts.copyThreshold, versionContainment: opts.versionThreshold } satisfies Partial<StoryOptions>,
        ...pipeline,
        reread: opts.reread ?? false,
        ...(log ? { onStored: log.write } : {}),
        onProgress: reporter.update,
        onError: (error, input) => {
          reporter.interrupt(() => reportError(error, input));
        },
      });
      reporter.stop();
      process.stdout.write(`${summarise(result)}\n`);
      setStatus(result.failed > 0 ? EXIT.someFailed : EXIT.ok);
    } catch (error) {
      reporter.stop();
      // Note: a full disk or a locked database stops the ingest; what was stored before it is said, then the error.
      if (error instanceof IngestStoppedError) process.stdout.write(`stopped: ${summarise(error.progress)}\n`);
      throw error;
    } finally {
      log?.close();
      await store.close();
    }
  });
};

/**
 * The `--log-stored` file, appended to with one `id<TAB>input` line per acknowledged record, written (not
 * buffered) after each commit, so that a record in it is in the database whatever happens to the process next.
 */
function storedLog(path: string): { write(records: readonly StoredRecord[]): void; close(): void } {
  const fd = openSync(path, 'a');
  return {
    write: (records) => {
      if (records.length > 0) writeSync(fd, records.map((r) => `${r.id}\t${r.input}\n`).join(''));
    },
    close: () => closeSync(fd),
  };
}

/** Parses a share between 0 (exclusive) and 1. */
function fraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new Error(`expected a share between 0 and 1, got ${JSON.stringify(value)}`);
  return n;
}
