import type Database from 'better-sqlite3';
import { WiregraphError } from '../../errors.js';
import { normaliseName } from '../../text/normalise.js';
import { aliasWriter, type StoredAlias } from './entity-aliases.js';
import { coActorMentions } from './co-actors.js';
import { pairedEntities, typeVote } from './graph-index.js';

/** What one article adds to the graph counts, under the entity each of its mentions is in now. */
interface ArticleCounts {
  readonly entities: Map<number, { mentions: number; articles: number; quotes: number; events: number; copies: number }>;
  /** Its paired entities' pairs, both ways (`a>b`). */
  readonly pairs: Set<string>;
}

/** A story's counts of an entity: how many of its articles mention it, and the first of them (by storing order). */
type StoryCounts = Map<number, { articles: number; first: number }>;

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

/** Mentions per entity of each of some articles. */
function mentionsPer(db: Database.Database, seqs: readonly number[]): Map<number, Map<number, number>> {
  const rows = db.prepare('SELECT article_seq AS seq, entity_id AS id, count(*) AS n FROM mentions WHERE article_seq IN (SELECT value FROM json_each(?)) GROUP BY article_seq, entity_id').all(JSON.stringify(seqs)) as Array<{ seq: number; id: number; n: number }>;
  const per = new Map<number, Map<number, number>>(seqs.map((s) => [s, new Map()]));
  for (const r of rows) per.get(r.seq)!.set(r.id, r.n);
  return per;
}

/** The pairs an article's mentions make (its most mentioned entities, as the indexer pairs them), both ways. */
function pairsOf(mentions: ReadonlyMap<number, number>): Set<string> {
  const top = pairedEntities(mentions);
  return new Set(top.flatMap((a) => top.filter((b) => b !== a).map((b) => `${a}>${b}`)));
}

/** What an article counts for each entity it is in, as the indexer and the story indexer count it. */
function articleCounts(db: Database.Database, seq: number, copies: number): ArticleCounts {
  const mentions = mentionsPer(db, [seq]).get(seq)!;
  const entities: ArticleCounts['entities'] = new Map();
  const of = (id: number) => {
    let c = entities.get(id);
    if (!c) entities.set(id, (c = { mentions: 0, articles: 0, quotes: 0, events: 0, copies: 0 }));
    return c;
  };
  for (const [id, n] of mentions) Object.assign(of(id), { mentions: n, copies });
  for (const { id } of db.prepare('SELECT DISTINCT entity_id AS id FROM merges WHERE article_seq = ?').all(seq) as Array<{ id: number }>) of(id).articles = 1;
  for (const r of db.prepare('SELECT speaker_id AS id, count(*) AS n FROM quotes WHERE article_seq = ? AND speaker_id IS NOT NULL GROUP BY speaker_id').all(seq) as Array<{ id: number; n: number }>) of(r.id).quotes = r.n;
  // Note: an entity's counter counts asserted events, as the indexer does.
  const events = db.prepare("SELECT a.entity_id AS id, count(DISTINCT a.event_id) AS n FROM event_actors a JOIN events e ON e.id = a.event_id WHERE e.article_seq = ? AND e.mode = 'asserted' AND a.entity_id IS NOT NULL GROUP BY a.entity_id");
  for (const r of events.all(seq) as Array<{ id: number; n: number }>) of(r.id).events = r.n;
  return { entities, pairs: pairsOf(coActorMentions(db)(seq)) };
}

/** For each entity of a story's articles, how many of them mention it and the first that does. */
function storyCounts(db: Database.Database, seqs: readonly number[]): StoryCounts {
  const counts: StoryCounts = new Map();
  for (const [seq, mentions] of mentionsPer(db, seqs)) {
    for (const id of mentions.keys()) {
      const c = counts.get(id);
      counts.set(id, { articles: (c?.articles ?? 0) + 1, first: Math.min(c?.first ?? seq, seq) });
    }
  }
  return counts;
}

/** The pairs a story counts (`a>b`, a < b): the pairs of each of its articles, once. */
function storyPairs(db: Database.Database, seqs: readonly number[]): Set<string> {
  const pairs = new Set<string>();
  const coActors = coActorMentions(db);
  for (const seq of seqs) for (const p of pairsOf(coActors(seq))) if (Number(p.split('>')[0]) < Number(p.split('>')[1])) pairs.add(p);
  return pairs;
}

