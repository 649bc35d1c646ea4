import type Database from 'better-sqlite3';
import type { FeedState, FeedStore, HostState, InputLedger, LedgerEntry } from '../ingest-state.js';
import { storeFault } from './faults.js';

/** Runs a write under `BEGIN IMMEDIATE`, its SQLite faults as coded errors. */
function immediate<A extends unknown[]>(db: Database.Database, write: (...args: A) => void): (...args: A) => void {
  const run = db.transaction(write);
  return (...args) => {
    try {
      run.immediate(...args);
    } catch (error) {
      throw storeFault(error) ?? error;
    }
  };
}

/** The input ledger in table `ingested_inputs` (schema 8). */
export function sqliteInputLedger(db: Database.Database): InputLedger {
  const find = db.prepare('SELECT path, size, mtime_ms AS mtimeMs, records FROM ingested_inputs WHERE path = ? AND size = ? AND mtime_ms = ?');
  const put = db.prepare('INSERT OR REPLACE INTO ingested_inputs (path, size, mtime_ms, records, stored_at) VALUES (?, ?, ?, ?, ?)');
  return {
    find: (stamp) => (find.get(stamp.path, stamp.size, stamp.mtimeMs) as LedgerEntry | undefined) ?? null,
    record: immediate(db, (entries: readonly LedgerEntry[]) => {
      const now = new Date().toISOString();
      for (const e of entries) put.run(e.path, e.size, e.mtimeMs, e.records, now);
    }),
  };
}

/** Watched feeds' state in tables `feeds`, `feed_items` and `feed_hosts` (schema 9). */
export function sqliteFeedStore(db: Database.Database): FeedStore {
  const feed = db.prepare('SELECT url, etag, last_modified AS lastModified, checked_at AS checkedAt, status FROM feeds WHERE url = ?');
  const putFeed = db.prepare('INSERT OR REPLACE INTO feeds (url, etag, last_modified, checked_at, status) VALUES (?, ?, ?, ?, ?)');
  const host = db.prepare('SELECT host, failures, retry_at AS retryAt FROM feed_hosts WHERE host = ?');
  const putHost = db.prepare('INSERT OR REPLACE INTO feed_hosts (host, failures, retry_at) VALUES (?, ?, ?)');
  const seen = db.prepare('SELECT 1 FROM feed_items WHERE feed_url = ? AND item_key = ?');
  const mark = db.prepare('INSERT OR IGNORE INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?)');
  return {
    feed: (url) => (feed.get(url) as FeedState | undefined) ?? null,
    saveFeed: immediate(db, (s: FeedState) => void putFeed.run(s.url, s.etag, s.lastModified, s.checkedAt, s.status)),
    host: (name) => (host.get(name) as HostState | undefined) ?? null,
    saveHost: immediate(db, (s: HostState) => void putHost.run(s.host, s.failures, s.retryAt)),
    seen: (url, keys) => new Set(keys.filter((k) => seen.get(url, k) !== undefined)),
    markSeen: immediate(db, (url: string, keys: readonly string[]) => {
      const now = new Date().toISOString();
      for (const k of keys) mark.run(url, k, now);
    }),
  };
}
