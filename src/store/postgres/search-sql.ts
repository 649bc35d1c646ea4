import { toFtsQuery } from '../fts-query.js';

/** A tsquery expression in SQL with its parameters, numbered from a given `$n`. */
export interface TsQuerySql {
  readonly sql: string;
  readonly params: readonly string[];
}

// Note: the tokens of the FTS5 query that parseSearch writes: parentheses, AND, OR, NOT and quoted terms.
const TOKEN = /\(|\)| AND | OR | NOT |"([^"]*)"(\*)?/gu;

/**
 * The user's search as a PostgreSQL tsquery expression: the same syntax and the same safety as SQLite's search,
 * because it is built from the FTS5 query of {@link toFtsQuery} (words, phrases, prefixes, AND, OR, NOT). Each term is
 * a bound parameter read by `phraseto_tsquery` (a word or a phrase, split by the same parser as the index) or, for a
 * `prefix*`, by `to_tsquery` with `:*` (the prefix is letters and digits only); the SQL around them is fixed tokens.
 * @param first - the number of the first parameter (`$first`)
 * @returns null when the string holds no searchable word
 */
export function toTsQuerySql(input: string, first: number): TsQuerySql | null {
  const fts = toFtsQuery(input);
  if (fts === null) return null;
  const params: string[] = [];
  let sql = '';
  let closeAfterTerm = 0;
  for (const m of fts.matchAll(TOKEN)) {
    const [token, words, star] = m;
    if (token === '(' || token === ')') sql += token;
    else if (token === ' AND ') sql += ' && ';
    else if (token === ' OR ') sql += ' || ';
    else if (token === ' NOT ') {
      sql += ' && (!! ';
      closeAfterTerm++;
    } else {
      params.push(star ? `${words!}:*` : words!);
      const n = first + params.length - 1;
      sql += star ? `to_tsquery('simple', $${n})` : `phraseto_tsquery('simple', $${n})`;
      if (closeAfterTerm > 0) {
        sql += ')';
        closeAfterTerm--;
      }
    }
  }
  return { sql: `(${sql})`, params };
}
