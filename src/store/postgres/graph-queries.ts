import type pg from 'pg';
import type { EventMode } from '../../article/layers.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { AsyncGraphStore } from '../async.js';
import type { CountBy, EventActorRow, EventFilter, EventModes, EventRow, FactFilter, GeoPointRow, GlobalEntity, MentionMap, MergeRow, QuoteRow, SourceRef } from '../graph.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { commonestPoint, mentionMapOf, mentionMapSql } from '../sqlite/entity-place.js';
import { ASSERTED, column, eventWhere, modeWhere, reportOf } from '../sqlite/event-sql.js';
import { ENTITY, E_ENTITY } from '../sqlite/entity-search.js';
import { quoteWhere } from '../sqlite/filter-sql.js';
import { pgDb, type PgDb } from './dialect.js';
import { countsOf, pgEntitySearch, readFacts } from './graph-reads.js';
import { pgNetwork } from './graph-network.js';
import { pgRemerge, pgUnmerge } from './unmerge.js';

// Note: the queries are the SQLite store's (`sqlite/graph-queries.ts`), their filters built by the same code.

/** The largest id a cursor names (ids are `integer`). */
const MAX_ID = 2_147_483_647;

const source = (row: { article: string; headline: string | null; published: string | null; sentence: number; start: number; end: number }): SourceRef => ({ article: row.article, headline: row.headline, published: row.published, sentence: row.sentence, start: row.start, end: row.end });

/** An entity's events of the modes taken: facts, or the copies that carried them. */
async function eventCount(db: PgDb, id: number, by: CountBy, modes: EventModes): Promise<number> {
  const mode = modeWhere({ modes }, modes);
  const sql = by === 'copies'
    ? 'SELECT coalesce(sum(a.copies), 0) AS n FROM events e JOIN articles a ON a.seq = e.article_seq WHERE e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)'
    : 'SELECT count(DISTINCT e.fact_id) AS n FROM events e WHERE e.id IN (SELECT event_id FROM event_actors WHERE entity_id = ?)';
  return (await db.get<{ n: number }>(mode ? `${sql} AND ${mode.where}` : sql, id, ...(mode?.params ?? [])))!.n;
}

/** A page of quotes. */
async function quotes(db: PgDb, filter: Parameters<AsyncGraphStore['quotes']>[0], { limit, cursor, count }: Parameters<AsyncGraphStore['quotes']>[1]): ReturnType<AsyncGraphStore['quotes']> {
  const where: string[] = ['q.id < ?'];
  const params: unknown[] = [Math.min(decodeCursor(cursor) ?? MAX_ID, MAX_ID)];
  // Note: an article's own quotes are all listed (each with its fact's counts); other lists give each fact once.
  if (column(count) === 'stories' && filter.article === undefined) where.push('q.lead = 1');
  if (filter.speaker !== undefined) where.push('q.speaker_id = ?'), params.push(filter.speaker);
  if (filter.article !== undefined) {
    const seq = await db.get<{ seq: number }>('SELECT seq FROM articles WHERE id = ?', filter.article);
    where.push('q.article_seq = ?'), params.push(seq?.seq ?? -1);
  }
  const filtered = quoteWhere(filter, count);
  if (filtered.where !== '1') where.push(filtered.where), params.push(...filtered.params);
  const rows = await db.all(`SELECT q.id, q.fact_id AS fact, q.speaker_id AS speaker, q.speaker_text AS speakerText, q.kind, q.cue, q.content, q.date, q.channels, a.id AS article, a.headline, a.published, q.sentence, q.start, q.end FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE ${where.join(' AND ')} ORDER BY q.id DESC LIMIT ?`, ...params, limit + 1);
  const page = rows.slice(0, limit);
  const facts = await readFacts(db, 'quote', page.map((r) => r['fact'] as number | null));
  const items: QuoteRow[] = page.map((r) => ({ id: r['id'] as number, speaker: r['speaker'] as number | null, speakerText: r['speakerText'] as string | null, kind: r['kind'] as string, cue: r['cue'] as string, content: r['content'] as string, date: r['date'] as string | null, channels: JSON.parse(r['channels'] as string) as string[], source: source(r as never), ...countsOf(facts, r['fact'] as number | null) }));
  return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!.id) : null };
}

/** A page of events. */
async function events(db: PgDb, filter: EventFilter, { limit, cursor, count }: Parameters<AsyncGraphStore['events']>[1]): ReturnType<AsyncGraphStore['events']> {
  const { where, params } = eventWhere(filter, count, 'all');
  const before = Math.min(decodeCursor(cursor) ?? MAX_ID, MAX_ID);
  // Note: the quote is found by its article and local id (an index); its speaker entity follows an undone merge.
  const rows = await db.all(`SELECT e.id, e.fact_id AS fact, e.cameo, e.plover, e.quad, e.mode, e.date, e.trigger, e.sentence, e.start, e.end, e.confidence, e.reported_by AS reportedBy, a.id AS article, a.headline, a.published,
    q.id AS quoteId, q.kind AS quoteKind, q.speaker_id AS quoteSpeaker, q.speaker_text AS quoteSpeakerText, q.channels AS quoteChannels, q.start AS quoteStart, q.end AS quoteEnd
    FROM events e JOIN articles a ON a.seq = e.article_seq LEFT JOIN quotes q ON q.article_seq = e.article_seq AND q.local_id = e.quote_local
    WHERE ${where} AND e.id < ? ORDER BY e.id DESC LIMIT ?`, ...params, before, limit + 1);
  const page = rows.slice(0, limit);
  const facts = await readFacts(db, 'event', page.map((r) => r['fact'] as number | null));
  const ids = page.map((r) => r['id'] as number);
  const actors = ids.length === 0 ? [] : await db.all<EventActorRow & { event_id: number; role: string }>('SELECT a.event_id, a.role, a.entity_id AS entity, e.name, a.code, a.country, a.text FROM event_actors a LEFT JOIN entities e ON e.id = a.entity_id WHERE a.event_id = ANY(?::integer[]) ORDER BY a.id', ids);
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
  return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!.id) : null };
}

