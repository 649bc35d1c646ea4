import { normaliseName } from '../../text/normalise.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { FactCounts, FactOccurrence, GlobalEntity } from '../graph.js';
import { column } from '../sqlite/event-sql.js';
import { E_ENTITY } from '../sqlite/entity-search.js';
import { entityWhere } from '../sqlite/filter-sql.js';
import type { AsyncGraphStore } from '../async.js';
import type { PgDb } from './dialect.js';

/**
 * Entity search in the tiers of `sqlite/entity-search.ts`: the name or an alias is the query, then starts with it
 * (on the btree index of the normalised names, in the "C" collation), then holds it, then, only when nothing
 * matched, shares half of its three-letter pieces (`Puttin` finds `Putin`).
 * Note: without pg_trgm (contrib) "holds it" reads the normalised names in full; the shortest names come first, as
 * FTS5's bm25 ranks the shortest match first. It runs only when the first tiers fill no page.
 */
export function pgEntitySearch(db: PgDb): AsyncGraphStore['findEntities'] {
  return async (query, { limit, cursor, type, country, count, filter }) => {
    const offset = decodeCursor(cursor) ?? 0;
    const by = column(count);
    const within = entityWhere(filter ?? {});
    const typed = `(?::text IS NULL OR e.type = ?) AND (?::text IS NULL OR e.country = ?) AND e.articles > 0 AND ${within.where}`;
    const t = type ?? null;
    const c = country ?? null;
    const tp: unknown[] = [t, t, c, c, ...within.params];
    const want = offset + limit + 1;
    const norm = normaliseName(query);
    let rows: GlobalEntity[] = [];
    const seen = new Set<number>();
    const add = (list: GlobalEntity[]): void => {
      for (const r of list) if (!seen.has(r.id)) (seen.add(r.id), rows.push(r));
    };
    const order = `ORDER BY e.${by} DESC, e.articles DESC, e.id`;
    if (norm === '') rows = await db.all<GlobalEntity>(`SELECT ${E_ENTITY} FROM entities e WHERE ${typed} ${order} LIMIT ? OFFSET ?`, ...tp, want, 0);
    else {
      add(await db.all<GlobalEntity>(`SELECT ${E_ENTITY} FROM entities e WHERE e.id IN (SELECT id FROM entities WHERE norm = ? UNION SELECT entity_id FROM entity_aliases WHERE norm = ?) AND ${typed} ${order} LIMIT ?`, norm, norm, ...tp, want));
      add(await db.all<GlobalEntity>(`SELECT ${E_ENTITY} FROM entities e WHERE e.norm >= ? AND e.norm < ? AND ${typed} ${order} LIMIT ?`, norm, `${norm}\uffff`, ...tp, want));
      if (rows.length < want) add(await db.all<GlobalEntity>(`SELECT ${E_ENTITY} FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE norm >= ? AND norm < ?) AND ${typed} ${order} LIMIT ?`, norm, `${norm}\uffff`, ...tp, want));
      if (rows.length < want && norm.length >= 3) {
        add(await db.all<GlobalEntity>(`SELECT ${E_ENTITY} FROM entities e WHERE strpos(e.norm, ?) > 0 AND ${typed} ORDER BY length(e.norm), e.${by} DESC, e.id LIMIT ?`, norm, ...tp, want));
        if (rows.length < want) add(await db.all<GlobalEntity>(`SELECT ${E_ENTITY} FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE strpos(norm, ?) > 0) AND ${typed} ORDER BY length(e.norm), e.${by} DESC, e.id LIMIT ?`, norm, ...tp, want));
        const grams = [...new Set(Array.from({ length: norm.length - 2 }, (_, i) => norm.slice(i, i + 3)).filter((g) => !g.includes(' ')))];
        if (rows.length === 0 && grams.length > 0) {
          const shared = (name: string): number => grams.filter((g) => normaliseName(name).includes(g)).length / grams.length;
          const fuzzy = await db.all<GlobalEntity>(
            `SELECT ${E_ENTITY} FROM entities e WHERE e.norm LIKE ANY(?::text[]) AND ${typed} ORDER BY (SELECT count(*) FROM unnest(?::text[]) g WHERE strpos(e.norm, g) > 0) DESC, e.${by} DESC, e.id LIMIT 200`,
            grams.map((g) => `%${g.replace(/[\\%_]/gu, '\\$&')}%`), ...tp, grams,
          );
          add(fuzzy.filter((e) => shared(e.name) >= 0.5).slice(0, want));
        }
      }
    }
    const page = rows.slice(offset, offset + limit);
    return { items: page, nextCursor: rows.length > offset + limit ? encodeCursor(offset + limit) : null };
  };
}

