import type pg from 'pg';
import { WiregraphError } from '../../errors.js';
import { normaliseName } from '../../text/normalise.js';
import type { StoredAlias } from '../sqlite/entity-aliases.js';
import { PLAIN_TYPES } from '../sqlite/graph-index.js';
import { pgDb, type PgDb } from './dialect.js';
import { addAliases, coActorMentions, voteType } from './graph-index.js';
import { applyStory, dropEmpty, pairsOf, storyCounts } from './unmerge-story.js';

// Note: undo and redo of a merge as `sqlite/unmerge.ts` does them: each count of both entities is counted again
// from the rows, before and after the move, and the difference applied; in one transaction.

/** What one article adds to the graph counts, under the entity each of its mentions is in now. */
interface ArticleCounts {
  readonly entities: Map<number, { mentions: number; articles: number; quotes: number; events: number; copies: number }>;
  readonly pairs: Set<string>;
}

interface MergeRecord {
  readonly id: number;
  readonly original_entity_id: number;
  readonly article_seq: number;
  readonly local_id: string;
  readonly entity_id: number;
  readonly name: string;
  readonly type: string;
  readonly role: string | null;
  readonly wikidata: string | null;
  readonly country: string | null;
  readonly cameo: string | null;
  readonly aliases: string | null;
  readonly undone_at: string | null;
}

/** What an article counts for each entity it is in, as the indexer and the story indexer count it. */
async function articleCounts(db: PgDb, seq: number, copies: number): Promise<ArticleCounts> {
  const entities: ArticleCounts['entities'] = new Map();
  const of = (id: number) => {
    let c = entities.get(id);
    if (!c) entities.set(id, (c = { mentions: 0, articles: 0, quotes: 0, events: 0, copies: 0 }));
    return c;
  };
  for (const r of await db.all<{ id: number; n: number }>('SELECT entity_id AS id, count(*) AS n FROM mentions WHERE article_seq = ? GROUP BY entity_id', seq)) Object.assign(of(r.id), { mentions: r.n, copies });
  for (const { id } of await db.all<{ id: number }>('SELECT DISTINCT entity_id AS id FROM merges WHERE article_seq = ?', seq)) of(id).articles = 1;
  for (const r of await db.all<{ id: number; n: number }>('SELECT speaker_id AS id, count(*) AS n FROM quotes WHERE article_seq = ? AND speaker_id IS NOT NULL GROUP BY speaker_id', seq)) of(r.id).quotes = r.n;
  // Note: an entity's counter counts asserted events, as the indexer does.
  for (const r of await db.all<{ id: number; n: number }>("SELECT a.entity_id AS id, count(DISTINCT a.event_id) AS n FROM event_actors a JOIN events e ON e.id = a.event_id WHERE e.article_seq = ? AND e.mode = 'asserted' AND a.entity_id IS NOT NULL GROUP BY a.entity_id", seq)) of(r.id).events = r.n;
  return { entities, pairs: pairsOf(await coActorMentions(db, seq)) };
}

