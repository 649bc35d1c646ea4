import { Command, CommanderError } from 'commander';
import { WiregraphError } from '../errors.js';
import { storeFault } from '../store/sqlite/faults.js';
import { COMMANDS } from './commands/index.js';
import { EXIT, reportError } from './io.js';

/**
 * Runs the command line.
 * @param argv - `process.argv`
 * @returns the exit status: 0 when all went well, 1 when some input failed, 2 for a usage error
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('wiregraph')
    .description('Turn news into a sourced knowledge graph: who said what, who did what to whom, when, where, and according to whom.')
    .exitOverride();
  let status: number = EXIT.ok;
  for (const define of COMMANDS) {
    define(program, (code) => {
      status = code;
    });
  }
  try {
    await program.parseAsync([...argv]);
  } catch (caught) {
    if (caught instanceof CommanderError) return caught.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // Note: a database fault outside a store call (a driver error) is told as its code, never as a stack trace.
    const e = storeFault(caught) ?? caught;
    if (e instanceof WiregraphError) {
      reportError(e);
      return e.code === 'WG_BAD_DATE' || e.code === 'WG_BAD_OPTION' || e.code === 'WG_PORT_IN_USE' || e.code === 'WG_API_KEY_REQUIRED' ? EXIT.usage : EXIT.someFailed;
    }
    throw e;
  }
  return status;
}
