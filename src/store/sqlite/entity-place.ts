import type Database from 'better-sqlite3';
import type { FactFilter, GeoPointRow, MentionMap } from '../graph.js';
import { articleWhere } from './filter-sql.js';

// Note: the latest articles that name the place are enough to say where it is; each costs one document's JSON.
const ARTICLES = 5;

/**
 * Where a place entity is: the point the geo stage gave its entity in the latest articles that mention it (read
 * from the stored documents), the commonest by gazetteer id, the latest on a tie; null when none was placed.
 */
export function entityPlace(db: Database.Database): (entityId: number) => GeoPointRow | null {
  const points = db.prepare(`
    SELECT e.value ->> '$.geo' AS geo
    FROM (SELECT article_seq, local_id FROM mentions WHERE entity_id = ? GROUP BY article_seq, local_id ORDER BY article_seq DESC LIMIT ${ARTICLES}) m
    JOIN articles a ON a.seq = m.article_seq, json_each(a.doc, '$.entities') e
    WHERE e.value ->> 'id' = m.local_id AND e.value ->> '$.geo.lat' IS NOT NULL
    ORDER BY m.article_seq DESC`).pluck();
  return (entityId) => commonestPoint((points.all(entityId) as string[]).map((g) => JSON.parse(g) as GeoPointRow));
}

/** The point named most often (by gazetteer id), the first given on a tie; null for none. */
export function commonestPoint(points: readonly GeoPointRow[]): GeoPointRow | null {
  const counts = new Map<string, number>();
  for (const p of points) counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
  let best: GeoPointRow | null = null;
  for (const p of points) if (best === null || counts.get(p.id)! > counts.get(best.id)!) best = p;
  return best === null ? null : { lat: best.lat, lon: best.lon, kind: best.kind, id: best.id, country: best.country, name: best.name };
}

// Note: the newest articles a mention map is drawn from, as the event map keeps to the newest events.
const MAP_ARTICLES = 5000;
const MAP_POINTS = 1000;

/** The two statements of a mention map (with `?` parameters, read by PostgreSQL too) and their arguments. */
export function mentionMapSql(filter: FactFilter): { points: string; named: string; args: unknown[] } {
  const { type, ...ofArticle } = filter;
  const { where, params } = articleWhere(ofArticle);
  const selected = `FROM mentions m JOIN entities n ON n.id = m.entity_id
    WHERE m.lat IS NOT NULL ${type ? 'AND n.type = ?' : ''}
      AND m.article_seq IN (SELECT a.seq FROM articles a WHERE ${where} ORDER BY a.seq DESC LIMIT ${MAP_ARTICLES})`;
  return {
    points: `SELECT m.lat, m.lon, count(*) AS mentions, count(DISTINCT m.article_seq) AS articles ${selected}
      GROUP BY m.lat, m.lon ORDER BY mentions DESC, m.lat, m.lon LIMIT ${MAP_POINTS}`,
    named: `SELECT m.lat, m.lon, m.entity_id AS id, n.name, n.type, m.text, count(*) AS mentions ${selected}
      GROUP BY m.lat, m.lon, m.entity_id, n.name, n.type, m.text ORDER BY mentions DESC, m.entity_id, m.text`,
    args: [...(type ? [type] : []), ...params],
  };
}

type PointRow = { lat: number; lon: number; mentions: number; articles: number };
type NamedRow = { lat: number; lon: number; id: number; name: string; type: string; text: string };

/** The map's points, each with the words said most there and the entity named most (the named rows, most first). */
export function mentionMapOf(points: readonly PointRow[], named: readonly NamedRow[]): MentionMap {
  const top = new Map<string, { text: string; entity: { id: number; name: string; type: string } }>();
  for (const r of named) if (!top.has(`${r.lat},${r.lon}`)) top.set(`${r.lat},${r.lon}`, { text: r.text, entity: { id: r.id, name: r.name, type: r.type } });
  return { points: points.map((p) => ({ lat: p.lat, lon: p.lon, mentions: p.mentions, articles: p.articles, ...top.get(`${p.lat},${p.lon}`)! })) };
}

/** The place mentions of the newest articles a filter selects, by point, each with the entity named most there. */
export function mentionMap(db: Database.Database, filter: FactFilter): MentionMap {
  const sql = mentionMapSql(filter);
  return mentionMapOf(db.prepare(sql.points).all(...sql.args) as PointRow[], db.prepare(sql.named).all(...sql.args) as NamedRow[]);
}
