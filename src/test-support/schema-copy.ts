import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../store/sqlite/migrations.js';

/**
 * A copy of a SQLite store's database at an older schema: its tables up to `version`, column for column (the FTS
 * indexes filled by their triggers), for testing what a migration does to a database stored by an older version.
 * @returns the copy's path
 */
export function copyAtSchema(path: string, version: number): string {
  const oldPath = join(mkdtempSync(join(tmpdir(), 'wg-schema-')), 'old.db');
  const old = new Database(oldPath);
  migrate(old, version);
  old.pragma('foreign_keys = OFF');
  old.exec(`ATTACH DATABASE '${path}' AS built`);
  const tables = old.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name != 'schema_migrations' ORDER BY rootpage").all() as Array<{ name: string }>;
  for (const { name } of tables) {
    const columns = (old.pragma(`main.table_info(${name})`) as Array<{ name: string }>).map((c) => c.name).join(', ');
    // Note: OR REPLACE, for the rows a migration writes itself (schema 5's related totals).
    old.exec(`INSERT OR REPLACE INTO main.${name} (${columns}) SELECT ${columns} FROM built.${name}`);
  }
  old.exec('DETACH DATABASE built');
  old.close();
  return oldPath;
}
