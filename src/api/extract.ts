import { WiregraphError } from '../errors.js';
import { toWiregraph, type WiregraphDoc } from '../output/wiregraph1.js';
import { defaultPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { readSource } from '../read/read.js';
import { daysInMonth } from '../read/timestamp.js';
import { expandInputs, type LoadOptions } from '../read/source.js';
import { readInput } from '../read/stream.js';
import type { InputKind, ReadItem, Source } from '../read/types.js';

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

/** Runs a pipeline over one read item, or passes its error on. */
export function extractItem(item: ReadItem, pipeline: Pipeline, options: Pick<ExtractOptions, 'tokens' | 'echoInputIds'> = {}): Extracted {
  if (!item.ok) return { ok: false, input: item.input, inputId: item.inputId ?? null, ...(item.line === undefined ? {} : { line: item.line }), error: item.error };
  const id = options.echoInputIds === false ? null : (item.inputId ?? null);
  const doc = toWiregraph(pipeline.run(item.article), { id, tokens: options.tokens ?? false });
  return { ok: true, input: item.input, doc };
}

/** Reads and extracts one loaded source. */
export function extractSource(source: Source, options: ExtractOptions): Extracted[] {
  return extractItems(readSource(source, options), options);
}

/**
 * Extracts every article from paths (folders walked), URLs or `-`, in order, one article at a time: a
 * JSONL input is read line by line in constant memory (see {@link readInput}). A failing input or record
 * yields its coded error in its place; the rest go on.
 */
export async function* extractInputs(names: readonly string[], options: ExtractOptions): AsyncGenerator<Extracted> {
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
