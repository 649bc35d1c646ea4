import type { Command } from 'commander';
import { Option } from 'commander';
import { WiregraphError } from '../errors.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { STAGE_NAMES } from '../pipeline/default.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { checkSpec, isDefaultSpec, pipelineFromSpec, type PipelineSpec } from '../workers/spec.js';
import { DEFAULT_MAX_REDIRECTS, type FetchOptions } from '../read/fetch.js';
import { DEFAULT_MAX_BYTES, isUrl } from '../read/source.js';
import { INPUT_KINDS } from '../read/types.js';

/** Options shared by the commands that read inputs, declared once as data. */
export const readOptions = (): Option[] => [
  new Option('--input <kind>', 'input kind').choices(INPUT_KINDS).default('auto'),
  new Option('--date <date>', 'article date (YYYY-MM-DD[THH:MM]) for inputs that carry none'),
  new Option('--max-bytes <n>', 'refuse inputs larger than this; in a JSONL stream or a feed, the cap on one record or item').argParser(positiveInt).default(DEFAULT_MAX_BYTES),
];

/** What the fetch options give, as the commands' parsed options hold it. */
export interface FetchFlags {
  readonly timeout: number;
  readonly maxRedirects: number;
  readonly maxFetchBytes?: number;
  readonly allowPrivateAddresses?: boolean;
}

/** Options for fetching URLs (`--timeout`, `--max-redirects`, `--max-fetch-bytes`, `--allow-private-addresses`), shared by the commands that read inputs. */
export const fetchOptions = (): Option[] => [
  new Option('--timeout <seconds>', 'seconds to wait for a URL to answer, and for each next piece of its body').argParser(positiveNumber).default(20),
  new Option('--max-redirects <n>', 'redirects a URL may take').argParser(nonNegativeInt).default(DEFAULT_MAX_REDIRECTS),
  new Option('--max-fetch-bytes <n>', 'hard cap on the bytes fetched from one URL, compressed or not (default: 256 MiB, or --max-bytes when larger)').argParser(positiveInt),
  new Option('--allow-private-addresses', 'fetch URLs that lead to private, loopback, link-local or reserved addresses (refused by default)'),
];

/** The load options the fetch flags stand for. */
export function fetchSettings(flags: FetchFlags): FetchOptions {
  return {
    timeoutMs: Math.round(flags.timeout * 1000),
    maxRedirects: flags.maxRedirects,
    ...(flags.maxFetchBytes === undefined ? {} : { maxFetchBytes: flags.maxFetchBytes }),
    allowPrivateAddresses: flags.allowPrivateAddresses ?? false,
  };
}

/** Parses a positive number option value (fractions allowed). */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number, got ${JSON.stringify(value)}`);
  return n;
}

/** `--stages`: run only these stages (and those they need), comma-separated. */
export const stagesOption = (): Option =>
  new Option('--stages <list>', `run only these stages and the ones they need, comma-separated (${STAGE_NAMES.join(', ')}), or none to only read; the layers of the others are output empty`)
    .argParser((value: string) => value.split(',').map((name) => name.trim()).filter((name) => name !== ''));

/** The `--db` option. */
export const dbOption = (): Option => new Option('--db <path>', 'SQLite database (default: $WIREGRAPH_DB or ./wiregraph.db)');

/** Parses a positive integer option value. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

/** `--actors` and `--verbs`: the user's event dictionaries, each option repeatable. */
export const dictionaryOptions = (): Option[] => [
  new Option('--actors <file>', 'actor/agent dictionary for the event coder: PETRARCH format, .csv (name,code[,from,to]) or .json; repeatable').argParser(collect).default([]),
  new Option('--verbs <file>', 'extra verb dictionary (PETRARCH CAMEO format) for the event coder; repeatable').argParser(collect).default([]),
];

/** `--min-confidence`: events coded with less confidence are left out. */
export const minConfidenceOption = (): Option =>
  new Option('--min-confidence <x>', 'leave out events the coder is less sure of than this (0 to 1; default: keep all)').argParser(confidence);

/**
 * Parses a confidence option value: a number from 0 to 1.
 * @throws WiregraphError `WG_BAD_OPTION` (a usage error) for anything else
 */
export function confidence(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new WiregraphError('WG_BAD_OPTION', `--min-confidence takes a number from 0 to 1, not ${JSON.stringify(value)}.`);
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The default of `--workers`: `$WIREGRAPH_WORKERS` when set, else one per core. */
export function defaultWorkers(env: NodeJS.ProcessEnv = process.env): number {
  const set = env['WIREGRAPH_WORKERS'];
  return set !== undefined && /^\d+$/u.test(set.trim()) ? Number(set) : availableParallelism();
}

/** A single input file at most this large runs in the main thread unless `--workers` is given. */
export const SMALL_INPUT_BYTES = 1024 * 1024;

/**
 * The workers a run uses: as asked, except that a single small file (an article, a short JSONL) runs in the
 * main thread when neither `--workers` nor `$WIREGRAPH_WORKERS` says otherwise, since a worker's model load
 * costs more than it saves there (a one-article extract: 2.1 s with a worker, 1.5 s without).
 * @param command - the command, to tell a `--workers` given from its default
 */
export function workersFor(command: Command, requested: number, inputs: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const chosen = command.getOptionValueSource('workers') !== 'default' || env['WIREGRAPH_WORKERS'] !== undefined;
  const only = inputs.length === 1 ? inputs[0]! : null;
  if (chosen || requested <= 1 || only === null || only === '-' || isUrl(only)) return requested;
  const info = statSync(only, { throwIfNoEntry: false });
  return info?.isFile() && info.size <= SMALL_INPUT_BYTES ? 1 : requested;
}

/** `--workers`: worker threads for the stages; the default is one per core, and 0 or 1 runs them in the main thread. */
export const workersOption = (): Option =>
  new Option('--workers <n>', 'worker threads that run the stages (0 or 1: in the main thread); input order is kept').argParser(nonNegativeInt).default(defaultWorkers(), '$WIREGRAPH_WORKERS, else the number of cores');

/** Parses a non-negative integer option value. */
export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number, got ${JSON.stringify(value)}`);
  return n;
}

/**
 * The pipeline for `--actors`/`--verbs`, `--stages` and `--min-confidence` as the extraction options take it. With workers,
 * only its spec (the workers build it; here the dictionaries and stage names are checked, no model is
 * loaded); in the main thread, the pipeline itself, or none for the default one.
 * @throws WiregraphError `WG_BAD_DICTIONARY` or `WG_BAD_OPTION`, before any work starts
 */
export function pipelineOptions(opts: { actors?: string[]; verbs?: string[]; stages?: string[]; workers?: number; minConfidence?: number }): { workers: number; spec: PipelineSpec; pipeline?: Pipeline } {
  const spec: PipelineSpec = {
    actors: opts.actors ?? [],
    verbs: opts.verbs ?? [],
    ...(opts.stages === undefined ? {} : { stages: opts.stages }),
    ...(opts.minConfidence === undefined ? {} : { minConfidence: opts.minConfidence }),
  };
  const workers = opts.workers ?? 1;
  if (workers > 1) {
    checkSpec(spec);
    return { workers, spec };
  }
  return { workers, spec, ...(isDefaultSpec(spec) ? {} : { pipeline: pipelineFromSpec(spec) }) };
}
