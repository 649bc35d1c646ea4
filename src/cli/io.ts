import type { WiregraphError } from '../errors.js';
import { forTerminal } from './terminal.js';

/**
 * Writes a line to standard output, waiting when the pipe is full so that large outputs keep memory flat.
 */
export async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) {
    await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/** Reports a coded error on standard error: `wiregraph: WG_CODE input: message`. */
export function reportError(error: WiregraphError, input?: string): void {
  const where = input && !error.message.includes(input) ? `${input}: ` : '';
  process.stderr.write(`wiregraph: ${error.code} ${forTerminal(`${where}${error.message}`)}\n`);
}

/** The database path: `--db`, else `WIREGRAPH_DB`, else `./wiregraph.db`. */
export function dbPath(option: string | undefined): string {
  return option ?? process.env['WIREGRAPH_DB'] ?? 'wiregraph.db';
}

/** Exit statuses. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;