const NO_FACT: FactCounts = { fact: null, copies: 0, outlets: 0, sources: 0, occurrences: [] };

/** The counts of a row's fact, or zeros for a row without one. */
export function countsOf(facts: ReadonlyMap<number, FactCounts>, fact: number | null): FactCounts {
  return (fact === null ? undefined : facts.get(fact)) ?? NO_FACT;
}

/** The counts of the facts of a page of quotes or events, as `sqlite/graph-fact-reads.ts` reads them. */
export async function readFacts(db: PgDb, kind: 'quote' | 'event', factIds: ReadonlyArray<number | null>): Promise<ReadonlyMap<number, FactCounts>> {
  const rows = kind === 'quote' ? 'quotes' : 'events';
  const facts = kind === 'quote' ? 'quote_facts' : 'event_facts';
  const ids = [...new Set(factIds.filter((f): f is number => f !== null))];
  if (ids.length === 0) return new Map();
  const found = await db.all<{ fact: number; row: number; article: string; seq: number }>(
    `SELECT r.fact_id AS fact, min(r.id) AS row, a.id AS article, a.seq FROM ${rows} r JOIN articles a ON a.seq = r.article_seq
     WHERE r.fact_id = ANY(?::integer[]) GROUP BY r.fact_id, r.article_seq, a.id, a.seq ORDER BY r.fact_id, min(r.id)`,
    ids,
  );
  const outletsOf = new Map<number, { copies: number; outlets: Set<string> }>();
  for (const c of await db.all<{ seq: number; outlet: string | null }>('SELECT article_seq AS seq, outlet FROM copies WHERE article_seq = ANY(?::integer[]) ORDER BY id', [...new Set(found.map((o) => o.seq))])) {
    const entry = outletsOf.get(c.seq) ?? { copies: 0, outlets: new Set<string>() };
    entry.copies++;
    if (c.outlet) entry.outlets.add(c.outlet);
    outletsOf.set(c.seq, entry);
  }
  // Note: a claim carried by several stories is reported by each story's originator (an AFP story in 12 outlets is one source).
  const sources = await db.all<{ fact: number; n: number }>(
    `SELECT f.id AS fact, (SELECT count(DISTINCT coalesce(s.originator, 'story:' || s.id)) FROM ${facts} g JOIN stories s ON s.id = g.story_id WHERE g.claim = f.claim) AS n
     FROM ${facts} f WHERE f.id = ANY(?::integer[])`,
    ids,
  );
  const sourcesOf = new Map(sources.map((r) => [r.fact, r.n]));
  const byFact = new Map<number, FactOccurrence[]>();
  for (const o of found) {
    const text = outletsOf.get(o.seq);
    const list = byFact.get(o.fact) ?? [];
    list.push({ article: o.article, row: o.row, copies: text?.copies ?? 0, outlets: [...(text?.outlets ?? [])] });
    byFact.set(o.fact, list);
  }
  const result = new Map<number, FactCounts>();
  for (const [fact, list] of byFact) {
    const outlets = new Set(list.flatMap((o) => o.outlets));
    result.set(fact, { fact, copies: list.reduce((n, o) => n + o.copies, 0), outlets: outlets.size, sources: sourcesOf.get(fact) ?? 1, occurrences: list });
  }
  return result;
}
