import { extractInputs, type ExtractOptions } from '../api/extract.js';
import { WiregraphError } from '../errors.js';
import { expandInputs } from '../read/source.js';
import type { StoryOptions } from '../stories/index.js';
import { asyncStore, type AnyArticleStore } from '../store/async.js';
import type { ArticleRecord } from '../store/store.js';
import { InputTracker, planResume } from './resume.js';

/** Options for {@link ingest}. */
export interface IngestOptions extends ExtractOptions {
  /** Articles per transaction. */
  readonly batchSize: number;
  /** Called after each committed batch and once at the end. */
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Called for each input or record that fails. */
  readonly onError?: (error: WiregraphError, input: string) => void;
  /** Called after each commit with the records it acknowledged (stored, or found stored), in input order. */
  readonly onStored?: (records: readonly StoredRecord[]) => void;
  /** Thresholds of story assignment (copy and version containment); the defaults otherwise. */
  readonly story?: Partial<StoryOptions>;
  /** Read every input, even files the store's ledger has stored whole and unchanged since. */
  readonly reread?: boolean;
}

/** A record a commit acknowledged: the article's id and the record's input (`file.jsonl:3`). */
export interface StoredRecord {
  readonly id: string;
  readonly input: string;
}

/** Where an ingest stands. */
export interface IngestProgress {
  readonly inputsDone: number;
  readonly inputsTotal: number;
  /** Articles read and extracted. */
  readonly articles: number;
  /** New articles: texts not stored before. */
  readonly added: number;
  /** New copies of stored texts: the same text from another outlet or URL. */
  readonly copies: number;
  /** Records already stored (same text and same URL, or same outlet without one): nothing added. */
  readonly skipped: number;
  /** Inputs or records that could not be read, extracted or stored. */
  readonly failed: number;
  /** Files skipped unread: stored whole before and unchanged since (their records are counted in `skipped`). */
  readonly unread: number;
  readonly seconds: number;
}

/** An ingest stopped by a fault of the store (full, busy, unreadable): what was stored before it is kept. */
export class IngestStoppedError extends WiregraphError {
  /** The counts up to the last committed batch. */
  readonly progress: IngestProgress;

  constructor(cause: WiregraphError, progress: IngestProgress, rolledBack: number) {
    const kept = progress.added + progress.copies + progress.skipped;
    super(cause.code, `${cause.message} The ingest stopped. The ${kept} records acknowledged before it are stored (${progress.added} new, ${progress.copies} copies, ${progress.skipped} already stored; --log-stored lists them); ${rolledBack > 0 ? `the batch of ${rolledBack} being stored was rolled back` : 'no batch was being stored'}. Run the same ingest again to go on.`);
    this.progress = progress;
  }
}

const STORE_FAULTS: ReadonlySet<string> = new Set(['WG_STORE_BUSY', 'WG_STORE_FULL', 'WG_STORE_UNREADABLE']);

/**
 * Reads every input, runs the pipeline and stores the articles, one transaction per batch. Each new text is
 * put in a story by the store (a copy or version of a stored story, or a new one) in the transaction that
 * stores it. Idempotent: a record already stored is skipped; the same text from another outlet or URL is
 * another copy. A file stored whole before and unchanged since is skipped unread (the store's ledger; see
 * `reread`). A failing input or record is reported and the batch goes on; nothing stored before changes.
 * @returns the final counts
 * @throws IngestStoppedError when the store fails as a whole (`WG_STORE_FULL`, `WG_STORE_BUSY`, `WG_STORE_UNREADABLE`)
 */
export async function ingest(names: readonly string[], anyStore: AnyArticleStore, options: IngestOptions): Promise<IngestProgress> {
  const store = asyncStore(anyStore);
  const inputs: string[] = [];
  for await (const name of expandInputs(names)) inputs.push(name);
  const started = performance.now();
  const plan = await planResume(inputs, store.inputs, options.reread ?? false);
  const tracker = new InputTracker(plan.read);
  let progress: IngestProgress = {
    inputsDone: plan.unchanged.length, inputsTotal: inputs.length, articles: 0, added: 0, copies: 0,
    skipped: plan.unchanged.reduce((n, e) => n + e.records, 0), failed: 0, unread: plan.unchanged.length, seconds: 0,
  };
  const update = (change: Partial<IngestProgress>): void => {
    progress = { ...progress, ...change, seconds: (performance.now() - started) / 1000 };
  };
  let buffer: Array<ArticleRecord & { readonly from: string }> = [];
  let storing = 0;
  const flush = async (): Promise<void> => {
    storing = buffer.length;
    if (buffer.length > 0) await commit(buffer);
    storing = 0;
    buffer = [];
    // Note: the ledger is written after the batch's commit: a kill between the two only costs a re-read.
    const done = tracker.committed();
    if (done.length > 0) store.inputs?.record(done);
    options.onProgress?.(progress);
  };
  const commit = async (batch: typeof buffer): Promise<void> => {
    const { added, copies, skipped, failures } = await store.addBatch(batch, options.story ? { story: options.story } : {});
    update({ added: progress.added + added, copies: progress.copies + copies, skipped: progress.skipped + skipped, failed: progress.failed + failures.length });
    const failed = new Set(failures.map((f) => f.index));
    for (const { index, error } of failures) {
      tracker.storeFailed(batch[index]!.from);
      options.onError?.(error, batch[index]!.source);
    }
    options.onStored?.(batch.filter((_, i) => !failed.has(i)).map((r) => ({ id: r.doc.id, input: r.source })));
  };
  try {
    // Note: nothing to read (all stored whole before) loads no pipeline.
    if (plan.read.length > 0) await extractAll(plan.read.map((p) => p.name), options, tracker, {
      finishedInput: () => update({ inputsDone: progress.inputsDone + 1 }),
      ok: async (record) => {
        buffer.push(record);
        update({ articles: progress.articles + 1 });
        if (buffer.length >= options.batchSize) await flush();
      },
      failed: () => update({ failed: progress.failed + 1 }),
    });
    tracker.finishAll();
    update({ inputsDone: inputs.length });
    await flush();
  } catch (error) {
    if (error instanceof WiregraphError && STORE_FAULTS.has(error.code)) throw new IngestStoppedError(error, progress, storing);
    throw error;
  }
  options.onProgress?.(progress);
  return progress;
}

/** Extracts the inputs in order, telling the tracker and the caller of each record and each input read to the end. */
async function extractAll(
  names: readonly string[],
  options: IngestOptions,
  tracker: InputTracker,
  on: { finishedInput(): void; ok(record: ArticleRecord & { readonly from: string }): Promise<void>; failed(): void },
): Promise<void> {
  let lastInput: string | null = null;
  // Note: stored articles are keyed by their content, never by a JSONL record's id, so the same text under two ids
  // (and no URL or outlet to tell them apart) is stored once.
  for await (const result of extractInputs(names, { ...options, echoInputIds: false })) {
    const inputName = result.source ?? result.input;
    if (inputName !== lastInput) {
      if (lastInput !== null) {
        tracker.finished(lastInput);
        on.finishedInput();
      }
      lastInput = inputName;
    }
    tracker.counted(inputName, result.ok);
    if (result.ok) await on.ok({ doc: result.doc, source: result.input, from: inputName });
    else {
      on.failed();
      options.onError?.(result.error, result.input);
    }
  }
}
