import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Extracted, ExtractOptions } from '../api/extract.js';
import { WiregraphError } from '../errors.js';
import { expandInputs } from '../read/source.js';
import { readInput } from '../read/stream.js';
import type { ReadItem } from '../read/types.js';
import { articleJob, crashedResult, deadlineResult, received, type ExtractJob, type ExtractWorkerData, type SentResult } from './jobs.js';
import { mapInOrder } from './ordered.js';
import { WorkerPool } from './pool.js';
import { DEFAULT_SPEC } from './spec.js';

/** Articles sent to one worker before it answers: enough that it never waits for the main thread, few enough to keep memory flat. */
export const ARTICLES_PER_WORKER = 4;

// Note: an article takes a second or two; one that takes two minutes is stuck (a hang in a stage), not slow.
/** The most milliseconds a worker may spend on one article before it is stopped and the article reported. */
export const ARTICLE_DEADLINE_MS = 120_000;

/**
 * The compiled worker script `name` (`extract-worker`) beside this module. Under vitest, which runs the
 * `.ts` sources, the copy in `dist/` is used: a worker thread cannot load TypeScript (build first).
 * @throws WiregraphError `WG_WORKER_FAILED` when the script is missing
 */
export function workerScript(name = 'extract-worker'): URL {
  const here = import.meta.url;
  const script = here.endsWith('.ts') ? new URL(`../../dist/src/workers/${name}.js`, here) : new URL(`./${name}.js`, here);
  if (!existsSync(fileURLToPath(script))) throw new WiregraphError('WG_WORKER_FAILED', `The worker script ${fileURLToPath(script)} is missing; run npm run build.`);
  return script;
}

/** A pool of extraction workers for a spec. */
export function extractPool(options: { size: number; perWorker: number; maxWaiting?: number; deadlineMs?: number; data: ExtractWorkerData; script?: URL }): WorkerPool<ExtractJob, SentResult[]> {
  return new WorkerPool<ExtractJob, SentResult[]>({
    script: options.script ?? workerScript(),
    workerData: options.data,
    size: options.size,
    perWorker: options.perWorker,
    ...(options.maxWaiting === undefined ? {} : { maxWaiting: options.maxWaiting }),
    onCrash: crashedResult,
    ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs, onDeadline: deadlineResult }),
  });
}

/**
 * {@link extractInputs} with the stages run in `options.workers` worker threads: the main thread reads,
 * the workers extract, and the results come out in input order. At most {@link ARTICLES_PER_WORKER}
 * articles per worker are in flight, and as many again wait read, so a long JSONL stream is read no
 * faster than it is extracted. A worker that crashes on an article yields that article's
 * `WG_WORKER_FAILED` error and is replaced; one that spends longer than `articleDeadlineMs` (default
 * {@link ARTICLE_DEADLINE_MS}) on one is stopped, that article yields `WG_ARTICLE_DEADLINE`, and the batch goes on.
 */
export async function* extractInParallel(names: readonly string[], options: ExtractOptions & { readonly workers: number; readonly script?: URL }): AsyncGenerator<Extracted> {
  const pool = extractPool({ size: options.workers, perWorker: ARTICLES_PER_WORKER, deadlineMs: options.articleDeadlineMs ?? ARTICLE_DEADLINE_MS, data: { spec: options.spec ?? DEFAULT_SPEC }, ...(options.script ? { script: options.script } : {}) });
  const extract = async ({ item, source }: { item: ReadItem; source: string }): Promise<Extracted> => {
    if (!item.ok) return { ok: false, input: item.input, source, inputId: item.inputId ?? null, ...(item.line === undefined ? {} : { line: item.line }), error: item.error };
    const [result] = await pool.run(articleJob(item, options));
    return { ...received(result!), source };
  };
  try {
    yield* mapInOrder(readAll(names, options), extract, options.workers * ARTICLES_PER_WORKER * 2);
  } finally {
    await pool.close();
  }
}

async function* readAll(names: readonly string[], options: ExtractOptions): AsyncGenerator<{ item: ReadItem; source: string }> {
  for await (const source of expandInputs(names)) {
    for await (const item of readInput(source, options)) yield { item, source };
  }
}
