import { WiregraphError } from '../../errors.js';

// Note: better-sqlite3's SqliteError is told by its `code` (SQLITE_BUSY, SQLITE_IOERR_WRITE, ...), not imported,
// so that the command line can map it without loading the driver.
const FAULTS: ReadonlyArray<{ readonly prefixes: readonly string[]; readonly code: 'WG_STORE_BUSY' | 'WG_STORE_FULL' | 'WG_STORE_UNREADABLE'; readonly advice: string }> = [
  { prefixes: ['SQLITE_BUSY', 'SQLITE_LOCKED'], code: 'WG_STORE_BUSY', advice: 'another process held the database too long (another ingest?); retry when it is done' },
  { prefixes: ['SQLITE_FULL'], code: 'WG_STORE_FULL', advice: 'the disk (or the database size limit) is full; free space and run again' },
  {
    prefixes: ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_PERM'],
    code: 'WG_STORE_UNREADABLE',
    advice: 'the database file is damaged, not a wiregraph database, or cannot be opened, read or written',
  },
];

/** The SQLite result code of a driver error (`SQLITE_BUSY`, ...), or null for anything else. */
function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * A fault of the database itself, as a coded error: `WG_STORE_BUSY` (locked by another process past the busy
 * timeout), `WG_STORE_FULL` (disk or size limit full) or `WG_STORE_UNREADABLE` (damaged, not a database, cannot
 * be opened). The message names no file: it is printed as it is.
 * @returns the coded error, or null when the error is not one of these (a constraint failure, say)
 */
export function storeFault(error: unknown): WiregraphError | null {
  if (error instanceof WiregraphError) return ['WG_STORE_BUSY', 'WG_STORE_FULL', 'WG_STORE_UNREADABLE'].includes(error.code) ? error : null;
  const code = sqliteCode(error);
  if (code === null) return null;
  const fault = FAULTS.find((f) => f.prefixes.some((p) => code === p || code.startsWith(`${p}_`)));
  if (!fault) return null;
  const reason = error instanceof Error ? error.message.replace(/(^|[\s'"(])\/[^\s'"]+/gu, '$1(path)') : code;
  return new WiregraphError(fault.code, `The database failed (${code}: ${reason}): ${fault.advice}.`);
}