/**
 * Undoes a merge: the article's entity becomes an entity of its own, and every count of both entities is what it
 * would be had the merge never been made (see {@link moveMerge}). The merge keeps its reason, marked undone.
 * @throws WiregraphError `WG_NOT_FOUND` for no such merge, `WG_BAD_OPTION` when it was already undone
 */
export function unmergeOne(db: Database.Database, mergeId: number): number {
  const m = mergeRecord(db, mergeId);
  if (m.undone_at !== null) throw new WiregraphError('WG_BAD_OPTION', `Merge ${mergeId} was already undone.`);
  // Note: undone again after a redo, the merge goes back to the entity its first undo made (its id stays the one users saw).
  const split = db.prepare(`INSERT INTO entities (key, type, name, norm, wikidata, country, cameo) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET type = excluded.type, name = excluded.name, norm = excluded.norm, wikidata = excluded.wikidata, country = excluded.country, cameo = excluded.cameo
      RETURNING id`);
  const to = (split.get(`split:${mergeId}`, m.type, m.name, normaliseName(m.name), m.wikidata, m.country, m.cameo) as { id: number }).id;
  moveMerge(db, m, to, new Date().toISOString());
  return to;
}

/**
 * Redoes an undone merge: the article's entity joins the entity it was first merged into again, and every count of
 * both is what it would be had the merge never been undone (the entity the undo made is left with nothing, and is
 * no longer listed). Merges undone before reasons were kept read `restored`.
 * @returns the entity the merge is in again
 * @throws WiregraphError `WG_NOT_FOUND` for no such merge, `WG_BAD_OPTION` when it is not undone
 */
export function remergeOne(db: Database.Database, mergeId: number): number {
  const m = mergeRecord(db, mergeId);
  if (m.undone_at === null) throw new WiregraphError('WG_BAD_OPTION', `Merge ${mergeId} is not undone; there is nothing to redo.`);
  moveMerge(db, m, m.original_entity_id, null);
  db.prepare("UPDATE merges SET reason = 'restored' WHERE id = ? AND reason = 'split'").run(mergeId);
  renameFromMerges(db, m.original_entity_id);
  return m.original_entity_id;
}

function mergeRecord(db: Database.Database, mergeId: number): MergeRecord {
  const m = db.prepare('SELECT * FROM merges WHERE id = ?').get(mergeId) as MergeRecord | undefined;
  if (!m) throw new WiregraphError('WG_NOT_FOUND', `No merge has id ${mergeId}.`);
  return m;
}

/**
 * Moves one merge (an article's entity) from the entity it is in to another, and counts both again. The article's
 * own counts are taken out under the old entity and put back under the new one (mentions, articles, quotes,
 * events, copies; its month; its pairs, whose set changes when the move changes which entities are its most
 * mentioned); its story's counts are counted again (whether the story still mentions the old entity, in which month
 * it first did, which pairs it holds); the roles of both, and the old entity's name, type and links, are read
 * again from the merges that remain.
 */
function moveMerge(db: Database.Database, m: MergeRecord, to: number, undoneAt: string | null): void {
  const from = m.entity_id;
  const seq = m.article_seq;
  const article = db.prepare('SELECT story_id AS story, copies, coalesce(graph_month, ?) AS month FROM articles WHERE seq = ?').get('undated', seq) as { story: number | null; copies: number; month: string };
  const storySeqs = article.story === null ? [] : (db.prepare('SELECT seq FROM articles WHERE story_id = ?').all(article.story) as Array<{ seq: number }>).map((r) => r.seq);
  const before = { article: articleCounts(db, seq, article.copies), story: storyCounts(db, storySeqs) };

  db.prepare('UPDATE mentions SET entity_id = ? WHERE article_seq = ? AND local_id = ?').run(to, seq, m.local_id);
  db.prepare('UPDATE quotes SET speaker_id = ? WHERE article_seq = ? AND speaker_local = ?').run(to, seq, m.local_id);
  db.prepare('UPDATE event_actors SET entity_id = ? WHERE local_id = ? AND event_id IN (SELECT id FROM events WHERE article_seq = ?)').run(to, m.local_id, seq);
  db.prepare('UPDATE merges SET entity_id = ?, undone_at = ? WHERE id = ?').run(to, undoneAt, m.id);
  const after = { article: articleCounts(db, seq, article.copies), story: storyCounts(db, storySeqs) };

  applyArticle(db, before.article, after.article, article.month, article.copies);
  if (article.story !== null) applyStory(db, article.story, before.story, after.story, storySeqs);
  const aliases = JSON.parse(m.aliases ?? '[]') as StoredAlias[];
  const writer = aliasWriter(db);
  writer.remove(from, aliases);
  writer.add(to, aliases);
  if (m.role !== null) for (const id of [from, to]) recountRole(db, id, m.role);
  renameFromMerges(db, from);
}

