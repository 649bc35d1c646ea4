import { decodeCursor, encodeCursor } from '../cursor.js';
import type { AsyncGraphStore } from '../async.js';
import type { FactFilter } from '../graph.js';
import { articleWhere } from '../sqlite/filter-sql.js';
import { MARK_END, MARK_START, type ArticleSummary, type CorpusOverview, type ListOptions, type Page, type SearchHit, type SearchOptions } from '../store.js';
import { toTsQuerySql } from './search-sql.js';
import { one, queryOf, type Query } from './sql.js';
import type pg from 'pg';

const SUMMARY = 'a.id, a.headline, a.outlet, a.published, a.url, a.source';

/** ts_headline's options: the snippet marks of {@link SearchHit}, about 16 words around the best match. */
// Note: the marks are private-use characters, never in a stored text's words, so they cannot clash with its text.
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…`;

/**
 * The filter's conditions on an article (`articles a`), as the SQLite store builds them (`sqlite/filter-sql.ts`'
 * articleWhere), numbered from parameter `$first` on.
 */
export function articleWherePg(f: FactFilter, first: number): { where: string; params: unknown[] } {
  const w = articleWhere(f);
  let n = first - 1;
  return { where: w.where === '1' ? 'TRUE' : w.where.replace(/\?/gu, () => `$${++n}`), params: w.params };
}

/**
 * Runs a query on a connection of its own with sequential scans off for that transaction.
 * Note: the planner costs a tsvector test at one operator whatever its size, so it read every article's `tsv` (out of
 * line, in TOAST) rather than the GIN index as the store grew: 0.53 s for a common word on 7,000 articles, against
 * 0.06 s on the index, which gives the matching rows without opening their vectors.
 */
async function indexed<R extends object>(pool: pg.Pool, sql: string, params: readonly unknown[]): Promise<R[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY; SET LOCAL enable_seqscan = off');
    const rows = await queryOf(client)<R>(sql, params);
    await client.query('COMMIT');
    client.release();
    return rows;
  } catch (error) {
    // Note: a connection left in a failed transaction is closed, not given back to the pool.
    client.release(error as Error);
    throw error;
  }
}

/** The article lists of the PostgreSQL store: the list (by ingestion or publication), full-text search, the overview. */
export function pgArticleReads(q: Query, pool: pg.Pool, graph: Pick<AsyncGraphStore, 'findEntities'>) {
  return {
    async list({ limit, cursor, order, filter }: ListOptions): Promise<Page<ArticleSummary>> {
      if (order === 'published') {
        // Note: by publication the cursor is a position (published times are not unique); undated articles come last.
        const offset = decodeCursor(cursor) ?? 0;
        const { where, params } = articleWherePg(filter ?? {}, 3);
        const rows = await q<ArticleSummary>(`SELECT ${SUMMARY} FROM articles a WHERE ${where} ORDER BY a.published DESC NULLS LAST, a.seq DESC LIMIT $1 OFFSET $2`, [limit + 1, offset, ...params]);
        return { items: rows.slice(0, limit), nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null };
      }
      const { where, params } = articleWherePg(filter ?? {}, 3);
      const before = Math.min(decodeCursor(cursor) ?? 2_147_483_647, 2_147_483_647);
      const rows = await q<ArticleSummary & { seq: number }>(`SELECT a.seq, ${SUMMARY} FROM articles a WHERE a.seq < $1 AND ${where} ORDER BY a.seq DESC LIMIT $2`, [before, limit + 1, ...params]);
      const items = rows.slice(0, limit).map(({ seq: _seq, ...summary }) => summary);
      return { items, nextCursor: rows.length > limit ? encodeCursor(rows[limit - 1]!.seq) : null };
    },

    async search(query: string, { limit, cursor, filter }: SearchOptions): Promise<Page<SearchHit>> {
      const ts = toTsQuerySql(query, 3);
      if (ts === null) return { items: [], nextCursor: null };
      const offset = decodeCursor(cursor) ?? 0;
      const { where, params } = articleWherePg(filter ?? {}, 3 + ts.params.length);
      // Note: ranking first (on the GIN index), then a headline for the page's rows only, as on SQLite; the weights
      // give a headline match four times a body match's weight (bm25(4, 1) there).
      const top = await indexed<{ seq: number; rank: number }>(
        pool,
        `SELECT a.seq, ts_rank_cd('{0, 0, 0.25, 1}'::float4[], a.tsv, query) AS rank FROM articles a, (SELECT ${ts.sql} AS query) AS t
         WHERE a.tsv @@ query AND ${where} ORDER BY rank DESC, a.seq DESC LIMIT $1 OFFSET $2`,
        [limit + 1, offset, ...ts.params, ...params],
      );
      const page = top.slice(0, limit);
      // Note: the query's terms are numbered from $3 in both statements, so one tsquery text serves both.
      const snippets = page.length === 0 ? [] : await q<ArticleSummary & { seq: number; snippet: string }>(
        `SELECT a.seq, ${SUMMARY}, ts_headline('simple', a.text, query, $2) AS snippet FROM articles a, (SELECT ${ts.sql} AS query) AS t WHERE a.seq = ANY($1::integer[])`,

        [page.map((t) => t.seq), HEADLINE, ...ts.params],
      );
      const bySeq = new Map(snippets.map(({ seq, ...hit }) => [seq, hit]));
      // Note: the score is lower for a better match, as SQLite's bm25 is.
      const items = page.map((t) => ({ ...bySeq.get(t.seq)!, score: -t.rank }));
      return { items, nextCursor: top.length > limit ? encodeCursor(offset + limit) : null };
    },

    async overview(): Promise<CorpusOverview> {
      const t = (await one<{ articles: string; copies: string; stories: string; first: string | null; last: string | null; outletCount: string }>(
        q,
        'SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM copies) AS copies, (SELECT count(*) FROM stories) AS stories, (SELECT min(published) FROM copies) AS first, (SELECT max(published) FROM copies) AS last, (SELECT count(DISTINCT outlet) FROM copies) AS "outletCount"',
      ))!;
      const outlets = await q<{ outlet: string; copies: string }>('SELECT outlet, count(*) AS copies FROM copies WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 20');
      return {
        articles: Number(t.articles),
        copies: Number(t.copies),
        stories: Number(t.stories),
        first: t.first,
        last: t.last,
        outletCount: Number(t.outletCount),
        outlets: outlets.map((o) => ({ outlet: o.outlet, copies: Number(o.copies) })),
        topEntities: (await graph.findEntities('', { limit: 10 })).items,
      };
    },
  };
}
