import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../../test-support/cli.js';
import { SCHEMA_VERSION } from './migrations.js';

const STORE = pathToFileURL(join(ROOT, 'dist/src/store/sqlite/store.js')).href;

/**
 * Opens and closes the store in a child process (the built one: `npm run build`) at the time `at` (ms since the
 * epoch), so that children started one after another open it at once; resolves to its exit code and stderr.
 */
function openInChild(db: string, at: number): Promise<{ code: number | null; stderr: string }> {
  const script = `const { openSqliteStore } = await import(${JSON.stringify(STORE)}); await new Promise((r) => setTimeout(r, ${at} - Date.now())); openSqliteStore(${JSON.stringify(db)}).close();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Writes `n` small, distinct wire stories into a new folder. */
function stories(n: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'wg-pair-')), 'in');
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    writeFileSync(join(dir, `s${String(i).padStart(3, '0')}.txt`), `Round ${i} of talks\n\nGENEVA (AFP) - Delegates of ${i} states met on Monday for round ${i}. "We made progress," one said.\n`);
  }
  return dir;
}

describe('one database, many processes', () => {
  it('30 processes opening a new database at once all succeed, and it is migrated once', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'wg-open-')), 'fresh.db');
    const at = Date.now() + 8_000;
    const results = await Promise.all(Array.from({ length: 30 }, () => openInChild(db, at)));
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT count(*) AS n, max(version) AS v FROM schema_migrations').get()).toEqual({ n: SCHEMA_VERSION, v: SCHEMA_VERSION });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  }, 120_000);

  it('two ingests of the same folder into one database at once both finish, five times over, with no article stored twice', async () => {
    const dir = stories(30);
    for (let pair = 0; pair < 5; pair++) {
      const db = join(mkdtempSync(join(tmpdir(), 'wg-pair-db-')), 'pair.db');
      const runs = await Promise.all([0, 1].map(() => runCli(['ingest', '--db', db, '--batch-size', '4', dir])));
      expect(runs.map((r) => [r.code, r.stderr.match(/wiregraph: .*/gu) ?? []])).toEqual([[0, []], [0, []]]);
      const check = new Database(db, { readonly: true });
      expect(check.prepare('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM articles').get()).toEqual({ n: 30, ids: 30 });
      expect((check.prepare('SELECT count(*) AS n FROM copies').get() as { n: number }).n).toBe(30);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    }
  }, 180_000);
});
