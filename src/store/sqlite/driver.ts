import Database from 'better-sqlite3';
import { storeFault } from './faults.js';
import { migrate } from './migrations.js';

/** How long a connection waits for another process's write lock before failing with `WG_STORE_BUSY`. */
export const DEFAULT_BUSY_TIMEOUT_MS = 30_000;

/** What a database is opened with besides its file. */
export interface OpenDatabaseOptions {
  /** Milliseconds to wait for another connection's lock (default {@link DEFAULT_BUSY_TIMEOUT_MS}). */
  readonly busyTimeoutMs?: number;
  /** A cap on the database's size in pages (`PRAGMA max_page_count`): past it, writes fail with `WG_STORE_FULL`. */
  readonly maxPages?: number;
}

/**
 * Opens (creating if needed) a wiregraph SQLite database: WAL journal, synchronous NORMAL (each commit
 * survives a crash of the process; see https://www.sqlite.org/wal.html), foreign keys on, a busy timeout, and migrated.
 * @param path - a file path, or `:memory:`
 * @throws WiregraphError `WG_STORE_UNREADABLE`, `WG_STORE_BUSY` or `WG_STORE_FULL` (see {@link storeFault}), `WG_STORE_MIGRATION`
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database.Database {
  let db: Database.Database | null = null;
  try {
    // Note: the busy timeout is set first (the constructor's), so that switching a new database to WAL, which
    // 30 processes opening it at once all try, waits for the others instead of failing.
    db = new Database(path, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
    withBusyRetry(() => db!.pragma('journal_mode = WAL'));
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Note: a 64 MiB page cache (the default is 2 MiB): placing a text reads its keys' postings and writes its
    // own, all over the key index. Placing one of 100,000 synthetic texts took 2.7 ms with the default (1.1 ms at
    // 10,000, growing), 1.6 ms with this (1.4 to 2.0 ms from 10,000 to 100,000, on a busy machine).
    db.pragma('cache_size = -65536');
    if (options.maxPages !== undefined) db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxPages))}`);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw storeFault(error) ?? error;
  }
}

/**
 * Runs a statement that SQLite may refuse with SQLITE_BUSY without calling the busy handler (a change of journal
 * mode while another connection sets it up), retrying for a few seconds.
 */
function withBusyRetry<T>(run: () => T): T {
  const until = Date.now() + 10_000;
  for (;;) {
    try {
      return run();
    } catch (error) {
      if (storeFault(error)?.code !== 'WG_STORE_BUSY' || Date.now() > until) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}
