import type { AsyncGraphStore } from '../async.js';
import type { EventMap, Network, PeriodCount } from '../graph.js';
import { ASSERTED, eventWhere, weightOf } from '../sqlite/event-sql.js';
import type { PgDb } from './dialect.js';

// Note: the most recent events a network, timeline or map is drawn from, as on SQLite; keeps every query bounded.
const WINDOW = 5000;

/**
 * The period (SQL, on a date column) an event counts in, as `sqlite/event-sql.ts`' periodSql: its month, a week's
 * (`2025-W37`) by the month of its Thursday, else its year.
 */
export function pgPeriodSql(date: string): string {
  // Note: the Monday of ISO week 1 is 4 January's week's; plus (week - 1) weeks and 3 days is the week's Thursday.
  const jan4 = `make_date(substr(${date}, 1, 4)::integer, 1, 4)`;
  const thursday = `(${jan4} - (extract(isodow FROM ${jan4})::integer - 1) + ((substr(${date}, 7, 2)::integer - 1) * 7 + 3))`;
  return `CASE WHEN ${date} ~ '^[0-9]{4}-[01][0-9]' THEN substr(${date}, 1, 7)
    WHEN ${date} ~ '^[0-9]{4}-W[0-5][0-9]' THEN to_char(${thursday}, 'YYYY-MM')
    ELSE substr(${date}, 1, 4) END`;
}

/** The sums of a window of events by quad class. */
const BY_QUAD = "sum(e.w) AS events, sum(CASE WHEN e.quad LIKE '%cooperation' THEN e.w ELSE 0 END) AS cooperation, sum(CASE WHEN e.quad LIKE '%conflict' THEN e.w ELSE 0 END) AS conflict";

/** The network, the timeline and the map of the PostgreSQL store's events. */
export function pgNetwork(db: PgDb): Pick<AsyncGraphStore, 'network' | 'timeline' | 'eventMap'> {
  return {
    async network(filter, limit, count) {
      const { where, params } = eventWhere(filter, count, ASSERTED);
      // Note: each event's sides are read by its id (LATERAL, on the index by event): joined as tables, the planner
      // hashed every target of the store for a window of a few hundred events.
      const rows = await db.all<{ source: number; target: number; quad: string; n: number; ids: string }>(`
        SELECT s.entity_id AS source, t.entity_id AS target, e.quad AS quad, sum(e.w) AS n, string_agg(e.id::text, ',' ORDER BY e.id DESC) AS ids
        FROM (SELECT e.id, e.quad, ${weightOf(count)} AS w FROM events e WHERE ${where} ORDER BY e.id DESC LIMIT ${WINDOW}) e
        CROSS JOIN LATERAL (SELECT entity_id FROM event_actors WHERE event_id = e.id AND role = 'source' AND entity_id IS NOT NULL) s
        CROSS JOIN LATERAL (SELECT entity_id FROM event_actors WHERE event_id = e.id AND role = 'target' AND entity_id IS NOT NULL) t
        WHERE s.entity_id <> t.entity_id
        GROUP BY s.entity_id, t.entity_id, e.quad ORDER BY s.entity_id, t.entity_id, e.quad`, ...params);
      const edges = new Map<string, { source: number; target: number; weight: number; cooperation: number; conflict: number; byQuad: Map<string, number>; events: number[] }>();
      for (const r of rows) {
        const key = `${r.source}>${r.target}`;
        const edge = edges.get(key) ?? { source: r.source, target: r.target, weight: 0, cooperation: 0, conflict: 0, byQuad: new Map<string, number>(), events: [] };
        edge.weight += r.n;
        if (r.quad.endsWith('cooperation')) edge.cooperation += r.n;
        else edge.conflict += r.n;
        edge.byQuad.set(r.quad, (edge.byQuad.get(r.quad) ?? 0) + r.n);
        edge.events.push(...r.ids.split(',').map(Number).slice(0, 50));
        edges.set(key, edge);
      }
      const degree = new Map<number, number>();
      for (const e of edges.values()) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + e.weight);
      const keep = new Set([...degree].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([id]) => id));
      if (filter.actor !== undefined && degree.has(filter.actor)) keep.add(filter.actor);
      // Note: the nodes' entities in one statement (one a node was 60 round trips a network).
      const named = new Map((await db.all<{ id: number; name: string; type: string }>('SELECT id, name, type FROM entities WHERE id = ANY(?::integer[])', [...keep])).map((e) => [e.id, e]));
      const nodes = [...keep].map((id) => ({ id, name: named.get(id)!.name, type: named.get(id)!.type, events: degree.get(id) ?? 0 }));
      const kept = [...edges.values()].filter((e) => keep.has(e.source) && keep.has(e.target));
      return {
        nodes,
        edges: kept.map(({ byQuad, events, ...e }) => ({ ...e, quad: [...byQuad].sort((a, b) => b[1] - a[1])[0]![0], events: events.slice(0, 50) })),
      } satisfies Network;
    },
    async timeline(filter, count) {
      const { where, params } = eventWhere(filter, count, ASSERTED);
      return db.all<PeriodCount>(`
        SELECT e.period, ${BY_QUAD}
        FROM (SELECT ${pgPeriodSql('e.date')} AS period, e.quad, ${weightOf(count)} AS w FROM events e WHERE ${where} AND e.date IS NOT NULL AND e.date ~ '^[0-9]{4}' ORDER BY e.id DESC LIMIT ${WINDOW}) e
        GROUP BY e.period ORDER BY e.period`, ...params);
    },
    async eventMap(filter, count) {
      const { where, params } = eventWhere(filter, count, ASSERTED);
      // Note: the same window of newest events as the network and the timeline, so the three views agree.
      const rows = await db.all<{ lat: number | null; lon: number | null; events: number; cooperation: number; conflict: number }>(`
        SELECT e.lat, e.lon, ${BY_QUAD}
        FROM (SELECT e.lat, e.lon, e.quad, ${weightOf(count)} AS w FROM events e WHERE ${where} ORDER BY e.id DESC LIMIT ${WINDOW}) e
        GROUP BY e.lat, e.lon ORDER BY events DESC, e.lat, e.lon`, ...params);
      const placed = rows.filter((r): r is typeof r & { lat: number; lon: number } => r.lat !== null && r.lon !== null);
      return { points: placed, unplaced: rows.filter((r) => r.lat === null || r.lon === null).reduce((n, r) => n + r.events, 0) } satisfies EventMap;
    },
  };
}