/** Runs a function in a transaction on one connection of the pool. */
async function inTransaction<T>(pool: pg.Pool, run: (db: PgDb) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await run(pgDb(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function mergeRecord(db: PgDb, mergeId: number): Promise<MergeRecord> {
  const m = await db.get<MergeRecord>('SELECT * FROM merges WHERE id = ? FOR UPDATE', mergeId);
  if (!m) throw new WiregraphError('WG_NOT_FOUND', `No merge has id ${mergeId}.`);
  return m;
}

/**
 * Undoes a merge: the article's entity becomes an entity of its own (the same one on a second undo after a redo).
 * @returns the entity the article's entity is in now
 * @throws WiregraphError `WG_NOT_FOUND` for no such merge, `WG_BAD_OPTION` when it was already undone
 */
export function pgUnmerge(pool: pg.Pool, mergeId: number): Promise<number> {
  return inTransaction(pool, async (db) => {
    const m = await mergeRecord(db, mergeId);
    if (m.undone_at !== null) throw new WiregraphError('WG_BAD_OPTION', `Merge ${mergeId} was already undone.`);
    const to = (await db.get<{ id: number }>(`INSERT INTO entities (key, type, name, norm, wikidata, country, cameo) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET type = excluded.type, name = excluded.name, norm = excluded.norm, wikidata = excluded.wikidata, country = excluded.country, cameo = excluded.cameo
      RETURNING id`, `split:${mergeId}`, m.type, m.name, normaliseName(m.name), m.wikidata, m.country, m.cameo))!.id;
    await moveMerge(db, m, to, new Date().toISOString());
    return to;
  });
}

/**
 * Redoes an undone merge: the article's entity joins the entity it was first merged into again.
 * @returns the entity the merge is in again
 * @throws WiregraphError `WG_NOT_FOUND` for no such merge, `WG_BAD_OPTION` when it is not undone
 */
export function pgRemerge(pool: pg.Pool, mergeId: number): Promise<number> {
  return inTransaction(pool, async (db) => {
    const m = await mergeRecord(db, mergeId);
    if (m.undone_at === null) throw new WiregraphError('WG_BAD_OPTION', `Merge ${mergeId} is not undone; there is nothing to redo.`);
    await moveMerge(db, m, m.original_entity_id, null);
    await db.run("UPDATE merges SET reason = 'restored' WHERE id = ? AND reason = 'split'", mergeId);
    await renameFromMerges(db, m.original_entity_id);
    return m.original_entity_id;
  });
}

/** Moves one merge from the entity it is in to another, and counts both again (see `sqlite/unmerge.ts`' moveMerge). */
async function moveMerge(db: PgDb, m: MergeRecord, to: number, undoneAt: string | null): Promise<void> {
  const from = m.entity_id;
  const seq = m.article_seq;
  const article = (await db.get<{ story: number | null; copies: number; month: string }>("SELECT story_id AS story, copies, coalesce(graph_month, 'undated') AS month FROM articles WHERE seq = ?", seq))!;
  const storySeqs = article.story === null ? [] : (await db.all<{ seq: number }>('SELECT seq FROM articles WHERE story_id = ? ORDER BY seq', article.story)).map((r) => r.seq);
  const before = { article: await articleCounts(db, seq, article.copies), story: await storyCounts(db, storySeqs) };
  await db.run('UPDATE mentions SET entity_id = ? WHERE article_seq = ? AND local_id = ?', to, seq, m.local_id);
  await db.run('UPDATE quotes SET speaker_id = ? WHERE article_seq = ? AND speaker_local = ?', to, seq, m.local_id);
  await db.run('UPDATE event_actors SET entity_id = ? WHERE local_id = ? AND event_id IN (SELECT id FROM events WHERE article_seq = ?)', to, m.local_id, seq);
  await db.run('UPDATE merges SET entity_id = ?, undone_at = ? WHERE id = ?', to, undoneAt, m.id);
  const after = { article: await articleCounts(db, seq, article.copies), story: await storyCounts(db, storySeqs) };
  await applyArticle(db, before.article, after.article, article.month, article.copies);
  if (article.story !== null) await applyStory(db, article.story, before.story, after.story, storySeqs);
  const aliases = JSON.parse(m.aliases ?? '[]') as StoredAlias[];
  await addAliases(db, from, aliases, -1);
  await addAliases(db, to, aliases);
  if (m.role !== null) for (const id of [from, to]) await recountRole(db, id, m.role);
  await renameFromMerges(db, from);
}

/** Takes an article's counts out under the entities they were in, and puts them in under the entities they are in now. */
async function applyArticle(db: PgDb, before: ArticleCounts, after: ArticleCounts, month: string, copies: number): Promise<void> {
  const zero = { mentions: 0, articles: 0, quotes: 0, events: 0, copies: 0 };
  for (const id of new Set([...before.entities.keys(), ...after.entities.keys()])) {
    const b = before.entities.get(id) ?? zero;
    const a = after.entities.get(id) ?? zero;
    if (Object.keys(zero).every((k) => a[k as keyof typeof zero] === b[k as keyof typeof zero])) continue;
    await db.run('UPDATE entities SET mentions = mentions + ?, articles = articles + ?, quotes = quotes + ?, events = events + ?, copies = copies + ? WHERE id = ?', a.mentions - b.mentions, a.articles - b.articles, a.quotes - b.quotes, a.events - b.events, a.copies - b.copies, id);
    await db.run('INSERT INTO entity_months (entity_id, month, mentions, copies) VALUES (?, ?, ?, ?) ON CONFLICT (entity_id, month) DO UPDATE SET mentions = entity_months.mentions + excluded.mentions, copies = entity_months.copies + excluded.copies', id, month, a.mentions - b.mentions, a.copies - b.copies);
  }
  const pair = 'INSERT INTO entity_pairs (entity_id, other_id, articles, copies) VALUES (?, ?, ?, ?) ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = entity_pairs.articles + excluded.articles, copies = entity_pairs.copies + excluded.copies';
  for (const p of before.pairs) if (!after.pairs.has(p)) await db.run(pair, ...p.split('>').map(Number), -1, -copies);
  for (const p of after.pairs) if (!before.pairs.has(p)) await db.run(pair, ...p.split('>').map(Number), 1, copies);
  await dropEmpty(db, [...before.entities.keys(), ...after.entities.keys()]);
}

/** Counts an entity's role again from its merges, as the indexer counts them. */
async function recountRole(db: PgDb, id: number, role: string): Promise<void> {
  const r = (await db.get<{ n: number; first: string | null; last: string | null }>(`SELECT count(*) AS n, min(d) AS first, max(d) AS last FROM (
      SELECT CASE WHEN p ~ '^[0-9]{4}-[0-9]{2}' THEN p END COLLATE "C" AS d
      FROM (SELECT coalesce(a.published, a.doc::json #>> '{meta,dateline,date}') AS p FROM merges m JOIN articles a ON a.seq = m.article_seq WHERE m.entity_id = ? AND m.role = ?) x) y`, id, role))!;
  if (r.n === 0) await db.run('DELETE FROM entity_roles WHERE entity_id = ? AND role = ?', id, role);
  else await db.run('INSERT INTO entity_roles (entity_id, role, first, last, articles) VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity_id, role) DO UPDATE SET first = excluded.first, last = excluded.last, articles = excluded.articles', id, role, r.first, r.last, r.n);
}

/** Names, types and links an entity from the merges it keeps, as the indexer did; one with no merge keeps what it had. */
async function renameFromMerges(db: PgDb, id: number): Promise<void> {
  const first = await db.get<{ id: number; name: string; type: string }>('SELECT id, name, type FROM merges WHERE entity_id = ? ORDER BY id LIMIT 1', id);
  if (!first) return;
  const state = first.type === 'NORP' ? await db.get<{ name: string }>("SELECT name FROM merges WHERE entity_id = ? AND type = 'GPE' ORDER BY id LIMIT 1", id) : undefined;
  const name = state?.name ?? first.name;
  const link = async (column: 'wikidata' | 'country' | 'cameo'): Promise<string | null> => (await db.get<{ v: string }>(`SELECT ${column} AS v FROM merges WHERE entity_id = ? AND ${column} IS NOT NULL ORDER BY id LIMIT 1`, id))?.v ?? null;
  const type = state ? 'GPE' : PLAIN_TYPES.has(first.type) ? (await voteType(db, id)) ?? first.type : first.type;
  await db.run('UPDATE entities SET name = ?, norm = ?, type = ?, wikidata = ?, country = ?, cameo = ? WHERE id = ?', name, normaliseName(name), type, await link('wikidata'), await link('country'), await link('cameo'), id);
}
