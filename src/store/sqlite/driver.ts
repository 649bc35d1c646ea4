import Database from 'better-sqlite3';
import { migrate } from './migrations.js';

/**
 * Opens (creating if needed) a wiregraph SQLite database: WAL journal, synchronous NORMAL (each commit
 * survives a crash of the process; see https://www.sqlite.org/wal.html), foreign keys on, and migrated.
 * @param path - a file path, or `:memory:`
 */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
