import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { ROOT, runCli } from '../test-support/cli.js';

const TOTAL = 4000;

/** Writes TOTAL small, distinct wire stories into a folder. */
function generate(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < TOTAL; i++) {
    const text = `Story ${i} headline\n\nGENEVA (AFP) - Delegates from ${i % 50} countries met for round ${i} of talks on Monday. "We made progress," one said.\n\nThe next round is due in ${(i % 12) + 1} weeks.\n`;
    writeFileSync(join(dir, `story-${String(i).padStart(5, '0')}.txt`), text);
  }
}

/** Starts an ingest and SIGKILLs it as soon as it reports its first committed batch. */
function ingestAndKill(db: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/wiregraph.js'), 'ingest', '--db', db, '--batch-size', '25', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => {
      if (/ingest: \d+ articles/u.test(String(d))) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`ingest ended before it was killed (${signal})`))));
  });
}

it('survives SIGKILL mid-ingest: the database is intact, every stored article is whole, and a rerun stores each article once', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'wg-crash-'));
  const dir = join(tmp, 'stories');
  const db = join(tmp, 'crash.db');
  generate(dir);

  await ingestAndKill(db, dir);

  const after = new Database(db);
  expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
  const stored = (after.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(TOTAL);
  expect(stored % 25).toBe(0);
  const incomplete = after.prepare("SELECT count(*) AS n FROM articles WHERE text IS NULL OR text = '' OR doc IS NULL OR json_valid(doc) = 0 OR json_array_length(doc, '$.sentences') = 0").get() as { n: number };
  expect(incomplete.n).toBe(0);
  after.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run();
  after.close();

  const rerun = await runCli(['ingest', '--db', db, dir]);
  expect(rerun.code).toBe(0);
  expect(rerun.stdout).toContain(`${TOTAL - stored} new, ${stored} already stored, 0 failed`);

  const final = new Database(db, { readonly: true });
  expect(final.prepare('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM articles').get()).toEqual({ n: TOTAL, ids: TOTAL });
  expect(final.pragma('integrity_check', { simple: true })).toBe('ok');
  final.close();
}, 120_000);
