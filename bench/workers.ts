/**
 * Every core at work: `wiregraph extract` and `wiregraph ingest` on the BBC corpus with `--workers 1` (the
 * stages in the main thread) and with one worker per core, each run a fresh CLI process (model loading
 * counted, as a user sees it), the two alternated so that load from other processes falls on both alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/wiregraph.js', import.meta.url));

/** Alternated runs of each configuration (the median is printed). */
const ROUNDS = Number(process.env['BENCH_WORKER_ROUNDS'] ?? 3);

/** Runs the CLI and returns its wall-clock seconds. */
function runSeconds(args: readonly string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`wiregraph ${args.join(' ')} failed (${run.status}): ${String(run.stderr).slice(-500)}`);
  return (performance.now() - started) / 1000;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Times extract (to /dev/null) and ingest (into a new database) with 1 worker and with every core, and
 * formats the table: articles/s and tokens/s overall and per core, and the speed-up.
 * @param folders - the corpus's folders
 * @param articles - the articles they hold
 * @param tokens - the tokens in them
 */
export function benchWorkers(folders: readonly string[], articles: number, tokens: number): string[] {
  const cores = availableParallelism();
  const configs = [...new Set([1, cores])];
  const dir = mkdtempSync(join(tmpdir(), 'wg-bench-workers-'));
  const seconds = { extract: new Map<number, number[]>(), ingest: new Map<number, number[]>() };
  for (let round = 0; round < ROUNDS; round++) {
    for (const workers of configs) {
      const db = join(dir, `w${workers}-${round}.db`);
      const times = { extract: runSeconds(['extract', '--workers', String(workers), ...folders]), ingest: runSeconds(['ingest', '--workers', String(workers), '--db', db, ...folders]) };
      for (const kind of ['extract', 'ingest'] as const) seconds[kind].set(workers, [...(seconds[kind].get(workers) ?? []), times[kind]]);
      rmSync(db, { force: true });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const lines = [
    '',
    `every core: the CLI on ${articles} BBC articles with --workers 1 and --workers ${cores} (${cores} cores), each a fresh process (model loading counted), alternated, median of ${ROUNDS}`,
    ['command'.padEnd(30), 'workers'.padStart(7), 'seconds'.padStart(8), 'articles/s'.padStart(11), 'per core'.padStart(9), 'tokens/s'.padStart(10), 'per core'.padStart(9)].join(' '),
  ];
  for (const kind of ['extract', 'ingest'] as const) {
    for (const workers of configs) {
      const s = median(seconds[kind].get(workers)!);
      const label = kind === 'extract' ? 'extract (wiregraph/1 JSONL)' : 'ingest (SQLite + FTS5)';
      lines.push([label.padEnd(30), String(workers).padStart(7), s.toFixed(1).padStart(8), (articles / s).toFixed(0).padStart(11), (articles / s / workers).toFixed(0).padStart(9), (tokens / s).toFixed(0).padStart(10), (tokens / s / workers).toFixed(0).padStart(9)].join(' '));
    }
    const speedUp = median(seconds[kind].get(1)!) / median(seconds[kind].get(cores)!);
    lines.push(`speed-up  ${kind} --workers ${cores} / --workers 1: ${speedUp.toFixed(2)} times as fast${kind === 'ingest' ? ' (goal: 1.6 on two cores)' : ''}`);
  }
  return lines;
}
