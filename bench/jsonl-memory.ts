/**
 * Memory of `wiregraph extract` on a JSONL stream: a generated 1 GB file read in a child process with
 * `--stages none` (every record read, checked and output as wiregraph/1; the goal is under 300 MB
 * resident), and slices of 2 MB and 10 MB through every stage, whose peaks side by side show whether
 * memory stays flat with all of them.
 * Records are made from the BBC corpus texts (headline, text, outlet, date), ids numbered.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchDoc } from './corpus.js';

const BIN = fileURLToPath(new URL('../../bin/wiregraph.js', import.meta.url));
const GB = 1e9;
// Note: slices, not 20 MB: all stages run at about 200 articles/s on two cores, and the bench is kept near 3 minutes.
const SLICES = [2e6, 10e6] as const;

/** What one child `wiregraph extract` run cost. */
interface ChildRun {
  readonly seconds: number;
  /** Peak resident memory (VmHWM), MiB; null where /proc is not there to read it. */
  readonly peakMiB: number | null;
  readonly lines: number;
  readonly code: number | null;
}

/**
 * Generates the files in a temporary folder, runs the two child processes, deletes the folder.
 * @returns the lines to print
 */
export async function benchJsonlMemory(docs: readonly BenchDoc[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wg-jsonl-'));
  try {
    const big = join(dir, 'news.jsonl');
    const bigRecords = writeJsonl(big, docs, GB);
    const read = await runExtract(['--stages', 'none', big]);
    const slices: string[] = [];
    for (const bytes of SLICES) {
      const path = join(dir, `slice-${bytes}.jsonl`);
      const records = writeJsonl(path, docs, bytes);
      slices.push(row(`${bytes / 1e6} MB, ${records} records, all stages`, await runExtract([path]), records));
    }
    return [
      '',
      'JSONL stream through `wiregraph extract` (a child process; peak resident memory read from /proc while it runs):',
      row(`1 GB, ${bigRecords} records, --stages none`, read, bigRecords),
      ...slices,
      `goal: under 300 MiB resident for the 1 GB file: ${read.peakMiB === null ? 'not measured' : read.peakMiB < 300 ? 'met' : 'NOT met'}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function row(name: string, run: ChildRun, records: number): string {
  const complete = run.code !== null && run.lines === records ? '' : ` (exit ${run.code}, ${run.lines} lines out)`;
  const peak = run.peakMiB === null ? 'n/a' : `${run.peakMiB.toFixed(0)} MiB`;
  return `${name.padEnd(44)} peak RSS ${peak.padStart(8)}  ${run.seconds.toFixed(1).padStart(6)} s  ${(records / run.seconds).toFixed(0).padStart(6)} records/s${complete}`;
}

/** Writes records until the file holds `bytes`; returns how many. */
function writeJsonl(path: string, docs: readonly BenchDoc[], bytes: number): number {
  const texts = docs.map((d) => {
    const [headline = '', ...rest] = d.bytes.toString('utf8').split('\n');
    return { headline: headline.trim(), text: rest.join('\n').trim() };
  });
  const fd = openSync(path, 'w');
  let written = 0;
  let records = 0;
  try {
    while (written < bytes) {
      const batch: string[] = [];
      for (let i = 0; i < 500; i++, records++) {
        const { headline, text } = texts[records % texts.length]!;
        batch.push(JSON.stringify({ id: `bbc-${records}`, headline, text, outlet: 'BBC News', published: '2005-03-01' }));
      }
      written += writeSync(fd, `${batch.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return records;
}

/** Runs `wiregraph extract ARGS`, counting its output lines and polling its peak resident memory. */
function runExtract(args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'extract', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let lines = 0;
    let peakKiB: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
    });
    const poll = setInterval(() => {
      const kib = vmHwmKiB(child.pid);
      if (kib !== null) peakKiB = Math.max(peakKiB ?? 0, kib);
    }, 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ seconds: (performance.now() - started) / 1000, peakMiB: peakKiB === null ? null : peakKiB / 1024, lines, code });
    });
  });
}

function vmHwmKiB(pid: number | undefined): number | null {
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