/** An entity's page. */
async function profile(db: PgDb, id: number, count: CountBy | undefined, modes: EventModes): ReturnType<AsyncGraphStore['profile']> {
  const entity = await db.get<GlobalEntity>(`SELECT ${ENTITY} FROM entities WHERE id = ?`, id);
  if (!entity) return null;
  const by = column(count);
  const pairs = await db.all<GlobalEntity & { pairStories: number; pairCopies: number }>(`SELECT p.stories AS pairStories, p.copies AS pairCopies, ${E_ENTITY} FROM entity_pairs p JOIN entities e ON e.id = p.other_id WHERE p.entity_id = ? AND p.${by} > 0 ORDER BY p.${by} DESC, p.other_id LIMIT 12`, id);
  const months = await db.all<{ month: string; stories: number; copies: number }>('SELECT month, stories, copies FROM entity_months WHERE entity_id = ? ORDER BY month', id);
  const quoteCount = by === 'copies'
    ? 'SELECT coalesce(sum(a.copies), 0) AS n FROM quotes q JOIN articles a ON a.seq = q.article_seq WHERE q.speaker_id = ?'
    : 'SELECT count(DISTINCT fact_id) AS n FROM quotes WHERE speaker_id = ?';
  return {
    entity,
    place: entity.type === 'GPE' || entity.type === 'LOC' ? await placeOf(db, id) : null,
    roles: await db.all<{ role: string; first: string | null; last: string | null; articles: number }>('SELECT role, first, last, articles FROM entity_roles WHERE entity_id = ? ORDER BY articles DESC, role LIMIT 20', id),
    mentionsByMonth: months.filter((m) => m[by] > 0).map((m) => ({ month: m.month, mentions: m[by], stories: m.stories, copies: m.copies })),
    coActors: pairs.map(({ pairStories, pairCopies, ...e }) => ({ entity: e, articles: by === 'copies' ? pairCopies : pairStories, stories: pairStories, copies: pairCopies })),
    quotes: (await db.get<{ n: number }>(quoteCount, id))!.n,
    events: await eventCount(db, id, by, modes),
  };
}

/** Where a place entity is, as `sqlite/entity-place.ts` says: the commonest point of its latest five articles' entities. */
async function placeOf(db: PgDb, id: number): Promise<GeoPointRow | null> {
  const rows = await db.all<{ local_id: string; doc: string }>(`
    SELECT m.local_id, a.doc FROM (SELECT article_seq, local_id FROM mentions WHERE entity_id = ? GROUP BY article_seq, local_id ORDER BY article_seq DESC LIMIT 5) m
    JOIN articles a ON a.seq = m.article_seq ORDER BY m.article_seq DESC`, id);
  const points = rows.flatMap((r) => {
    const geo = (JSON.parse(r.doc) as WiregraphDoc).entities.find((e) => e.id === r.local_id)?.geo;
    return geo ? [geo] : [];
  });
  return commonestPoint(points);
}

/** The place mentions of a filter by point, with the SQL the SQLite store runs. */
async function mentionMap(db: PgDb, filter: FactFilter): Promise<MentionMap> {
  const sql = mentionMapSql(filter);
  return mentionMapOf(await db.all(sql.points, ...sql.args), await db.all(sql.named, ...sql.args));
}

/** The graph queries of a PostgreSQL store (see {@link GraphStore}), each on a connection of the pool. */
export function pgGraphQueries(pool: pg.Pool): AsyncGraphStore {
  const db = pgDb(pool);
  const entity = async (id: number): Promise<GlobalEntity | null> => (await db.get<GlobalEntity>(`SELECT ${ENTITY} FROM entities WHERE id = ?`, id)) ?? null;
  const network = pgNetwork(db);
  return {
    findEntities: pgEntitySearch(db),
    entity,
    profile: (id, count, modes = ASSERTED) => profile(db, id, count, modes),
    quotes: (filter, page) => quotes(db, filter, page),
    events: (filter, page) => events(db, filter, page),
    ...network,
    mentionMap: (filter) => mentionMap(db, filter),
    articleEntities: (article) => db.all<{ localId: string; entity: number }>('SELECT m.local_id AS localId, m.entity_id AS entity FROM merges m JOIN articles a ON a.seq = m.article_seq WHERE a.id = ? ORDER BY m.id', article),
    // Note: the first 100 of each side (on the indexes by entity and id) hold the first 100 of both; an entity in
    // thousands of articles read all its merges before.
    async merges(id) {
      const rows = await db.all<MergeRow>(`SELECT m.id, a.id AS article, a.headline, m.local_id AS localId, m.name, m.entity_id AS entity, m.reason, m.undone_at IS NOT NULL AS undone, m.original_entity_id AS original, o.name AS originalName
        FROM merges m JOIN articles a ON a.seq = m.article_seq JOIN entities o ON o.id = m.original_entity_id
        WHERE m.id IN (SELECT id FROM (SELECT id FROM merges WHERE entity_id = ? ORDER BY id LIMIT 100) x UNION SELECT id FROM (SELECT id FROM merges WHERE original_entity_id = ? ORDER BY id LIMIT 100) y) ORDER BY m.id LIMIT 100`, id, id);
      return rows;
    },
    unmerge: async (mergeId) => (await entity(await pgUnmerge(pool, mergeId)))!,
    remerge: async (mergeId) => (await entity(await pgRemerge(pool, mergeId)))!,
  };
}
