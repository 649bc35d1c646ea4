/**
 * Schema 8: the input ledger. Each local file an ingest read to the end and stored without a failure is kept with
 * its size and modification time, so that a re-run (after a kill, say) skips it before reading it again.
 */
export const INPUT_LEDGER_MIGRATION = {
  version: 8,
  name: 'input ledger: files stored, by path, size and modification time',
  sql: `
    CREATE TABLE ingested_inputs (
      path TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      mtime_ms REAL NOT NULL,
      records INTEGER NOT NULL,
      stored_at TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
} as const;

/**
 * Schema 9: watched feeds. Each feed's validators (ETag, Last-Modified) and the items already ingested from it,
 * and each host's run of errors with the time before which it is not asked again (the back-off).
 */
export const FEEDS_MIGRATION = {
  version: 9,
  name: 'watched feeds: validators, items ingested, back-off per host',
  sql: `
    CREATE TABLE feeds (
      url TEXT PRIMARY KEY,
      etag TEXT,
      last_modified TEXT,
      checked_at TEXT,
      status TEXT
    ) WITHOUT ROWID;
    CREATE TABLE feed_items (
      feed_url TEXT NOT NULL,
      item_key TEXT NOT NULL,
      seen_at TEXT NOT NULL,
      PRIMARY KEY (feed_url, item_key)
    ) WITHOUT ROWID;
    CREATE TABLE feed_hosts (
      host TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      retry_at TEXT
    ) WITHOUT ROWID;
  `,
} as const;
