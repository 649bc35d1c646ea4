import type pg from 'pg';

/**
 * The SQL of the SQLite store, read by PostgreSQL: the graph's queries are written once, with `?` parameters and
 * the SQLite store's filter builders (`sqlite/filter-sql.ts`, `sqlite/event-sql.ts`), and translated here.
 * - `?` becomes `$1`, `$2`, ... in order (outside quoted strings and identifiers);
 * - an alias in camel case (`AS speakerText`) is quoted, since PostgreSQL folds an unquoted one to lower case;
 * - the empty condition `1` of the filter builders (`WHERE 1`, `AND 1`) becomes `TRUE`.
 * Note: what has no common spelling (JSON lists, dates, booleans as numbers) is written for PostgreSQL where used.
 */
export function pgSql(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === '?' ? `$${++n}` : ch;
  }
  return out.replace(/\bAS ([a-z]+[A-Z][A-Za-z0-9]*)\b/gu, 'AS "$1"').replace(/\b(WHERE|AND) 1(?=\s|\)|$)/gu, '$1 TRUE');
}

/** Statements with `?` parameters (see {@link pgSql}) on a pool or on one client, each translated once. */
export interface PgDb {
  all<R extends object = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<R[]>;
  get<R extends object = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<R | undefined>;
  /** Runs a statement; the rows it changed. */
  run(sql: string, ...params: unknown[]): Promise<number>;
}

const translated = new Map<string, { text: string; name: string }>();

/** The translation of a statement, and a name to prepare it under (once per connection). */
function statementOf(sql: string): { text: string; name: string } {
  let st = translated.get(sql);
  if (!st) translated.set(sql, (st = { text: pgSql(sql), name: `wg${translated.size + 1}` }));
  return st;
}

/**
 * A {@link PgDb} on a pool or a client. Each statement is prepared by name on each connection that runs it, so that
 * it is planned once per connection, as the SQLite store prepares its statements once.
 * Note: a query built from a filter is one text per shape of filter (its values are parameters), so the names stay few.
 */
export function pgDb(on: pg.Pool | pg.PoolClient): PgDb {
  const query = async (sql: string, params: unknown[]): Promise<pg.QueryResult> => {
    const { text, name } = statementOf(sql);
    return on.query({ text, name, values: params });
  };
  return {
    all: async <R extends object>(sql: string, ...params: unknown[]) => (await query(sql, params)).rows as R[],
    get: async <R extends object>(sql: string, ...params: unknown[]) => (await query(sql, params)).rows[0] as R | undefined,
    run: async (sql, ...params) => (await query(sql, params)).rowCount ?? 0,
  };
}

/** node-postgres' type parsers, with counts and sums (`bigint`, `numeric`) read as numbers, as SQLite gives them. */
export function numericTypes(types: typeof pg.types): pg.CustomTypesConfig {
  const INT8 = 20;
  const NUMERIC = 1700;
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 || oid === NUMERIC ? Number : types.getTypeParser(oid, format))) as pg.CustomTypesConfig['getTypeParser'],
  };
}
