import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { ROOT, runCli } from '../test-support/cli.js';

const TOTAL = 250;
const KILLS_PER_CHAIN = 10;
const CHAINS = 2;

/** Writes TOTAL small, distinct wire stories into a folder. */
function generate(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < TOTAL; i++) {
    const text = `Story ${i} headline\n\nGENEVA (AFP) - Delegates from ${i % 50} countries met for round ${i} of talks on Monday. "We made progress," one said.\n\nThe next round is due in ${(i % 12) + 1} weeks.\n`;
    writeFileSync(join(dir, `story-${String(i).padStart(5, '0')}.txt`), text);
  }
}

/**
 * Starts an ingest and SIGKILLs it at a random point: a third of the time at a random moment after it starts
 * (opening, migrating, loading), otherwise a random 0 to 30 ms after its 1st to 4th committed batch.
 * @returns true when it was killed, false when it finished first
 */
function ingestAndKill(db: string, dir: string, log: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const args = [join(ROOT, 'bin/wiregraph.js'), 'ingest', '--db', db, '--batch-size', '5', '--log-stored', log, dir];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, WIREGRAPH_WORKERS: '1' } });
    const kill = (): boolean => child.kill('SIGKILL');
    let batches = Math.random() < 1 / 3 ? Infinity : 1 + Math.floor(Math.random() * 4);
    if (batches === Infinity) setTimeout(kill, Math.random() * 1500);
    child.stderr.on('data', (d: Buffer) => {
      batches -= (String(d).match(/ingest: \d+ articles/gu) ?? []).length;
      if (batches <= 0) setTimeout(kill, Math.random() * 30);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => (signal === 'SIGKILL' ? resolve(true) : code === 0 ? resolve(false) : reject(new Error(`ingest failed (${code})`))));
  });
}

/** The article ids the ingest acknowledged in its log (whole lines only). */
function acknowledged(log: string): string[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8').split('\n').slice(0, -1).map((line) => line.split('\t')[0]!);
}

/** Checks the database after a kill: intact (tables and full-text indexes), and holding every acknowledged article. */
function check(db: string, log: string): number {
  const after = new Database(db);
  expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
  after.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run();
  after.prepare("INSERT INTO entities_fts (entities_fts) VALUES ('integrity-check')").run();
  const has = after.prepare('SELECT 1 FROM articles WHERE id = ?');
  const acked = acknowledged(log);
  expect(acked.filter((id) => has.get(id) === undefined)).toEqual([]);
  const incomplete = after.prepare("SELECT count(*) AS n FROM articles WHERE text IS NULL OR text = '' OR doc IS NULL OR json_valid(doc) = 0 OR json_array_length(doc, '$.sentences') = 0").get() as { n: number };
  expect(incomplete.n).toBe(0);
  after.close();
  return acked.length;
}

/** Kills ingests of one folder into one database until KILLS_PER_CHAIN kills, checking after each; returns the kills and the ids acknowledged. */
async function chain(tmp: string): Promise<{ kills: number; acked: number; db: string; dir: string }> {
  const dir = join(tmp, 'stories');
  const db = join(tmp, 'crash.db');
  const log = join(tmp, 'stored.log');
  generate(dir);
  let kills = 0;
  while (kills < KILLS_PER_CHAIN) {
    if (await ingestAndKill(db, dir, log)) kills++;
    else throw new Error(`the ingest finished before kill ${kills + 1}: make the corpus larger`);
    if (existsSync(db)) check(db, log);
  }
  return { kills, acked: check(db, log), db, dir };
}

it(`survives ${CHAINS * KILLS_PER_CHAIN} SIGKILLs at random points: nothing acknowledged is lost, the database stays intact, and a re-run completes without duplicates`, async () => {
  const chains = await Promise.all(Array.from({ length: CHAINS }, () => chain(mkdtempSync(join(tmpdir(), 'wg-crash-')))));
  expect(chains.reduce((n, c) => n + c.kills, 0)).toBeGreaterThanOrEqual(20);
  expect(chains.some((c) => c.acked > 0)).toBe(true);
  for (const { db, dir, acked } of chains) {
    const rerun = await runCli(['ingest', '--db', db, dir]);
    expect(rerun.code).toBe(0);
    // Note: the files stored whole before are skipped unread (the input ledger).
    if (acked > 5) expect(rerun.stdout).toMatch(/, [1-9]\d* unchanged files stored before not read again/u);
    const final = new Database(db, { readonly: true });
    expect(final.prepare('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM articles').get()).toEqual({ n: TOTAL, ids: TOTAL });
    expect(final.prepare('SELECT count(*) AS n, count(DISTINCT source) AS sources FROM copies').get()).toEqual({ n: TOTAL, sources: TOTAL });
    expect(final.pragma('integrity_check', { simple: true })).toBe('ok');
    final.close();
  }
}, 120_000);
