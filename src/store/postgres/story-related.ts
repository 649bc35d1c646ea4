/**
 * Related coverage on PostgreSQL, as on SQLite (`sqlite/story-related.ts`, whose constants it shares): each story's
 * features and keys, the key counts for rarity, and the links both ways between stories about the same event.
 */
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { relatedKeys, relatedness, storyFeatures, type KeyFrequencies, type StoryFeatures } from '../../stories/index.js';
import { countedKeys, decodeFeatures, encodeFeatures } from '../related-codec.js';
import type { RelatedStory } from '../store.js';
import { one, type Query } from './sql.js';

const RELATED_CANDIDATES = 20;
const KEY_POSTINGS = 256;
const MIN_COUNTED_STORIES = 200;
const RELATED_SHOWN = 50;

/** The store's key counts, read once per key for one new story; null while too few stories are counted. */
async function frequencies(q: Query, keys: readonly string[]): Promise<KeyFrequencies | null> {
  const documents = (await one<{ stories: number }>(q, 'SELECT stories FROM related_totals WHERE id = 1'))?.stories ?? 0;
  if (documents < MIN_COUNTED_STORIES) return null;
  // Note: the scorer asks for counts synchronously, so the counts of every key it may ask for are read first.
  const rows = await q<{ key: string; stories: number }>('SELECT key, stories FROM related_key_counts WHERE key = ANY($1::text[])', [keys]);
  const counts = new Map(rows.map((r) => [r.key, r.stories]));
  return { documents, count: (key) => counts.get(key) ?? 0 };
}

/** Stories sharing most keys with a story (the latest on a tie), at most {@link RELATED_CANDIDATES}. */
async function candidates(q: Query, story: number, keys: readonly string[]): Promise<number[]> {
  const rows = await q<{ story: number }>(
    `SELECT p.story_id AS story FROM unnest($1::text[]) AS k(key)
     CROSS JOIN LATERAL (SELECT story_id FROM related_keys r WHERE r.key = k.key AND r.story_id <> $2 ORDER BY story_id DESC LIMIT ${KEY_POSTINGS}) AS p`,
    [keys, story],
  );
  const shared = new Map<number, number>();
  for (const row of rows) shared.set(row.story, (shared.get(row.story) ?? 0) + 1);
  return [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, RELATED_CANDIDATES).map(([id]) => id);
}

/** Stores a new story's features and keys (from the text that started it) and links it to related stories. */
export async function relatedStarted(q: Query, story: number, doc: WiregraphDoc): Promise<void> {
  const features: StoryFeatures = storyFeatures({ ...doc, events: doc.events ?? [] });
  const keys = relatedKeys(features);
  const counted = countedKeys(features);
  await q('INSERT INTO related_features (story_id, data) VALUES ($1, $2) ON CONFLICT (story_id) DO UPDATE SET data = excluded.data', [story, encodeFeatures(features)]);
  await q('INSERT INTO related_keys (key, story_id) SELECT DISTINCT k, $1::integer FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING', [story, keys]);
  await q('INSERT INTO related_key_counts (key, stories) SELECT DISTINCT k, 1 FROM unnest($1::text[]) AS k ON CONFLICT (key) DO UPDATE SET stories = related_key_counts.stories + 1', [counted]);
  await q('UPDATE related_totals SET stories = stories + 1 WHERE id = 1');
  if (keys.length === 0) return;
  const others = await candidates(q, story, keys);
  if (others.length === 0) return;
  const stored = await q<{ story: number; data: string }>('SELECT story_id AS story, data FROM related_features WHERE story_id = ANY($1::integer[])', [others]);
  const byStory = new Map(stored.map((r) => [r.story, decodeFeatures(r.data)]));
  // Note: the scorer may ask for the count of any key of either story, so those of every candidate are read too.
  const asked = new Set([...counted, ...keys, ...[...byStory.values()].flatMap((f) => [...countedKeys(f), ...relatedKeys(f)])]);
  const options = { frequencies: await frequencies(q, [...asked]) };
  for (const other of others) {
    const theirs = byStory.get(other);
    if (theirs === undefined) continue;
    const r = relatedness(features, theirs, options);
    if (!r.related) continue;
    const reasons = JSON.stringify(r.reasons);
    await q(
      'INSERT INTO related_links (story_id, other_id, score, reasons) VALUES ($1, $2, $3, $4), ($2, $1, $3, $4) ON CONFLICT (story_id, other_id) DO UPDATE SET score = excluded.score, reasons = excluded.reasons',
      [story, other, r.score, reasons],
    );
  }
}

/** The stories related to one, the best score first, at most {@link RELATED_SHOWN}. */
export async function relatedOf(q: Query, story: number): Promise<RelatedStory[]> {
  const rows = await q<Omit<RelatedStory, 'reasons'> & { reasons: string }>(
    `SELECT l.other_id AS id, c.headline, s.originator, l.score, l.reasons FROM related_links l JOIN stories s ON s.id = l.other_id
     LEFT JOIN copies c ON c.id = s.first_copy WHERE l.story_id = $1 ORDER BY l.score DESC, l.other_id LIMIT ${RELATED_SHOWN}`,
    [story],
  );
  return rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as string[] }));
}

/** The ids of the stories related to each of some stories, best score first. */
export async function relatedIds(q: Query, stories: readonly number[]): Promise<Map<number, number[]>> {
  const rows = await q<{ story: number; id: number }>('SELECT story_id AS story, other_id AS id FROM related_links WHERE story_id = ANY($1::integer[]) ORDER BY story_id, score DESC, other_id', [stories]);
  const out = new Map<number, number[]>(stories.map((s) => [s, []]));
  for (const r of rows) {
    const list = out.get(r.story)!;
    if (list.length < RELATED_SHOWN) list.push(r.id);
  }
  return out;
}