/** Takes an article's counts out under the entities they were in, and puts them in under the entities they are in now. */
function applyArticle(db: Database.Database, before: ArticleCounts, after: ArticleCounts, month: string, copies: number): void {
  const counter = db.prepare('UPDATE entities SET mentions = mentions + ?, articles = articles + ?, quotes = quotes + ?, events = events + ?, copies = copies + ? WHERE id = ?');
  const monthly = db.prepare('INSERT INTO entity_months (entity_id, month, mentions, copies) VALUES (?, ?, ?, ?) ON CONFLICT (entity_id, month) DO UPDATE SET mentions = mentions + excluded.mentions, copies = copies + excluded.copies');
  const zero = { mentions: 0, articles: 0, quotes: 0, events: 0, copies: 0 };
  for (const id of new Set([...before.entities.keys(), ...after.entities.keys()])) {
    const b = before.entities.get(id) ?? zero;
    const a = after.entities.get(id) ?? zero;
    if (Object.keys(zero).every((k) => a[k as keyof typeof zero] === b[k as keyof typeof zero])) continue;
    counter.run(a.mentions - b.mentions, a.articles - b.articles, a.quotes - b.quotes, a.events - b.events, a.copies - b.copies, id);
    monthly.run(id, month, a.mentions - b.mentions, a.copies - b.copies);
  }
  const pair = db.prepare('INSERT INTO entity_pairs (entity_id, other_id, articles, copies) VALUES (?, ?, ?, ?) ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = articles + excluded.articles, copies = copies + excluded.copies');
  for (const p of before.pairs) if (!after.pairs.has(p)) pair.run(...p.split('>').map(Number), -1, -copies);
  for (const p of after.pairs) if (!before.pairs.has(p)) pair.run(...p.split('>').map(Number), 1, copies);
  db.prepare('DELETE FROM entity_months WHERE mentions = 0 AND stories = 0 AND copies = 0 AND entity_id IN (SELECT value FROM json_each(?))').run(JSON.stringify([...before.entities.keys(), ...after.entities.keys()]));
  db.prepare('DELETE FROM entity_pairs WHERE articles = 0 AND stories = 0 AND copies = 0 AND entity_id IN (SELECT value FROM json_each(?))').run(JSON.stringify([...before.entities.keys(), ...after.entities.keys()]));
}

