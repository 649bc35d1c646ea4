import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../../test-support/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'wg-cli-workers-'));
const fixtures = join(ROOT, 'src/read/fixtures');

/** A folder of every reader fixture (text, wire, HTML, feeds, JSONL): articles of every kind, some failing. */
function fixtureFolder(): string {
  const dir = join(tmp, 'articles');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(fixtures).filter((n) => !n.endsWith('.expected.json'))) copyFileSync(join(fixtures, name), join(dir, name));
  return dir;
}

describe('--workers', () => {
  it('gives extract output identical to --workers 1, in the same order, on a folder of articles', async () => {
    const dir = fixtureFolder();
    const [one, three] = await Promise.all([runCli(['extract', '--workers', '1', dir]), runCli(['extract', '--workers', '3', dir])]);
    expect(one.stdout.trim().split('\n').length).toBeGreaterThan(10);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    expect(three.code).toBe(one.code);
  }, 120_000);

  it('puts a broken JSONL line\'s error object in its place with several workers', async () => {
    const path = join(tmp, 'news.jsonl');
    const records = Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `n${i}`, text: `Officials in Geneva met on Monday for round ${i} of talks. "We made progress," one said.` }));
    records.splice(5, 0, '{"id":"broken","text":"Unterminated');
    writeFileSync(path, records.join('\n'));
    const [one, two] = await Promise.all([runCli(['extract', '--workers', '1', path]), runCli(['extract', '--workers', '2', path])]);
    const out = two.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; error?: { code: string } });
    expect(out.map((o) => o.error?.code ?? o.id)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'WG_JSONL_BAD_LINE', 'n5', 'n6', 'n7', 'n8', 'n9', 'n10', 'n11']);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('news.jsonl:6');
  }, 120_000);

  it('stores with ingest --workers 2 the same articles, in the same order, as with --workers 1', async () => {
    const dir = fixtureFolder();
    const dbs = [join(tmp, 'one.db'), join(tmp, 'two.db')];
    const [one, two] = await Promise.all([runCli(['ingest', '--workers', '1', '--db', dbs[0]!, dir]), runCli(['ingest', '--workers', '2', '--db', dbs[1]!, dir])]);
    expect(two.stdout.replace(/[\d.]+ s, \d+ articles\/s/u, '')).toBe(one.stdout.replace(/[\d.]+ s, \d+ articles\/s/u, ''));
    const stored = dbs.map((path) => {
      const db = new Database(path, { readonly: true });
      const rows = db.prepare('SELECT id, source, doc FROM articles ORDER BY seq').all();
      db.close();
      return rows;
    });
    expect(stored[0]!.length).toBeGreaterThan(10);
    expect(stored[1]).toEqual(stored[0]);
  }, 120_000);
});
