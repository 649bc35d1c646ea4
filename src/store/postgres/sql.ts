import type pg from 'pg';

/** Runs one statement and gives its rows. */
export type Query = <R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<R[]>;

/** A {@link Query} on a pool or on one client (inside a transaction). */
export function queryOf(on: pg.Pool | pg.PoolClient): Query {
  return async <R extends object>(sql: string, params: readonly unknown[] = []) => (await on.query<R>(sql, params as unknown[])).rows;
}

/** The first row of a query, or undefined. */
export async function one<R extends object>(q: Query, sql: string, params: readonly unknown[] = []): Promise<R | undefined> {
  return (await q<R>(sql, params))[0];
}
