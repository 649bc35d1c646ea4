import { Option } from 'commander';
import { DEFAULT_STAGES, selectStages, STAGE_NAMES, stagesWithEvents } from '../pipeline/default.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { loadActorDictionary, loadVerbDictionary } from '../stages/events/dictionaries/load.js';
import { DEFAULT_MAX_BYTES } from '../read/source.js';
import { INPUT_KINDS } from '../read/types.js';

/** Options shared by the commands that read inputs, declared once as data. */
export const readOptions = (): Option[] => [
  new Option('--input <kind>', 'input kind').choices(INPUT_KINDS).default('auto'),
  new Option('--date <date>', 'article date (YYYY-MM-DD[THH:MM]) for inputs that carry none'),
  new Option('--max-bytes <n>', 'refuse inputs larger than this; in a JSONL stream or a feed, the cap on one record or item').argParser(positiveInt).default(DEFAULT_MAX_BYTES),
];

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

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The pipeline for `--actors`/`--verbs` and `--stages`, or undefined for the default one. */
export function pipelineFor(opts: { actors?: string[]; verbs?: string[]; stages?: string[] }): Pipeline | undefined {
  const dictionaries = Boolean(opts.actors?.length || opts.verbs?.length);
  if (!dictionaries && opts.stages === undefined) return undefined;
  const stages = dictionaries ? stagesWithEvents({ actors: (opts.actors ?? []).map(loadActorDictionary), verbs: (opts.verbs ?? []).map(loadVerbDictionary) }) : DEFAULT_STAGES;
  return createPipeline(opts.stages === undefined ? stages : selectStages(opts.stages, stages));
}