/** Counts a story again for the entities its articles mention, before and after: presence, first month, pairs. */
function applyStory(db: Database.Database, story: number, before: StoryCounts, after: StoryCounts, seqs: readonly number[]): void {
  const monthOf = db.prepare("SELECT coalesce(graph_month, 'undated') AS month FROM articles WHERE seq = ?");
  const setStory = db.prepare('INSERT INTO entity_stories (entity_id, story_id, articles) VALUES (?, ?, ?) ON CONFLICT (entity_id, story_id) DO UPDATE SET articles = excluded.articles');
  const dropStory = db.prepare('DELETE FROM entity_stories WHERE entity_id = ? AND story_id = ?');
  const counter = db.prepare('UPDATE entities SET stories = stories + ? WHERE id = ?');
  const monthly = db.prepare('INSERT INTO entity_months (entity_id, month, mentions, stories) VALUES (?, ?, 0, ?) ON CONFLICT (entity_id, month) DO UPDATE SET stories = stories + excluded.stories');
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    if (a) setStory.run(id, story, a.articles);
    else dropStory.run(id, story);
    counter.run(Number(a !== undefined) - Number(b !== undefined), id);
    if (b) monthly.run(id, (monthOf.get(b.first) as { month: string }).month, -1);
    if (a) monthly.run(id, (monthOf.get(a.first) as { month: string }).month, 1);
  }
  const had = new Set((db.prepare('SELECT entity_id AS a, other_id AS b FROM story_pairs WHERE story_id = ?').all(story) as Array<{ a: number; b: number }>).map((p) => `${p.a}>${p.b}`));
  const has = storyPairs(db, seqs);
  const pair = db.prepare('INSERT INTO entity_pairs (entity_id, other_id, articles, stories) VALUES (?, ?, 0, ?) ON CONFLICT (entity_id, other_id) DO UPDATE SET stories = stories + excluded.stories');
  const addStoryPair = db.prepare('INSERT INTO story_pairs (story_id, entity_id, other_id) VALUES (?, ?, ?)');
  const dropStoryPair = db.prepare('DELETE FROM story_pairs WHERE story_id = ? AND entity_id = ? AND other_id = ?');
  for (const p of had) {
    if (has.has(p)) continue;
    const [a, b] = p.split('>').map(Number) as [number, number];
    dropStoryPair.run(story, a, b);
    pair.run(a, b, -1);
    pair.run(b, a, -1);
  }
  for (const p of has) {
    if (had.has(p)) continue;
    const [a, b] = p.split('>').map(Number) as [number, number];
    addStoryPair.run(story, a, b);
    pair.run(a, b, 1);
    pair.run(b, a, 1);
  }
  const touched = JSON.stringify([...before.keys(), ...after.keys()]);
  db.prepare('DELETE FROM entity_months WHERE mentions = 0 AND stories = 0 AND copies = 0 AND entity_id IN (SELECT value FROM json_each(?))').run(touched);
  db.prepare('DELETE FROM entity_pairs WHERE articles = 0 AND stories = 0 AND copies = 0 AND entity_id IN (SELECT value FROM json_each(?))').run(touched);
}

/**
 * Counts an entity's role again from its merges: the articles giving it, and the first and last date among them
 * (the article's published date, else its dateline's, when it reads as `YYYY-MM`), as the indexer counts them.
 */
function recountRole(db: Database.Database, id: number, role: string): void {
  const r = db.prepare(`SELECT count(*) AS n, min(d) AS first, max(d) AS last FROM (
      SELECT CASE WHEN p GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN p END AS d
      FROM (SELECT coalesce(a.published, a.doc ->> '$.meta.dateline.date') AS p FROM merges m JOIN articles a ON a.seq = m.article_seq WHERE m.entity_id = ? AND m.role = ?))`).get(id, role) as { n: number; first: string | null; last: string | null };
  if (r.n === 0) db.prepare('DELETE FROM entity_roles WHERE entity_id = ? AND role = ?').run(id, role);
  else db.prepare('INSERT INTO entity_roles (entity_id, role, first, last, articles) VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity_id, role) DO UPDATE SET first = excluded.first, last = excluded.last, articles = excluded.articles').run(id, role, r.first, r.last, r.n);
}

/**
 * Names, types and links an entity from the merges it keeps, as the indexer did: the first merge's name and type
 * (a state's name over its people's: the first `GPE` merge after a `NORP` one), each link from the first merge
 * that has it. An entity left with no merge keeps what it had.
 */
function renameFromMerges(db: Database.Database, id: number): void {
  const first = db.prepare('SELECT id, name, type FROM merges WHERE entity_id = ? ORDER BY id LIMIT 1').get(id) as { id: number; name: string; type: string } | undefined;
  if (!first) return;
  const state = first.type === 'NORP' ? (db.prepare("SELECT name FROM merges WHERE entity_id = ? AND type = 'GPE' ORDER BY id LIMIT 1").get(id) as { name: string } | undefined) : undefined;
  const name = state?.name ?? first.name;
  const link = (column: 'wikidata' | 'country' | 'cameo'): string | null => (db.prepare(`SELECT ${column} AS v FROM merges WHERE entity_id = ? AND ${column} IS NOT NULL ORDER BY id LIMIT 1`).get(id) as { v: string } | undefined)?.v ?? null;
  const plain = ['PERSON', 'ORG', 'LOC', 'MISC'];
  const type = state ? 'GPE' : plain.includes(first.type) ? typeVote(db)(id) ?? first.type : first.type;
  db.prepare('UPDATE entities SET name = ?, norm = ?, type = ?, wikidata = ?, country = ?, cameo = ? WHERE id = ?').run(name, normaliseName(name), type, link('wikidata'), link('country'), link('cameo'), id);
}
