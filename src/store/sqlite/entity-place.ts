import type Database from 'better-sqlite3';
import type { GeoPointRow } from '../graph.js';

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
