import type Database from 'better-sqlite3';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { toFtsQuery } from '../fts-query.js';
import type { GraphStore } from '../graph.js';
import { MARK_END, MARK_START, type ArticleStore, type ArticleSummary, type CorpusOverview, type ListOptions, type Page, type SearchHit, type SearchOptions } from '../store.js';
import { articleWhere } from './filter-sql.js';

const SUMMARY = 'a.id, a.headline, a.outlet, a.published, a.url, a.source';

/** The article lists of a SQLite store: the list (by ingestion or publication), full-text search, and the overview. */
export function articleReads(db: Database.Database, graph: GraphStore): Pick<ArticleStore, 'list' | 'search' | 'overview'> {
  // Note: the queries built from a filter are prepared once per shape of filter, not once per request.
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let st = prepared.get(sql);
    if (!st) prepared.set(sql, (st = db.prepare(sql)));
    return st;
  };
  // Note: FTS5 ignores a rowid constraint bound as a floating-point value, and better-sqlite3 binds JS numbers as
  // such, so the rowid is cast; without the cast every match came back, each with another article's snippet.
  const snippetOf = db.prepare(`SELECT snippet(articles_fts, 1, '${MARK_START}', '${MARK_END}', '…', 16) AS snippet FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)`);
  const summaryOf = db.prepare(`SELECT ${SUMMARY} FROM articles a WHERE a.seq = ?`);
  const totals = db.prepare('SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM copies) AS copies, (SELECT count(*) FROM stories) AS stories, (SELECT min(published) FROM copies) AS first, (SELECT max(published) FROM copies) AS last, (SELECT count(DISTINCT outlet) FROM copies) AS outletCount');
  const outlets = db.prepare('SELECT outlet, count(*) AS copies FROM copies WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY copies DESC, outlet LIMIT 20');

  return {
    list({ limit, cursor, order, filter }: ListOptions): Page<ArticleSummary> {
      const { where, params } = articleWhere(filter ?? {});
      if (order === 'published') {
        // Note: by publication the cursor is a position (published times are not unique); undated articles come last.
        const offset = decodeCursor(cursor) ?? 0;
        const rows = statement(`SELECT ${SUMMARY} FROM articles a WHERE ${where} ORDER BY a.published IS NULL, a.published DESC, a.seq DESC LIMIT ? OFFSET ?`).all(...params, limit + 1, offset) as ArticleSummary[];
        return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null };
      }
      const rows = statement(`SELECT a.seq, ${SUMMARY} FROM articles a WHERE a.seq < ? AND ${where} ORDER BY a.seq DESC LIMIT ?`).all(decodeCursor(cursor) ?? Number.MAX_SAFE_INTEGER, ...params, limit + 1) as Array<ArticleSummary & { seq: number }>;
      const items = rows.slice(0, limit).map(({ seq: _seq, ...summary }) => summary);
      return { items, nextCursor: rows.length > limit ? encodeCursor(rows[limit - 1]!.seq) : null };
    },
    search(query, { limit, cursor, filter }: SearchOptions): Page<SearchHit> {
      const fts = toFtsQuery(query);
      if (fts === null) return { items: [], nextCursor: null };
      const offset = decodeCursor(cursor) ?? 0;
      const { where, params } = articleWhere(filter ?? {});
      // Note: ranking and snippets in two steps: the top rows by bm25 first, then a snippet for each of them only
      // (a snippet in the ranking query is computed for every match before the sort: four times slower on common words).
      const top = (where === '1'
        ? statement('SELECT rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?').all(fts, limit + 1, offset)
        : statement(`SELECT articles_fts.rowid AS rowid, bm25(articles_fts, 4.0, 1.0) AS score FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ? AND ${where} ORDER BY score LIMIT ? OFFSET ?`).all(fts, ...params, limit + 1, offset)) as Array<{ rowid: number; score: number }>;
      const items = top.slice(0, limit).map((t) => ({ ...(summaryOf.get(t.rowid) as ArticleSummary), snippet: (snippetOf.get(fts, t.rowid) as { snippet: string }).snippet, score: t.score }));
      return { items, nextCursor: top.length > limit ? encodeCursor(offset + limit) : null };
    },
    overview(): CorpusOverview {
      const t = totals.get() as Omit<CorpusOverview, 'outlets' | 'topEntities'>;
      return { ...t, outlets: outlets.all() as Array<{ outlet: string; copies: number }>, topEntities: graph.findEntities('', { limit: 10 }).items };
    },
  };
}
