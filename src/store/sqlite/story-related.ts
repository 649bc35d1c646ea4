/**
 * Related coverage in the store: each story's related keys and features, the stories' key counts (for rarity),
 * and the links between stories about the same real-world event (issue 13, part 5). Linked, never merged.
 */
import type Database from 'better-sqlite3';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { relatedKeys, relatedness, storyFeatures, type KeyFrequencies, type StoryFeatures } from '../../stories/index.js';
import { countedKeys, decodeFeatures, encodeFeatures } from '../related-codec.js';
import type { RelatedStory } from '../store.js';

/** Stories scored against a new one: those sharing most related keys with it. */
// Note: ECB+ gives 6.1 candidates a story by key (README, Related coverage); 20 leaves room for a busy week.
export const RELATED_CANDIDATES = 20;
/** Postings read per key: the latest stories carrying it, so that a very common key costs a bounded read. */
export const KEY_POSTINGS = 256;
/** Below this many stories the store's counts say little about rarity, and the entity type's prior is used. */
// Note: with two stories, a key both carry has an inverse document frequency near 0, so nothing would ever link.
export const MIN_COUNTED_STORIES = 200;
/** Related stories read with a story (the best scores first). */
export const RELATED_SHOWN = 50;
/** Stories filled per transaction when a database of schema 4 or older is first opened. */
const FILL_BATCH = 500;

/** The writes of related coverage, prepared once; call them inside the transaction that stores the article. */
export interface RelatedIndexer {
  /** Stores a new story's features and keys (from the text that started it) and links it to related stories. */
  started(story: number, doc: WiregraphDoc): void;
  /** Gives every story stored before schema 5 its features, keys and links, a batch per transaction. */
  fillStored(): void;
}

function prepareWrites(db: Database.Database) {
  return {
    insertFeatures: db.prepare('INSERT OR REPLACE INTO related_features (story_id, data) VALUES (?, ?)'),
    insertKeys: db.prepare('INSERT OR IGNORE INTO related_keys (key, story_id) SELECT DISTINCT value, ? FROM json_each(?)'),
    countKeys: db.prepare('INSERT INTO related_key_counts (key, stories) SELECT DISTINCT value, 1 FROM json_each(?) WHERE true ON CONFLICT (key) DO UPDATE SET stories = stories + 1'),
    countStory: db.prepare('UPDATE related_totals SET stories = stories + 1 WHERE id = 1'),
    postings: db.prepare('SELECT story_id AS story FROM related_keys WHERE key = ? AND story_id != ? ORDER BY story_id DESC LIMIT ?'),
    featuresOf: db.prepare('SELECT data FROM related_features WHERE story_id = ?'),
    keyCount: db.prepare('SELECT stories FROM related_key_counts WHERE key = ?'),
    totals: db.prepare('SELECT stories FROM related_totals WHERE id = 1'),
    link: db.prepare('INSERT OR REPLACE INTO related_links (story_id, other_id, score, reasons) VALUES (?, ?, ?, ?)'),
    unfilled: db.prepare('SELECT s.id FROM stories s WHERE s.id > ? AND NOT EXISTS (SELECT 1 FROM related_features f WHERE f.story_id = s.id) ORDER BY s.id LIMIT ?'),
    founder: db.prepare('SELECT text, doc FROM articles WHERE story_id = ? ORDER BY seq LIMIT 1'),
  };
}

