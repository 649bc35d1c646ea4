import { Option } from 'commander';
import { stagesWithEvents } from '../pipeline/default.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { loadActorDictionary, loadVerbDictionary } from '../stages/events/dictionaries/load.js';
import { DEFAULT_MAX_BYTES } from '../read/source.js';
import { INPUT_KINDS } from '../read/types.js';

/** Options shared by the commands that read inputs, declared once as data. */
export const readOptions = (): Option[] => [
  new Option('--input <kind>', 'input kind').choices(INPUT_KINDS).default('auto'),
  new Option('--date <date>', 'article date (YYYY-MM-DD[THH:MM]) for inputs that carry none'),
  new Option('--max-bytes <n>', 'refuse inputs larger than this').argParser(positiveInt).default(DEFAULT_MAX_BYTES),
];

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

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The pipeline for `--actors`/`--verbs`, or undefined for the default one. */
export function pipelineFor(opts: { actors?: string[]; verbs?: string[] }): Pipeline | undefined {
  if (!opts.actors?.length && !opts.verbs?.length) return undefined;
  return createPipeline(stagesWithEvents({ actors: (opts.actors ?? []).map(loadActorDictionary), verbs: (opts.verbs ?? []).map(loadVerbDictionary) }));
}
