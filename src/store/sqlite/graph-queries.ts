import type Database from 'better-sqlite3';
import type { EventMode } from '../../article/layers.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { CountBy, EventActorRow, EventModes, EventRow, EventMap, GlobalEntity, GraphStore, MergeRow, Network, QuoteRow, SourceRef } from '../graph.js';
import { ASSERTED, column, eventWhere, modeWhere, periodSql, reportOf, weightOf } from './event-sql.js';
import { E_ENTITY, ENTITY, entitySearch } from './entity-search.js';
import { countsOf, factReader } from './graph-fact-reads.js';
import { quoteWhere } from './filter-sql.js';
import { remergeOne, unmergeOne } from './unmerge.js';
import { entityPlace, mentionMap } from './entity-place.js';
import type { Page } from '../store.js';

// Note: the most recent events a network or timeline is drawn from; keeps every query bounded.
const WINDOW = 5000;

/** The graph queries of a SQLite store. */
export function graphQueries(db: Database.Database): GraphStore {
  const entityById = db.prepare(`SELECT ${ENTITY} FROM entities WHERE id = ?`);
  const roles = db.prepare('SELECT role, first, last, articles FROM entity_roles WHERE entity_id = ? ORDER BY articles DESC LIMIT 20');
  const months = db.prepare('SELECT month, stories, copies FROM entity_months WHERE entity_id = ? ORDER BY month');
  const placeOf = entityPlace(db);
  // Note: facts are counted when a page is read (on the speaker's and the actor's indexes), so an undone merge needs no counter fixed.
  const quoteCount = {
    stories: db.prepare('SELECT count(DISTINCT fact_id) AS n FROM quotes WHERE speaker_id = ?'),
    copies: db.prepare('SELECT coalesce(sum(a.copies), 0) AS n FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE q.speaker_id = ?'),
  };
  /** An entity's events of the modes taken: facts, or the copies that carried them. */
  const eventCount = (id: number, by: CountBy, modes: EventModes): number => {
    const mode = modeWhere({ modes }, modes);
    const sql = by === 'copies'
      ? 'SELECT coalesce(sum(a.copies), 0) AS n FROM events e JOIN articles a ON a.seq = e.article_seq WHERE e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)'
      : 'SELECT count(DISTINCT e.fact_id) AS n FROM events e WHERE e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)';
    return (statement(mode ? `${sql} AND ${mode.where}` : sql).get(id, ...(mode?.params ?? [])) as { n: number }).n;
  };
  const quoteFacts = factReader(db, 'quote');
  const eventFacts = factReader(db, 'event');
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
  const mergesOf = db.prepare(`SELECT m.id, a.id AS article, a.headline, m.local_id AS localId, m.name, m.entity_id AS entity, m.reason, m.undone_at IS NOT NULL AS undone, m.original_entity_id AS original, o.name AS originalName
    FROM merges m JOIN articles a ON a.seq = m.article_seq JOIN entities o ON o.id = m.original_entity_id
    WHERE m.id IN (SELECT id FROM merges WHERE entity_id = ? UNION SELECT id FROM merges WHERE original_entity_id = ?) ORDER BY m.id LIMIT 100`);

  const source = (row: { article: string; headline: string | null; published: string | null; sentence: number; start: number; end: number }): SourceRef => ({ article: row.article, headline: row.headline, published: row.published, sentence: row.sentence, start: row.start, end: row.end });

  return {
    findEntities: entitySearch(statement),
    entity: (id) => (entityById.get(id) as GlobalEntity | undefined) ?? null,
    profile(id, count, modes = ASSERTED) {
      const entity = entityById.get(id) as GlobalEntity | undefined;
      if (!entity) return null;
      const by = column(count);
      const pairs = statement(`SELECT p.stories AS pairStories, p.copies AS pairCopies, ${E_ENTITY} FROM entity_pairs p JOIN entities e ON e.id = p.other_id WHERE p.entity_id = ? AND p.${by} > 0 ORDER BY p.${by} DESC LIMIT 12`);
      const n = (st: Database.Statement): number => (st.get(id) as { n: number }).n;
      return {
        entity,
        place: entity.type === 'GPE' || entity.type === 'LOC' ? placeOf(id) : null,
        roles: roles.all(id) as Array<{ role: string; first: string | null; last: string | null; articles: number }>,
        mentionsByMonth: (months.all(id) as Array<{ month: string; stories: number; copies: number }>).filter((m) => m[by] > 0).map((m) => ({ month: m.month, mentions: m[by], stories: m.stories, copies: m.copies })),
        coActors: (pairs.all(id) as Array<GlobalEntity & { pairStories: number; pairCopies: number }>).map(({ pairStories, pairCopies, ...e }) => ({ entity: e, articles: by === 'copies' ? pairCopies : pairStories, stories: pairStories, copies: pairCopies })),
        quotes: n(quoteCount[by]),
        events: eventCount(id, by, modes),
      };
    },
    quotes(filter, { limit, cursor, count }) {
      const before = decodeCursor(cursor) ?? Number.MAX_SAFE_INTEGER;
      const where: string[] = ['q.id < ?'];
      const params: unknown[] = [before];
      // Note: an article's own quotes are all listed (each with its fact's counts); other lists give each fact once.
      if (column(count) === 'stories' && filter.article === undefined) where.push('q.lead = 1');
      if (filter.speaker !== undefined) {
        where.push('q.speaker_id = ?');
        params.push(filter.speaker);
      }
      if (filter.article !== undefined) {
        const seq = articleSeq.get(filter.article) as { seq: number } | undefined;
        where.push('q.article_seq = ?');
        params.push(seq?.seq ?? -1);
      }
      const filtered = quoteWhere(filter, count);
      if (filtered.where !== '1') {
        where.push(filtered.where);
        params.push(...filtered.params);
      }
      const rows = statement(`SELECT q.id, q.fact_id AS fact, q.speaker_id AS speaker, q.speaker_text AS speakerText, q.kind, q.cue, q.content, q.date, q.channels, a.id AS article, a.headline, a.published, q.sentence, q.start, q.end FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE ${where.join(' AND ')} ORDER BY q.id DESC LIMIT ?`).all(...params, limit + 1) as Array<Record<string, unknown>>;
      const page = rows.slice(0, limit);
      const facts = quoteFacts(page.map((r) => r['fact'] as number | null));
      const items: QuoteRow[] = page.map((r) => ({ id: r['id'] as number, speaker: r['speaker'] as number | null, speakerText: r['speakerText'] as string | null, kind: r['kind'] as string, cue: r['cue'] as string, content: r['content'] as string, date: r['date'] as string | null, channels: JSON.parse(r['channels'] as string) as string[], source: source(r as never), ...countsOf(facts, r['fact'] as number | null) }));
      return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!.id) : null };
    },
    events(filter, { limit, cursor, count }) {
      const { where, params } = eventWhere(filter, count, 'all');
      const before = decodeCursor(cursor) ?? Number.MAX_SAFE_INTEGER;
      // Note: the quote is found by its article and local id (an index); its speaker entity follows an undone merge.
      const rows = statement(`SELECT e.id, e.fact_id AS fact, e.cameo, e.plover, e.quad, e.mode, e.date, e.trigger, e.sentence, e.start, e.end, e.confidence, e.reported_by AS reportedBy, a.id AS article, a.headline, a.published,
        q.id AS quoteId, q.kind AS quoteKind, q.speaker_id AS quoteSpeaker, q.speaker_text AS quoteSpeakerText, q.channels AS quoteChannels, q.start AS quoteStart, q.end AS quoteEnd
        FROM events e JOIN articles a ON a.seq = e.article_seq LEFT JOIN quotes q ON q.article_seq = e.article_seq AND q.local_id = e.quote_local
        WHERE ${where} AND e.id < ? ORDER BY e.id DESC LIMIT ?`).all(...params, before, limit + 1) as Array<Record<string, unknown>>;
      const page = rows.slice(0, limit);
      const facts = eventFacts(page.map((r) => r['fact'] as number | null));
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
        ...reportOf(r),
        ...countsOf(facts, r['fact'] as number | null),
      }));
      return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!.id) : null } satisfies Page<EventRow>;
    },
    network(filter, limit, count) {
      const { where, params } = eventWhere(filter, count, ASSERTED);
      const rows = statement(`
        SELECT s.entity_id AS source, t.entity_id AS target, e.quad AS quad, sum(e.w) AS n, group_concat(e.id) AS ids
        FROM (SELECT e.id, e.quad, ${weightOf(count)} AS w FROM events e WHERE ${where} ORDER BY e.id DESC LIMIT ${WINDOW}) e
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
    timeline(filter, count) {
      const { where, params } = eventWhere(filter, count, ASSERTED);
      return statement(`
        SELECT ${periodSql('e.date')} AS period, sum(e.w) AS events,
               sum((e.quad LIKE '%cooperation') * e.w) AS cooperation, sum((e.quad LIKE '%conflict') * e.w) AS conflict
        FROM (SELECT e.date, e.quad, ${weightOf(count)} AS w FROM events e WHERE ${where} AND e.date IS NOT NULL AND e.date GLOB '[0-9][0-9][0-9][0-9]*' ORDER BY e.id DESC LIMIT ${WINDOW}) e
        GROUP BY period ORDER BY period`).all(...params) as Array<{ period: string; events: number; cooperation: number; conflict: number }>;
    },
    eventMap(filter, count) {
      const { where, params } = eventWhere(filter, count, ASSERTED);
      // Note: the same window of newest events as the network and the timeline, so the three views agree.
      const rows = statement(`
        SELECT e.lat, e.lon, sum(e.w) AS events,
               sum((e.quad LIKE '%cooperation') * e.w) AS cooperation, sum((e.quad LIKE '%conflict') * e.w) AS conflict
        FROM (SELECT e.lat, e.lon, e.quad, ${weightOf(count)} AS w FROM events e WHERE ${where} ORDER BY e.id DESC LIMIT ${WINDOW}) e
        GROUP BY e.lat, e.lon ORDER BY events DESC`).all(...params) as Array<{ lat: number | null; lon: number | null; events: number; cooperation: number; conflict: number }>;
      const placed = rows.filter((r): r is typeof r & { lat: number; lon: number } => r.lat !== null && r.lon !== null);
      return { points: placed, unplaced: rows.filter((r) => r.lat === null || r.lon === null).reduce((n, r) => n + r.events, 0) } satisfies EventMap;
    },
    mentionMap: (filter) => mentionMap(db, filter),
    articleEntities: (article) => articleEntities.all(article) as Array<{ localId: string; entity: number }>,
    merges: (entity) => (mergesOf.all(entity, entity) as Array<Omit<MergeRow, 'undone'> & { undone: number }>).map((m): MergeRow => ({ ...m, undone: Boolean(m.undone) })),
    unmerge: (mergeId) => db.transaction((): GlobalEntity => entityById.get(unmergeOne(db, mergeId)) as GlobalEntity)(),
    remerge: (mergeId) => db.transaction((): GlobalEntity => entityById.get(remergeOne(db, mergeId)) as GlobalEntity)(),
  };
}
