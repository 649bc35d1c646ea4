import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WiregraphError } from '../errors.js';
import { openSqliteStore } from '../store/sqlite/store.js';
import { runCli } from '../test-support/cli.js';
import { ingest, IngestStoppedError, type StoredRecord } from './ingest.js';

/** Writes `n` small, distinct wire stories into a new folder. */
function stories(n: number): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'wg-faults-')), 'in');
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    writeFileSync(join(dir, `s${String(i).padStart(3, '0')}.txt`), `Round ${i} of talks\n\nGENEVA (AFP) - Delegates of ${i} states met Foreign Minister Anna Berg${i} on Monday for round ${i}. "We made progress," one said.\n`);
  }
  return dir;
}

const OPTIONS = { kind: 'auto', date: null, maxBytes: 1_000_000, batchSize: 5 } as const;

describe('a full disk', () => {
  it('stops the ingest with WG_STORE_FULL, keeps every batch before it, says which, and leaves the database intact', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'wg-full-')), 'full.db');
    openSqliteStore(db).close();
    const raw = new Database(db);
    const pages = raw.pragma('page_count', { simple: true }) as number;
    raw.close();
    // Note: SQLite's size limit stands in for the disk: about 60 KiB more than the empty schema takes.
    const store = openSqliteStore(db, { maxPages: pages + 15 });
    const stored: StoredRecord[] = [];
    const error = await ingest([stories(200)], store, { ...OPTIONS, onStored: (r) => stored.push(...r) }).catch((e: unknown) => e);
    store.close();
    expect(error).toBeInstanceOf(IngestStoppedError);
    const stopped = error as IngestStoppedError;
    expect(stopped.code).toBe('WG_STORE_FULL');
    expect(stopped.message).toMatch(/disk .* is full.*The \d+ records acknowledged before it are stored/su);
    expect(stopped.message).not.toContain(db);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBe(stopped.progress.added);
    expect(stored.length).toBeLessThan(200);

    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run();
    check.prepare("INSERT INTO entities_fts (entities_fts) VALUES ('integrity-check')").run();
    expect((check.prepare('SELECT id FROM articles ORDER BY seq').all() as Array<{ id: string }>).map((r) => r.id)).toEqual(stored.map((r) => r.id));
    check.close();
  });
});

describe('a database another process holds', () => {
  it('fails a batch with WG_STORE_BUSY after the busy timeout, and stores nothing of it', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'wg-busy-')), 'busy.db');
    openSqliteStore(db).close();
    const holder = new Database(db);
    holder.prepare('BEGIN IMMEDIATE').run();
    const store = openSqliteStore(db, { busyTimeoutMs: 50 });
    const doc = { id: 'x' } as never;
    const error = (() => {
      try {
        store.addBatch([{ doc, source: 'a.txt' }]);
        return null;
      } catch (e) {
        return e;
      }
    })();
    holder.prepare('ROLLBACK').run();
    holder.close();
    expect(error).toBeInstanceOf(WiregraphError);
    expect((error as WiregraphError).code).toBe('WG_STORE_BUSY');
    expect(store.count()).toBe(0);
    store.close();
  });
});

describe('an unreadable database', () => {
  it('is refused by the command line with WG_STORE_UNREADABLE: the code and a message, no stack trace and no path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wg-garbage-'));
    const db = join(dir, 'garbage.db');
    writeFileSync(db, Buffer.alloc(8192, 0x5a));
    const run = await runCli(['ingest', '--db', db, stories(1)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^wiregraph: WG_STORE_UNREADABLE The database failed \(SQLITE_NOTADB: file is not a database\)/u);
    expect(run.stderr).not.toContain(dir);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });
});
