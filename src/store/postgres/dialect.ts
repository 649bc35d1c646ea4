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

const translated = new Map<string, string>();

/** The translation of a statement, made once. */
function statementOf(sql: string): string {
  let text = translated.get(sql);
  if (text === undefined) translated.set(sql, (text = pgSql(sql)));
  return text;
}

/**
 * A {@link PgDb} on a pool or a client.
 * Note: statements are not prepared by name: a plan made once per connection was made when the graph's tables were
 * small (a new store) and kept scanning them whole as they grew (under 4 articles a second after 1,000 articles); an
 * unnamed statement is planned with its values each time, on the tables as they are.
 */
export function pgDb(on: pg.Pool | pg.PoolClient): PgDb {
  const query = async (sql: string, params: unknown[]): Promise<pg.QueryResult> => on.query({ text: statementOf(sql), values: params });
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
