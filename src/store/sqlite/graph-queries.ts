import type Database from 'better-sqlite3';
import type { EventMode } from '../../article/layers.js';
import { WiregraphError } from '../../errors.js';
import { normaliseName } from '../../stages/entities/normalise.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { EventActorRow, EventFilter, EventRow, GlobalEntity, GraphStore, MergeRow, Network, QuoteRow, SourceRef } from '../graph.js';
import type { Page } from '../store.js';

const ENTITY = 'id, type, name, wikidata, country, cameo, mentions, articles';
// Note: the most recent events a network or timeline is drawn from; keeps every query bounded.
const WINDOW = 5000;

interface EventSql {
  readonly where: string;
  readonly params: unknown[];
}

/** The WHERE clause (on `events e`) for an event filter. */
function eventWhere(f: EventFilter): EventSql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.actor !== undefined) {
    where.push('e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)');
    params.push(f.actor);
  }
  if (f.counterpart !== undefined) {
    where.push('e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)');
    params.push(f.counterpart);
  }
  if (f.plover) {
    where.push('e.plover = ?');
    params.push(f.plover);
  }
  if (f.cameo) {
    where.push('e.root = ? AND e.cameo LIKE ?');
    params.push(f.cameo.slice(0, 2), `${f.cameo}%`);
  }
  if (f.mode) {
    where.push('e.mode = ?');
    params.push(f.mode);
  }
  if (f.from) {
    where.push('e.date >= ?');
    params.push(f.from);
  }
  if (f.to) {
    // Note: `to` is inclusive of everything it prefixes (`2024` takes `2024-12-31`).
    where.push('e.date < ?');
    params.push(`${f.to}\uffff`);
  }
  return { where: where.length > 0 ? where.join(' AND ') : '1', params };
}

