import type Database from 'better-sqlite3';
import type { ArticleMeta } from '../../article/meta.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import type { StoryOptions } from '../../stories/index.js';
import type { ArticleRecord } from '../store.js';
import { graphIndexer, type GraphIndexOptions } from './graph-index.js';
import { storyIndexer } from './story-index.js';

/** What adding one record did: a new article, a new copy of a stored text, or nothing (the same record again). */
export type AddOutcome = 'added' | 'copy' | 'skipped';

/**
 * What makes two records of one text the same record: the URL when there is one, else the outlet.
 * Note: the same expression is in migration 3, which made a copy of every article stored before it.
 */
export function recordKey(meta: Pick<ArticleMeta, 'url' | 'outlet'>): string {
  return meta.url !== null ? `url:${meta.url}` : `outlet:${meta.outlet ?? ''}`;
}

/** The writes of one record, prepared once: call {@link ArticleWriter.add} inside a transaction. */
export interface ArticleWriter {
  add(record: ArticleRecord, now: string, options: Partial<StoryOptions>): AddOutcome;
  /** Puts articles stored before schema 3 into stories, a batch per transaction. */
  placeUnplaced(options: Partial<StoryOptions>): void;
}

/** Prepares the statements that store an article, its copies, its graph and its story. */
export function articleWriter(db: Database.Database, graph: GraphIndexOptions = {}): ArticleWriter {
  const findArticle = db.prepare('SELECT seq, story_id AS story, originator FROM articles WHERE id = ?');
  const insertArticle = db.prepare(
    'INSERT INTO articles (id, headline, outlet, published, url, language, source, text, doc, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // Note: not INSERT OR IGNORE, which would also swallow CHECK and NOT NULL failures; only the same record is skipped.
  const insertCopy = db.prepare(
    'INSERT INTO copies (article_seq, story_id, originator, record_key, outlet, url, published, headline, source, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_seq, record_key) DO NOTHING',
  );
  const attachCopies = db.prepare('UPDATE copies SET story_id = ?, originator = ? WHERE article_seq = ? RETURNING id');
  const indexGraph = graphIndexer(db, graph);
  const stories = storyIndexer(db);

  /** Adds a copy of a stored text to its story; null when it is the same record as one stored. */
  const addCopy = (seq: number, story: { story: number; originator: string | null }, meta: ArticleMeta, source: string, now: string): number | null => {
    const result = insertCopy.run(seq, story.story, story.originator, recordKey(meta), meta.outlet, meta.url, meta.published, meta.headline, source, now);
    return result.changes > 0 ? Number(result.lastInsertRowid) : null;
  };

  const add = ({ doc, source }: ArticleRecord, now: string, options: Partial<StoryOptions>): AddOutcome => {
    const m = doc.meta;
    const stored = findArticle.get(doc.id) as { seq: number; story: number; originator: string | null } | undefined;
    if (stored) {
      // Note: the same text is a copy in the story its text is in, without fingerprinting it again.
      const copy = addCopy(stored.seq, stored, m, source, now);
      if (copy === null) return 'skipped';
      stories.joined(stored.story, copy, false, options);
      return 'copy';
    }
    const { text, ...rest } = doc;
    const seq = Number(insertArticle.run(doc.id, m.headline, m.outlet, m.published, m.url, m.language, source, text, JSON.stringify(rest), now).lastInsertRowid);
    indexGraph(seq, doc);
    const placed = stories.place(seq, doc, options);
    stories.joined(placed.story, addCopy(seq, placed, m, source, now)!, true, options);
    return 'added';
  };

  const unplaced = db.prepare('SELECT seq, text, doc FROM articles WHERE story_id IS NULL ORDER BY seq LIMIT 500');
  const placeUnplaced = (options: Partial<StoryOptions>): void => {
    for (;;) {
      const rows = unplaced.all() as Array<{ seq: number; text: string; doc: string }>;
      if (rows.length === 0) return;
      db.transaction(() => {
        for (const r of rows) {
          const doc = { ...(JSON.parse(r.doc) as Omit<WiregraphDoc, 'text'>), text: r.text };
          // Note: a stored article that cannot be fingerprinted gets a story of its own, so that opening never fails or loops on it.
          const place = db.transaction(() => stories.place(r.seq, doc, options));
          let placed: { story: number; originator: string | null };
          try {
            placed = place();
          } catch {
            placed = { story: stories.alone(r.seq, null), originator: null };
          }
          const copies = attachCopies.all(placed.story, placed.originator, r.seq) as Array<{ id: number }>;
          copies.forEach((c, i) => stories.joined(placed.story, c.id, i === 0, options));
        }
      })();
    }
  };

  return { add, placeUnplaced };
}
