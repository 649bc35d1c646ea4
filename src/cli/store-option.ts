import { Option } from 'commander';
import { WiregraphError } from '../errors.js';
import type { AsyncArticleStore } from '../store/async.js';
import { dbPath } from './io.js';

/** Where the store is: an embedded SQLite file, or a PostgreSQL server. */
export type StoreLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

/** The `--store URL` option of every command that reads or writes the store. */
export const storeOption = (): Option =>
  new Option('--store <url>', 'the store: postgres://USER@HOST:PORT/DB, or a SQLite file path (default: $WIREGRAPH_STORE, else --db)');

/**
 * Reads where the store is, once: `--store`, else `--db`, else `$WIREGRAPH_STORE`, else `$WIREGRAPH_DB`, else
 * `./wiregraph.db`. A `postgres://` or `postgresql://` URL is a PostgreSQL server; `sqlite:PATH` or a plain path
 * is a SQLite file.
 * @throws WiregraphError `WG_BAD_OPTION` for a URL of another scheme (`mysql://`, `redis://`)
 */
export function storeLocation(opts: { readonly store?: string; readonly db?: string }, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  // Note: an empty variable is as good as none (a test harness blanks WIREGRAPH_DB so).
  const value = opts.store ?? opts.db ?? (env['WIREGRAPH_STORE'] || undefined) ?? dbPath(undefined);
  if (/^postgres(?:ql)?:\/\//iu.test(value)) return { kind: 'postgres', url: value };
  if (/^sqlite:/iu.test(value)) return { kind: 'sqlite', path: value.replace(/^sqlite:(?:\/\/)?/iu, '') };
  // Note: a Windows drive letter (C:\...) is one letter before the colon, so it is read as a path.
  if (/^[a-z][a-z0-9+.-]+:/iu.test(value)) {
    throw new WiregraphError('WG_BAD_OPTION', `--store: ${JSON.stringify(value.replace(/\/\/[^@/]*@/u, '//…@'))} is neither a postgres:// URL nor a SQLite file path.`);
  }
  return { kind: 'sqlite', path: value };
}

/** What a location names, in a line for the user (a PostgreSQL URL without its password). */
export function describeLocation(location: StoreLocation): string {
  return location.kind === 'sqlite' ? location.path : location.url.replace(/:\/\/([^:@/]*):[^@/]*@/u, '://$1:…@');
}

/**
 * Opens the store a location names, as an asynchronous store. The drivers are imported here, so that a command
 * that needs no store (`extract`) starts without them.
 */
export async function openStore(location: StoreLocation): Promise<AsyncArticleStore> {
  if (location.kind === 'postgres') {
    const { openPostgresStore } = await import('../store/postgres/store.js');
    return openPostgresStore(location.url);
  }
  const [{ openSqliteStore }, { asyncStore }] = await Promise.all([import('../store/sqlite/store.js'), import('../store/async.js')]);
  return asyncStore(openSqliteStore(location.path));
}
