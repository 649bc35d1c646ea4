import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite/store.js';
import { ROOT, runCli } from '../../test-support/cli.js';

const seed = join(ROOT, 'data', 'sample', 'seed', 'bss-2025-09-13-north-korea-arsenal.txt');
const confidences = (stdout: string): number[] => (JSON.parse(stdout.trim()) as { events: Array<{ confidence: number }> }).events.map((e) => e.confidence);

describe('--min-confidence', () => {
  it('leaves out of extract the events coded with less confidence, in the main thread and in workers', async () => {
    const all = confidences((await runCli(['extract', seed])).stdout);
    expect(all.some((c) => c < 0.5)).toBe(true);
    for (const workers of ['1', '2']) {
      const kept = await runCli(['extract', '--min-confidence', '0.5', '--workers', workers, seed]);
      expect(kept.code).toBe(0);
      expect(confidences(kept.stdout)).toEqual(all.filter((c) => c >= 0.5));
    }
  });

  it('stores only the events at or above it with ingest', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'wg-minconf-')), 'x.db');
    expect((await runCli(['ingest', '--db', db, '--min-confidence', '0.5', seed])).code).toBe(0);
    const store = openSqliteStore(db);
    const stored = store.graph.events({}, { limit: 200, count: 'copies' }).items.map((e) => e.confidence);
    store.close();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((c) => c >= 0.5)).toBe(true);
  });

  it.each(['1.5', '-0.1', 'sure', ''])('refuses %j as a usage error with WG_BAD_OPTION, before anything is stored', async (value) => {
    const db = join(mkdtempSync(join(tmpdir(), 'wg-minconf-')), 'x.db');
    for (const args of [['extract', '--min-confidence', value, seed], ['ingest', '--db', db, '--min-confidence', value, seed]]) {
      const { code, stderr } = await runCli(args);
      expect([code, stderr.includes('WG_BAD_OPTION')]).toEqual([2, true]);
    }
    expect(existsSync(db)).toBe(false);
  });
});
