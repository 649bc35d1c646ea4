import type Database from 'better-sqlite3';
import { normaliseName } from '../../text/normalise.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { GlobalEntity, GraphStore } from '../graph.js';
import { column } from './event-sql.js';
import { entityWhere } from './filter-sql.js';

/** The columns of a {@link GlobalEntity}. */
export const ENTITY = 'id, type, name, wikidata, country, cameo, mentions, articles, stories, copies';
/** {@link ENTITY} of the table aliased `e`. */
export const E_ENTITY = ENTITY.split(', ').map((c) => `e.${c}`).join(', ');

/**
 * Entity search, in tiers, each ranked by the count asked for: entities whose name or an alias is the query
 * (`Pyongyang` finds North Korea, `KCNA` the Korean Central News Agency), then names and aliases that start with
 * it, then names and aliases that hold it (trigram index), then, only when nothing matched, names sharing half of
 * its three-letter pieces (`Puttin` finds `Putin`). An entity none of whose articles is left (every merge undone)
 * is not listed.
 * @param statement - prepares a statement once per text
 */
export function entitySearch(statement: (sql: string) => Database.Statement): GraphStore['findEntities'] {
  return (query, { limit, cursor, type, country, count, filter }) => {
    const offset = decodeCursor(cursor) ?? 0;
    const by = column(count);
    const within = entityWhere(filter ?? {});
    // Note: every tier takes the type and the filter's conditions as its parameters after its own.
    const typed = `(? IS NULL OR e.type = ?) AND (? IS NULL OR e.country = ?) AND e.articles > 0 AND ${within.where}`;
    const t = type ?? null;
    const c = country ?? null;
    const tp: unknown[] = [t, t, c, c, ...within.params];
    const tiers = {
      exact: statement(`SELECT ${E_ENTITY} FROM entities e WHERE e.id IN (SELECT id FROM entities WHERE norm = ? UNION SELECT entity_id FROM entity_aliases WHERE norm = ?) AND ${typed} ORDER BY e.${by} DESC, e.articles DESC LIMIT ?`),
      prefix: statement(`SELECT ${E_ENTITY} FROM entities e WHERE e.norm >= ? AND e.norm < ? AND ${typed} ORDER BY e.${by} DESC, e.articles DESC LIMIT ?`),
      aliasPrefix: statement(`SELECT ${E_ENTITY} FROM entities e WHERE e.id IN (SELECT entity_id FROM entity_aliases WHERE norm >= ? AND norm < ?) AND ${typed} ORDER BY e.${by} DESC, e.articles DESC LIMIT ?`),
      inside: statement(`SELECT ${E_ENTITY} FROM entities_fts JOIN entities e ON e.id = entities_fts.rowid WHERE entities_fts MATCH ? AND ${typed} ORDER BY bm25(entities_fts), e.${by} DESC LIMIT ?`),
      aliasInside: statement(`SELECT ${E_ENTITY} FROM entity_aliases_fts f JOIN entity_aliases a ON a.id = f.rowid JOIN entities e ON e.id = a.entity_id WHERE entity_aliases_fts MATCH ? AND ${typed} ORDER BY bm25(entity_aliases_fts), e.${by} DESC LIMIT ?`),
      top: statement(`SELECT ${E_ENTITY} FROM entities e WHERE ${typed} ORDER BY e.${by} DESC, e.articles DESC LIMIT ? OFFSET ?`),
    };
    const want = offset + limit + 1;
    const norm = normaliseName(query);
    let rows: GlobalEntity[] = [];
    if (norm === '') rows = tiers.top.all(...tp, want, 0) as GlobalEntity[];
    else {
      const seen = new Set<number>();
      const add = (list: GlobalEntity[]): void => {
        for (const r of list) if (!seen.has(r.id)) (seen.add(r.id), rows.push(r));
      };
      add(tiers.exact.all(norm, norm, ...tp, want) as GlobalEntity[]);
      add(tiers.prefix.all(norm, `${norm}\uffff`, ...tp, want) as GlobalEntity[]);
      if (rows.length < want) add(tiers.aliasPrefix.all(norm, `${norm}\uffff`, ...tp, want) as GlobalEntity[]);
      const letters = norm.replace(/"/gu, '');
      if (rows.length < want && letters.length >= 3) {
        add(tiers.inside.all(`"${letters}"`, ...tp, want) as GlobalEntity[]);
        if (rows.length < want) add(tiers.aliasInside.all(`"${letters}"`, ...tp, want) as GlobalEntity[]);
        const grams = [...new Set(Array.from({ length: letters.length - 2 }, (_, i) => letters.slice(i, i + 3)).filter((g) => !g.includes(' ')))];
        if (rows.length === 0 && grams.length > 0) {
          const shared = (name: string): number => grams.filter((g) => normaliseName(name).includes(g)).length / grams.length;
          add((tiers.inside.all(grams.map((g) => `"${g}"`).join(' OR '), ...tp, 200) as GlobalEntity[]).filter((e) => shared(e.name) >= 0.5).slice(0, want));
        }
      }
    }
    const page = rows.slice(offset, offset + limit);
    return { items: page, nextCursor: rows.length > offset + limit ? encodeCursor(offset + limit) : null };
  };
}
