import { asWiregraphError, WiregraphError } from '../errors.js';
import { toWiregraph, type WiregraphDoc } from '../output/wiregraph1.js';
import { defaultPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { readSource } from '../read/read.js';
import { daysInMonth } from '../read/timestamp.js';
import { expandInputs, type LoadOptions } from '../read/source.js';
import { readInput } from '../read/stream.js';
import type { InputKind, ReadItem, Source } from '../read/types.js';
import { extractInParallel } from '../workers/parallel.js';
import type { PipelineSpec } from '../workers/spec.js';

/** Options for extraction. */
export interface ExtractOptions extends LoadOptions {
  readonly kind: InputKind;
  /** The anchor date for inputs that carry none (`YYYY-MM-DD[THH:MM]`). */
  readonly date: string | null;
  readonly tokens?: boolean;
  /** Output a JSONL record's own `id` in place of the content-derived one (the extract contract); the store never does. */
  readonly echoInputIds?: boolean;
  /** The pipeline to run (one with user dictionaries, say); the default one otherwise. */
  readonly pipeline?: Pipeline;
  /**
   * Worker threads to run the stages in ({@link extractInputs} only); 0 or 1 (the default) runs them in
   * this thread. Workers build their pipeline from `spec`, so a `pipeline` given without a `spec` runs here.
   */
  readonly workers?: number;
  /** The pipeline as data (dictionary files, stages), for workers; the default pipeline when omitted. */
  readonly spec?: PipelineSpec;
  /** With workers: the most milliseconds one article may take before its worker is stopped (`WG_ARTICLE_DEADLINE`); 120 s by default. */
  readonly articleDeadlineMs?: number;
}

/**
 * One extraction result: a document, or an error naming its input (and echoing a JSONL id). `input` names
 * the item (`feed.xml#item2`, `records.jsonl:3`); `source`, when set, the file or URL it came from;
 * `line`, a JSONL record's line, whose error is output in its place.
 */
export type Extracted =
  | { readonly ok: true; readonly input: string; readonly source?: string; readonly doc: WiregraphDoc }
  | { readonly ok: false; readonly input: string; readonly source?: string; readonly inputId: string | null; readonly line?: number; readonly error: WiregraphError };

/**
 * Runs the default pipeline over what one read produced.
 * @param items - the reader's items for one input
 */
export function extractItems(items: readonly ReadItem[], options: Pick<ExtractOptions, 'tokens' | 'echoInputIds' | 'pipeline'> = {}): Extracted[] {
  const pipeline = options.pipeline ?? defaultPipeline();
  return items.map((item) => extractItem(item, pipeline, options));
}

/**
 * Runs a pipeline over one read item, or passes its error on. A stage that throws on the article becomes
 * that article's error (`WG_STAGE_FAILED` unless it is coded), so one bad article never stops a batch.
 */
export function extractItem(item: ReadItem, pipeline: Pipeline, options: Pick<ExtractOptions, 'tokens' | 'echoInputIds'> = {}): Extracted {
  const where = { inputId: item.inputId ?? null, ...(item.line === undefined ? {} : { line: item.line }) };
  if (!item.ok) return { ok: false, input: item.input, ...where, error: item.error };
  const id = options.echoInputIds === false ? null : (item.inputId ?? null);
  try {
    const doc = toWiregraph(pipeline.run(item.article), { id, tokens: options.tokens ?? false });
    return { ok: true, input: item.input, doc };
  } catch (e) {
    return { ok: false, input: item.input, ...where, error: asWiregraphError(e, 'WG_STAGE_FAILED', item.input) };
  }
}

/** Reads and extracts one loaded source. */
export function extractSource(source: Source, options: ExtractOptions): Extracted[] {
  return extractItems(readSource(source, options), options);
}

/**
 * Extracts every article from paths (folders walked), URLs or `-`, in order: a JSONL input is read line
 * by line in constant memory (see {@link readInput}). With `workers` over 1 the stages run in worker
 * threads (see {@link extractInParallel}), the output in the same order. A failing input or record yields
 * its coded error in its place; the rest go on.
 */
export async function* extractInputs(names: readonly string[], options: ExtractOptions): AsyncGenerator<Extracted> {
  if ((options.workers ?? 1) > 1 && (options.pipeline === undefined || options.spec !== undefined)) {
    yield* extractInParallel(names, { ...options, workers: options.workers! });
    return;
  }
  const pipeline = options.pipeline ?? defaultPipeline();
  for await (const name of expandInputs(names)) {
    for await (const item of readInput(name, options)) {
      yield { ...extractItem(item, pipeline, options), source: name };
    }
  }
}

const DATE_OPTION = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/u;

/**
 * Validates a `--date` value.
 * @throws WiregraphError `WG_BAD_DATE` for anything but a real `YYYY-MM-DD[THH:MM]`
 */
export function parseDateOption(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const [, y, mo, d, h = '00', mi = '00'] = DATE_OPTION.exec(value) ?? [];
  const month = Number(mo);
  const valid = y !== undefined && month >= 1 && month <= 12 && Number(d) >= 1 && Number(d) <= daysInMonth(Number(y), month) && Number(h) <= 23 && Number(mi) <= 59;
  if (!valid) throw new WiregraphError('WG_BAD_DATE', `--date ${JSON.stringify(value)} is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM.`);
  return value;
}
