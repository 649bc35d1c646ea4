import { Option } from 'commander';
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
