import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/wiregraph.js', import.meta.url));

/** What a CLI run printed and how it ended. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI (`bin/wiregraph.js`, which needs `npm run build`) in a child process.
 * @param args - the arguments after `wiregraph`
 * @param stdin - text to pipe in, if any
 * @param env - variables to set besides the test's own
 */
export function runCli(args: readonly string[], stdin?: string, cwd: string = ROOT, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // Note: one worker unless a test says otherwise (--workers, or WIREGRAPH_WORKERS in its environment): a
    // second worker's model load costs more than it saves on a test's few articles.
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { WIREGRAPH_WORKERS: '1', ...process.env, WIREGRAPH_DB: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
