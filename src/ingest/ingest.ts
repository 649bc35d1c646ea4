import { extractInputs, type ExtractOptions } from '../api/extract.js';
import type { WiregraphError } from '../errors.js';
import { expandInputs } from '../read/source.js';
import type { StoryOptions } from '../stories/index.js';
import { asyncStore, type AnyArticleStore } from '../store/async.js';
import type { ArticleRecord } from '../store/store.js';

/** Options for {@link ingest}. */
export interface IngestOptions extends ExtractOptions {
  /** Articles per transaction. */
  readonly batchSize: number;
  /** Called after each committed batch and once at the end. */
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Called for each input or record that fails. */
  readonly onError?: (error: WiregraphError, input: string) => void;
  /** Thresholds of story assignment (copy and version containment); the defaults otherwise. */
  readonly story?: Partial<StoryOptions>;
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
  readonly seconds: number;
}

/**
 * Reads every input, runs the pipeline and stores the articles, one transaction per batch. Each new text is
 * put in a story by the store (a copy or version of a stored story, or a new one) in the transaction that
 * stores it. Idempotent: a record already stored is skipped; the same text from another outlet or URL is
 * another copy. A failing input or record is reported and the batch goes on; nothing stored before changes.
 * @returns the final counts
 */
export async function ingest(names: readonly string[], anyStore: AnyArticleStore, options: IngestOptions): Promise<IngestProgress> {
  const store = asyncStore(anyStore);
  const inputs: string[] = [];
  for await (const name of expandInputs(names)) inputs.push(name);
  const started = performance.now();
  let buffer: ArticleRecord[] = [];
  let progress: IngestProgress = { inputsDone: 0, inputsTotal: inputs.length, articles: 0, added: 0, copies: 0, skipped: 0, failed: 0, seconds: 0 };
  const update = (change: Partial<IngestProgress>): void => {
    progress = { ...progress, ...change, seconds: (performance.now() - started) / 1000 };
  };
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const { added, copies, skipped, failures } = await store.addBatch(buffer, options.story ? { story: options.story } : {});
    update({ added: progress.added + added, copies: progress.copies + copies, skipped: progress.skipped + skipped, failed: progress.failed + failures.length });
    for (const { index, error } of failures) options.onError?.(error, buffer[index]!.source);
    buffer = [];
    options.onProgress?.(progress);
  };
  let lastInput: string | null = null;
  // Note: stored articles are keyed by their content, never by a JSONL record's id, so the same text under two ids
  // (and no URL or outlet to tell them apart) is stored once.
  for await (const result of extractInputs(inputs, { ...options, echoInputIds: false })) {
    const inputName = result.source ?? result.input;
    if (inputName !== lastInput) {
      if (lastInput !== null) update({ inputsDone: progress.inputsDone + 1 });
      lastInput = inputName;
    }
    if (result.ok) {
      buffer.push({ doc: result.doc, source: result.input });
      update({ articles: progress.articles + 1 });
      if (buffer.length >= options.batchSize) await flush();
    } else {
      update({ failed: progress.failed + 1 });
      options.onError?.(result.error, result.input);
    }
  }
  update({ inputsDone: inputs.length });
  await flush();
  options.onProgress?.(progress);
  return progress;
}
