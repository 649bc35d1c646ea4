import type pg from 'pg';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import type { GraphIndexOptions } from '../sqlite/graph-index.js';
import { pgDb } from './dialect.js';
import { factsCopied, factsPlacedStored } from './graph-facts.js';
import { indexGraph } from './graph-index.js';

/** Articles indexed per transaction. */
const BATCH = 200;

/**
 * Puts the articles stored before the graph existed (schema 3) into the graph, in the order they were stored, as
 * the SQLite store does for its own older articles when it is opened: their entities and facts, counted in their
 * stories and by their copies. A batch per transaction, under the writers' lock, so that two processes opening the
 * store at once index each article once.
 * @param writeLock - the advisory lock the store's writers hold
 */
export async function indexStoredGraph(pool: pg.Pool, writeLock: number, options: GraphIndexOptions): Promise<void> {
  for (;;) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [writeLock]);
      const db = pgDb(client);
      const rows = await db.all<{ seq: number; text: string; doc: string; story: number | null; copies: number }>(
        'SELECT a.seq, a.text, a.doc, a.story_id AS story, (SELECT count(*) FROM copies c WHERE c.article_seq = a.seq) AS copies FROM articles a WHERE NOT EXISTS (SELECT 1 FROM graph_indexed g WHERE g.article_seq = a.seq) ORDER BY a.seq LIMIT ?',
        BATCH,
      );
      for (const r of rows) {
        await indexGraph(db, r.seq, { ...(JSON.parse(r.doc) as Omit<WiregraphDoc, 'text'>), text: r.text } as WiregraphDoc, options);
        if (r.story !== null) await factsPlacedStored(db, r.seq, r.story);
        if (r.copies > 0) await factsCopied(db, r.seq, r.copies);
      }
      await client.query('COMMIT');
      if (rows.length < BATCH) return;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
