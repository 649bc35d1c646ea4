import type { PgDb } from './dialect.js';
import { coActorMentions } from './graph-index.js';
import { pairedEntities } from '../sqlite/graph-index.js';

/** The pairs an article's mentions make (its most mentioned entities, as the indexer pairs them), both ways. */
export function pairsOf(mentions: ReadonlyMap<number, number>): Set<string> {
  const top = pairedEntities(mentions);
  return new Set(top.flatMap((a) => top.filter((b) => b !== a).map((b) => `${a}>${b}`)));
}

/** Drops the month and pair rows of some entities whose every count is back to zero. */
export async function dropEmpty(db: PgDb, ids: readonly number[]): Promise<void> {
  await db.run('DELETE FROM entity_months WHERE mentions = 0 AND stories = 0 AND copies = 0 AND entity_id = ANY(?::integer[])', ids);
  await db.run('DELETE FROM entity_pairs WHERE articles = 0 AND stories = 0 AND copies = 0 AND entity_id = ANY(?::integer[])', ids);
}

/** A story's counts of an entity: how many of its articles mention it, and the first of them (by storing order). */
export type StoryCounts = Map<number, { articles: number; first: number }>;

/** For each entity of a story's articles, how many of them mention it and the first that does. */
export async function storyCounts(db: PgDb, seqs: readonly number[]): Promise<StoryCounts> {
  const counts: StoryCounts = new Map();
  if (seqs.length === 0) return counts;
  const rows = await db.all<{ seq: number; id: number }>('SELECT DISTINCT article_seq AS seq, entity_id AS id FROM mentions WHERE article_seq = ANY(?::integer[]) ORDER BY article_seq, entity_id', [...seqs]);
  for (const { seq, id } of rows) {
    const c = counts.get(id);
    counts.set(id, { articles: (c?.articles ?? 0) + 1, first: Math.min(c?.first ?? seq, seq) });
  }
  return counts;
}

/** The pairs a story counts (`a>b`, a < b): the pairs of each of its articles, once. */
async function storyPairs(db: PgDb, seqs: readonly number[]): Promise<Set<string>> {
  const pairs = new Set<string>();
  for (const seq of seqs) {
    for (const p of pairsOf(await coActorMentions(db, seq))) {
      const [a, b] = p.split('>').map(Number) as [number, number];
      if (a < b) pairs.add(p);
    }
  }
  return pairs;
}

/** Counts a story again for the entities its articles mention, before and after: presence, first month, pairs (see `sqlite/unmerge.ts`). */
export async function applyStory(db: PgDb, story: number, before: StoryCounts, after: StoryCounts, seqs: readonly number[]): Promise<void> {
  const monthOf = async (seq: number): Promise<string> => (await db.get<{ month: string }>("SELECT coalesce(graph_month, 'undated') AS month FROM articles WHERE seq = ?", seq))!.month;
  const monthly = 'INSERT INTO entity_months (entity_id, month, mentions, stories) VALUES (?, ?, 0, ?) ON CONFLICT (entity_id, month) DO UPDATE SET stories = entity_months.stories + excluded.stories';
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    if (a) await db.run('INSERT INTO entity_stories (entity_id, story_id, articles) VALUES (?, ?, ?) ON CONFLICT (entity_id, story_id) DO UPDATE SET articles = excluded.articles', id, story, a.articles);
    else await db.run('DELETE FROM entity_stories WHERE entity_id = ? AND story_id = ?', id, story);
    await db.run('UPDATE entities SET stories = stories + ? WHERE id = ?', Number(a !== undefined) - Number(b !== undefined), id);
    if (b) await db.run(monthly, id, await monthOf(b.first), -1);
    if (a) await db.run(monthly, id, await monthOf(a.first), 1);
  }
  const had = new Set((await db.all<{ a: number; b: number }>('SELECT entity_id AS a, other_id AS b FROM story_pairs WHERE story_id = ?', story)).map((p) => `${p.a}>${p.b}`));
  const has = await storyPairs(db, seqs);
  const pair = 'INSERT INTO entity_pairs (entity_id, other_id, articles, stories) VALUES (?, ?, 0, ?) ON CONFLICT (entity_id, other_id) DO UPDATE SET stories = entity_pairs.stories + excluded.stories';
  for (const p of had) {
    if (has.has(p)) continue;
    const [a, b] = p.split('>').map(Number) as [number, number];
    await db.run('DELETE FROM story_pairs WHERE story_id = ? AND entity_id = ? AND other_id = ?', story, a, b);
    await db.run(pair, a, b, -1);
    await db.run(pair, b, a, -1);
  }
  for (const p of has) {
    if (had.has(p)) continue;
    const [a, b] = p.split('>').map(Number) as [number, number];
    await db.run('INSERT INTO story_pairs (story_id, entity_id, other_id) VALUES (?, ?, ?)', story, a, b);
    await db.run(pair, a, b, 1);
    await db.run(pair, b, a, 1);
  }
  await dropEmpty(db, [...before.keys(), ...after.keys()]);
}