/** The graph queries of a SQLite store. */
export function graphQueries(db: Database.Database): GraphStore {
  const entityById = db.prepare(`SELECT ${ENTITY} FROM entities WHERE id = ?`);
  const byPrefix = db.prepare(`SELECT ${ENTITY} FROM entities WHERE norm >= ? AND norm < ? AND (? IS NULL OR type = ?) ORDER BY articles DESC LIMIT ?`);
  const bySubstring = db.prepare(`SELECT ${ENTITY.split(', ').map((c) => `e.${c}`).join(', ')} FROM entities_fts JOIN entities e ON e.id = entities_fts.rowid WHERE entities_fts MATCH ? AND (? IS NULL OR e.type = ?) ORDER BY bm25(entities_fts), e.articles DESC LIMIT ?`);
  const top = db.prepare(`SELECT ${ENTITY} FROM entities WHERE (? IS NULL OR type = ?) ORDER BY articles DESC LIMIT ? OFFSET ?`);
  const roles = db.prepare('SELECT role, first, last, articles FROM entity_roles WHERE entity_id = ? ORDER BY articles DESC LIMIT 20');
  const months = db.prepare('SELECT month, mentions FROM entity_months WHERE entity_id = ? ORDER BY month');
  const pairs = db.prepare(`SELECT p.articles AS n, ${ENTITY.split(', ').map((c) => `e.${c}`).join(', ')} FROM entity_pairs p JOIN entities e ON e.id = p.other_id WHERE p.entity_id = ? ORDER BY p.articles DESC LIMIT 12`);
  const counts = db.prepare('SELECT quotes, events FROM entities WHERE id = ?');
  const articleSeq = db.prepare('SELECT seq FROM articles WHERE id = ?');
  const actorsOfEvents = db.prepare('SELECT a.event_id, a.role, a.entity_id AS entity, e.name, a.code, a.country, a.text FROM event_actors a LEFT JOIN entities e ON e.id = a.entity_id WHERE a.event_id IN (SELECT value FROM json_each(?))');
  const actorsOf = (ids: readonly number[]): Array<EventActorRow & { event_id: number; role: string }> => (ids.length === 0 ? [] : actorsOfEvents.all(JSON.stringify(ids)) as Array<EventActorRow & { event_id: number; role: string }>);
  // Note: the queries built from a filter are prepared once per shape of filter, not once per request.
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string): Database.Statement => {
    let st = prepared.get(sql);
    if (!st) prepared.set(sql, (st = db.prepare(sql)));
    return st;
  };
  const articleEntities = db.prepare('SELECT m.local_id AS localId, m.entity_id AS entity FROM merges m JOIN articles a ON a.seq = m.article_seq WHERE a.id = ?');
  const mergesOf = db.prepare(`SELECT m.id, a.id AS article, a.headline, m.local_id AS localId, m.entity_id AS entity, m.reason, m.undone_at IS NOT NULL AS undone FROM merges m JOIN articles a ON a.seq = m.article_seq
    WHERE m.id IN (SELECT id FROM merges WHERE entity_id = ? UNION SELECT id FROM merges WHERE original_entity_id = ?) ORDER BY m.id LIMIT 100`);

  const source = (row: { article: string; headline: string | null; published: string | null; sentence: number; start: number; end: number }): SourceRef => ({ article: row.article, headline: row.headline, published: row.published, sentence: row.sentence, start: row.start, end: row.end });

  return {
    findEntities(query, { limit, cursor, type }) {
      const offset = decodeCursor(cursor) ?? 0;
      const t = type ?? null;
      const want = offset + limit + 1;
      const norm = normaliseName(query);
      let rows: GlobalEntity[];
      if (norm === '') rows = top.all(t, t, want, 0) as GlobalEntity[];
      else {
        const seen = new Set<number>();
        rows = [];
        const add = (list: GlobalEntity[]): void => {
          for (const r of list) if (!seen.has(r.id)) (seen.add(r.id), rows.push(r));
        };
        add(byPrefix.all(norm, `${norm}\uffff`, t, t, want) as GlobalEntity[]);
        const letters = norm.replace(/"/gu, '');
        if (rows.length < want && letters.length >= 3) {
          add(bySubstring.all(`"${letters}"`, t, t, want) as GlobalEntity[]);
          // Note: fuzzy, only when nothing matched as written: names sharing at least half of the query's
          // three-letter pieces (`Puttin` finds `Putin`, not every name with `tin` in it).
          const grams = [...new Set(Array.from({ length: letters.length - 2 }, (_, i) => letters.slice(i, i + 3)).filter((g) => !g.includes(' ')))];
          if (rows.length === 0 && grams.length > 0) {
            const shared = (name: string): number => grams.filter((g) => normaliseName(name).includes(g)).length / grams.length;
            add((bySubstring.all(grams.map((g) => `"${g}"`).join(' OR '), t, t, 200) as GlobalEntity[]).filter((e) => shared(e.name) >= 0.5).slice(0, want));
          }
        }
      }
      const page = rows.slice(offset, offset + limit);
      return { items: page, nextCursor: rows.length > offset + limit ? encodeCursor(offset + limit) : null };
    },
    entity: (id) => (entityById.get(id) as GlobalEntity | undefined) ?? null,
    profile(id) {
      const entity = entityById.get(id) as GlobalEntity | undefined;
      if (!entity) return null;
      return {
        entity,
        roles: roles.all(id) as Array<{ role: string; first: string | null; last: string | null; articles: number }>,
        mentionsByMonth: months.all(id) as Array<{ month: string; mentions: number }>,
        coActors: (pairs.all(id) as Array<GlobalEntity & { n: number }>).map(({ n, ...e }) => ({ entity: e, articles: n })),
        ...(counts.get(id) as { quotes: number; events: number }),
      };
    },
    quotes(filter, { limit, cursor }) {
      const before = decodeCursor(cursor) ?? Number.MAX_SAFE_INTEGER;
      const where: string[] = ['q.id < ?'];
      const params: unknown[] = [before];
      if (filter.speaker !== undefined) {
        where.push('q.speaker_id = ?');
        params.push(filter.speaker);
      }
      if (filter.article !== undefined) {
        const seq = articleSeq.get(filter.article) as { seq: number } | undefined;
        where.push('q.article_seq = ?');
        params.push(seq?.seq ?? -1);
      }
      const rows = statement(`SELECT q.id, q.speaker_id AS speaker, q.speaker_text AS speakerText, q.kind, q.cue, q.content, q.date, a.id AS article, a.headline, a.published, q.sentence, q.start, q.end FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE ${where.join(' AND ')} ORDER BY q.id DESC LIMIT ?`).all(...params, limit + 1) as Array<Record<string, unknown>>;
      const items: QuoteRow[] = rows.slice(0, limit).map((r) => ({ id: r['id'] as number, speaker: r['speaker'] as number | null, speakerText: r['speakerText'] as string | null, kind: r['kind'] as string, cue: r['cue'] as string, content: r['content'] as string, date: r['date'] as string | null, source: source(r as never) }));
      return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!.id) : null };
    },
    events(filter, { limit, cursor }) {
      const { where, params } = eventWhere(filter);
      const before = decodeCursor(cursor) ?? Number.MAX_SAFE_INTEGER;
      const rows = statement(`SELECT e.id, e.cameo, e.plover, e.quad, e.mode, e.date, e.trigger, e.sentence, e.start, e.end, a.id AS article, a.headline, a.published FROM events e JOIN articles a ON a.seq = e.article_seq WHERE ${where} AND e.id < ? ORDER BY e.id DESC LIMIT ?`).all(...params, before, limit + 1) as Array<Record<string, unknown>>;
      const page = rows.slice(0, limit);
      const actors = actorsOf(page.map((r) => r['id'] as number));
      const side = (id: number, role: string): EventActorRow[] => actors.filter((a) => a.event_id === id && a.role === role).map(({ event_id: _e, role: _r, ...a }) => a);
      const items: EventRow[] = page.map((r) => ({
        id: r['id'] as number,
        cameo: r['cameo'] as string,
        plover: r['plover'] as string | null,
        quad: r['quad'] as string,
        mode: r['mode'] as EventMode,
        date: r['date'] as string | null,
        trigger: r['trigger'] as string,
        sourceActors: side(r['id'] as number, 'source'),
        targetActors: side(r['id'] as number, 'target'),
        source: source(r as never),
      }));
      return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!.id) : null } satisfies Page<EventRow>;
    },
    network(filter, limit) {
      const { where, params } = eventWhere(filter);
      const rows = statement(`
        SELECT s.entity_id AS source, t.entity_id AS target, e.quad AS quad, count(*) AS n, group_concat(e.id) AS ids
        FROM (SELECT e.id, e.quad FROM events e WHERE ${where} ORDER BY e.id DESC LIMIT ${WINDOW}) e
        JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' AND s.entity_id IS NOT NULL
        JOIN event_actors t ON t.event_id = e.id AND t.role = 'target' AND t.entity_id IS NOT NULL
        WHERE s.entity_id != t.entity_id
        GROUP BY s.entity_id, t.entity_id, e.quad`).all(...params) as Array<{ source: number; target: number; quad: string; n: number; ids: string }>;
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
      const nodes = [...keep].map((id) => {
        const e = entityById.get(id) as GlobalEntity;
        return { id, name: e.name, type: e.type, events: degree.get(id) ?? 0 };
      });
      const kept = [...edges.values()].filter((e) => keep.has(e.source) && keep.has(e.target));
      return {
        nodes,
        edges: kept.map(({ byQuad, events, ...e }) => ({ ...e, quad: [...byQuad].sort((a, b) => b[1] - a[1])[0]![0], events: events.slice(0, 50) })),
      } satisfies Network;
    },
    timeline(filter) {
      const { where, params } = eventWhere(filter);
      return statement(`
        SELECT substr(e.date, 1, 7) AS period, count(*) AS events,
               sum(e.quad LIKE '%cooperation') AS cooperation, sum(e.quad LIKE '%conflict') AS conflict
        FROM (SELECT e.date, e.quad FROM events e WHERE ${where} AND e.date IS NOT NULL AND e.date GLOB '[0-9][0-9][0-9][0-9]*' ORDER BY e.id DESC LIMIT ${WINDOW}) e
        GROUP BY period ORDER BY period`).all(...params) as Array<{ period: string; events: number; cooperation: number; conflict: number }>;
    },
    articleEntities: (article) => articleEntities.all(article) as Array<{ localId: string; entity: number }>,
    merges: (entity) => (mergesOf.all(entity, entity) as Array<Omit<MergeRow, 'undone'> & { undone: number }>).map((m): MergeRow => ({ ...m, undone: Boolean(m.undone) })),
    unmerge(mergeId) {
      return db.transaction((): GlobalEntity => {
        const m = db.prepare('SELECT * FROM merges WHERE id = ?').get(mergeId) as { article_seq: number; local_id: string; entity_id: number; name: string; type: string; undone_at: string | null } | undefined;
        if (!m) throw new WiregraphError('WG_NOT_FOUND', `No merge has id ${mergeId}.`);
        if (m.undone_at !== null) throw new WiregraphError('WG_BAD_OPTION', `Merge ${mergeId} was already undone.`);
        const id = Number(db.prepare('INSERT INTO entities (key, type, name, norm) VALUES (?, ?, ?, ?)').run(`split:${mergeId}`, m.type, m.name, normaliseName(m.name)).lastInsertRowid);
        const moved = db.prepare('UPDATE mentions SET entity_id = ? WHERE article_seq = ? AND local_id = ?').run(id, m.article_seq, m.local_id).changes;
        const quotes = db.prepare('UPDATE quotes SET speaker_id = ? WHERE article_seq = ? AND speaker_local = ?').run(id, m.article_seq, m.local_id).changes;
        const events = (db.prepare('SELECT count(DISTINCT event_id) AS n FROM event_actors WHERE local_id = ? AND event_id IN (SELECT id FROM events WHERE article_seq = ?)').get(m.local_id, m.article_seq) as { n: number }).n;
        db.prepare('UPDATE event_actors SET entity_id = ? WHERE local_id = ? AND event_id IN (SELECT id FROM events WHERE article_seq = ?)').run(id, m.local_id, m.article_seq);
        db.prepare('UPDATE entities SET mentions = mentions - ?, articles = articles - 1, quotes = quotes - ?, events = events - ? WHERE id = ?').run(moved, quotes, events, m.entity_id);
        db.prepare('UPDATE entities SET mentions = ?, articles = 1, quotes = ?, events = ? WHERE id = ?').run(moved, quotes, events, id);
        db.prepare("UPDATE merges SET entity_id = ?, reason = 'split', undone_at = ? WHERE id = ?").run(id, new Date().toISOString(), mergeId);
        return entityById.get(id) as GlobalEntity;
      })();
    },
  };
}
