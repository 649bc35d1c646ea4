import { expect, it } from 'vitest';
import { WiregraphError } from '../../errors.js';
import { storeFault } from './faults.js';

/** A driver error as better-sqlite3 throws it: a message and a SQLite result code. */
const sqliteError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

it('maps SQLite faults to their codes, keeps the reason, and names no file', () => {
  expect(storeFault(sqliteError('SQLITE_BUSY', 'database is locked'))?.code).toBe('WG_STORE_BUSY');
  expect(storeFault(sqliteError('SQLITE_BUSY_SNAPSHOT', 'database is locked'))?.code).toBe('WG_STORE_BUSY');
  expect(storeFault(sqliteError('SQLITE_FULL', 'database or disk is full'))?.code).toBe('WG_STORE_FULL');
  expect(storeFault(sqliteError('SQLITE_NOTADB', 'file is not a database'))?.code).toBe('WG_STORE_UNREADABLE');
  const io = storeFault(sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'));
  expect(io?.code).toBe('WG_STORE_UNREADABLE');
  expect(io?.message).toContain('disk I/O error');
  const open = storeFault(sqliteError('SQLITE_CANTOPEN', 'unable to open database file /home/ana/secret/wire.db'));
  expect(open?.message).toContain('unable to open database file (path)');
  expect(open?.message).not.toContain('/home');
});

it('leaves other errors alone: a constraint failure is a record\'s, not the store\'s', () => {
  expect(storeFault(sqliteError('SQLITE_CONSTRAINT_CHECK', 'CHECK constraint failed'))).toBeNull();
  expect(storeFault(new Error('no code'))).toBeNull();
  expect(storeFault(new WiregraphError('WG_STORE_FAILED', 'one record'))).toBeNull();
  const full = new WiregraphError('WG_STORE_FULL', 'full');
  expect(storeFault(full)).toBe(full);
});