/** Prepares the related-coverage writes for a database. */
export function relatedIndexer(db: Database.Database): RelatedIndexer {
  const w = prepareWrites(db);

  /** The store's key counts, read once per key for one new story. */
  const frequencies = (): KeyFrequencies | null => {
    const documents = (w.totals.get() as { stories: number }).stories;
    if (documents < MIN_COUNTED_STORIES) return null;
    const seen = new Map<string, number>();
    return {
      documents,
      count(key) {
        let n = seen.get(key);
        if (n === undefined) {
          n = (w.keyCount.get(key) as { stories: number } | undefined)?.stories ?? 0;
          seen.set(key, n);
        }
        return n;
      },
    };
  };

  /** Stories sharing most keys with a story (the latest on a tie), at most {@link RELATED_CANDIDATES}. */
  const candidates = (story: number, keys: readonly string[]): number[] => {
    const shared = new Map<number, number>();
    for (const key of keys) {
      for (const row of w.postings.all(key, story, KEY_POSTINGS) as Array<{ story: number }>) shared.set(row.story, (shared.get(row.story) ?? 0) + 1);
    }
    return [...shared].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, RELATED_CANDIDATES).map(([id]) => id);
  };

  const index = (story: number, features: StoryFeatures): void => {
    const keys = relatedKeys(features);
    w.insertFeatures.run(story, encodeFeatures(features));
    w.insertKeys.run(story, JSON.stringify(keys));
    w.countKeys.run(JSON.stringify(countedKeys(features)));
    w.countStory.run();
    if (keys.length === 0) return;
    const options = { frequencies: frequencies() };
    for (const other of candidates(story, keys)) {
      const row = w.featuresOf.get(other) as { data: string } | undefined;
      if (!row) continue;
      const r = relatedness(features, decodeFeatures(row.data), options);
      if (!r.related) continue;
      const reasons = JSON.stringify(r.reasons);
      w.link.run(story, other, r.score, reasons);
      w.link.run(other, story, r.score, reasons);
    }
  };

  const fillStored = (): void => {
    let after = 0;
    for (;;) {
      const rows = w.unfilled.all(after, FILL_BATCH) as Array<{ id: number }>;
      if (rows.length === 0) return;
      db.transaction(() => {
        for (const { id } of rows) {
          const r = w.founder.get(id) as { text: string; doc: string } | undefined;
          index(id, r ? featuresOfStored(r) : EMPTY_FEATURES);
        }
      })();
      after = rows.at(-1)!.id;
    }
  };

  return { started: (story, doc) => index(story, storyFeatures(doc)), fillStored };
}

const EMPTY_FEATURES: StoryFeatures = { actors: new Map(), places: new Map(), days: [], anchor: null, eventTypes: new Set() };

/** The features of a stored article; a document that cannot be read gives none (the story is then linked to nothing). */
function featuresOfStored(row: { text: string; doc: string }): StoryFeatures {
  try {
    const doc = { ...(JSON.parse(row.doc) as Omit<WiregraphDoc, 'text'>), text: row.text } as WiregraphDoc;
    // Note: documents stored before the events stage existed have no events layer.
    return storyFeatures({ ...doc, events: doc.events ?? [] });
  } catch {
    return EMPTY_FEATURES;
  }
}

/** The reads of related coverage. */
export interface RelatedQueries {
  /** The stories related to one, the best score first, at most {@link RELATED_SHOWN}. */
  relatedOf(story: number): RelatedStory[];
  /** The ids of the stories related to one, in the same order. */
  relatedIds(story: number): number[];
}

/** Prepares the related-coverage reads for a database. */
export function relatedQueries(db: Database.Database): RelatedQueries {
  const full = db.prepare(
    `SELECT l.other_id AS id, c.headline, s.originator, l.score, l.reasons FROM related_links l JOIN stories s ON s.id = l.other_id
     LEFT JOIN copies c ON c.id = s.first_copy WHERE l.story_id = ? ORDER BY l.score DESC, l.other_id LIMIT ${RELATED_SHOWN}`,
  );
  const ids = db.prepare(`SELECT other_id AS id FROM related_links WHERE story_id = ? ORDER BY score DESC, other_id LIMIT ${RELATED_SHOWN}`).pluck();
  return {
    relatedOf: (story) =>
      (full.all(story) as Array<Omit<RelatedStory, 'reasons'> & { reasons: string }>).map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as string[] })),
    relatedIds: (story) => ids.all(story) as number[],
  };
}
