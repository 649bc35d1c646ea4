import type Database from 'better-sqlite3';
import { WiregraphError } from '../../errors.js';

/** A schema change: applied once, in order, inside a transaction, and recorded in `schema_migrations`. */
interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Note: never edit a released migration; add a new one. Its version is recorded in every database.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles with full-text index',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        headline TEXT,
        outlet TEXT,
        published TEXT,
        url TEXT,
        language TEXT,
        source TEXT NOT NULL,
        text TEXT NOT NULL CHECK (length(text) > 0),
        doc TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles (published);
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        headline, text, content = 'articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, headline, text) VALUES (new.seq, new.headline, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, text) VALUES ('delete', old.seq, old.headline, old.text);
      END;
    `,
  },
];

/** The newest schema version this program knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings a database up to {@link SCHEMA_VERSION}, one transaction per migration.
 * @throws WiregraphError `WG_STORE_MIGRATION` when the database is newer than this program
 */
export function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const current = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new WiregraphError('WG_STORE_MIGRATION', `The database is at schema version ${current}, newer than this program's ${SCHEMA_VERSION}; upgrade wiregraph to open it.`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
}
