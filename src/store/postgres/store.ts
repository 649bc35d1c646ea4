import pg from 'pg';
import { asWiregraphError, WiregraphError } from '../../errors.js';
import type { ArticleMeta } from '../../article/meta.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import type { StoryOptions } from '../../stories/index.js';
import type { AsyncArticleStore, AsyncGraphStore } from '../async.js';
import type { GraphStore } from '../graph.js';
import type { ArticleRecord, BatchFailure, BatchOptions, BatchResult } from '../store.js';
import type { AliasSource } from '../sqlite/entity-aliases.js';
import type { GraphIndexOptions } from '../sqlite/graph-index.js';
import { pgArticleReads } from './article-reads.js';
import { indexStoredGraph } from './graph-backfill.js';
import { migratePostgres } from './migrations.js';
import { numericTypes, pgDb, type PgDb } from './dialect.js';
import { GraphCounts } from './graph-counts.js';
import { indexGraph } from './graph-index.js';
import { pgGraphQueries } from './graph-queries.js';
import { one, queryOf, type Query } from './sql.js';
import { copyJoined, placeArticle } from './story-index.js';
import { pgStoryQueries } from './story-queries.js';

/** What a PostgreSQL store is opened with besides its URL. */
export interface PostgresStoreOptions {
  /** A schema to keep the tables in (created when missing), instead of the connection's default (`public`). */
  readonly schema?: string;
  /** Connections in the pool (default 10). */
  readonly poolSize?: number;
  /** The knowledge base's names of linked entities, kept as aliases of the entities stored from now on (as on SQLite). */
  readonly aliases?: AliasSource;
}

/** The writers' lock: one batch places articles in stories at a time, so that two writers never split a story. */
const WRITE_LOCK = 7_219_002;

/** What makes two records of one text the same record (as on SQLite): the URL when there is one, else the outlet. */
function recordKey(meta: Pick<ArticleMeta, 'url' | 'outlet'>): string {
  return meta.url !== null ? `url:${meta.url}` : `outlet:${meta.outlet ?? ''}`;
}

function toDoc(row: { text: string; doc: string } | undefined): WiregraphDoc | null {
  if (!row) return null;
  const { schema, id, meta, ...layers } = JSON.parse(row.doc) as Omit<WiregraphDoc, 'text'>;
  return { schema, id, meta, text: row.text, ...layers, events: layers.events ?? [] } as WiregraphDoc;
}

/** Adds one record (inside the batch's transaction): a new article, a new copy of a stored text, or nothing. */
async function addRecord(q: Query, db: PgDb, { doc, source }: ArticleRecord, now: string, options: Partial<StoryOptions>, graph: GraphIndexOptions, counts: GraphCounts): Promise<'added' | 'copy' | 'skipped'> {
  const m = doc.meta;
  const insertCopy = async (seq: number, story: number, originator: string | null): Promise<number | null> => {
    const row = await one<{ id: number }>(
      q,
      'INSERT INTO copies (article_seq, story_id, originator, record_key, outlet, url, published, headline, source, ingested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (article_seq, record_key) DO NOTHING RETURNING id',
      [seq, story, originator, recordKey(m), m.outlet, m.url, m.published, m.headline, source, now],
    );
    return row?.id ?? null;
  };
  const stored = await one<{ seq: number; story: number; originator: string | null }>(q, 'SELECT seq, story_id AS story, originator FROM articles WHERE id = $1', [doc.id]);
  if (stored) {
    const copy = await insertCopy(stored.seq, stored.story, stored.originator);
    if (copy === null) return 'skipped';
    await copyJoined(q, db, stored.story, copy, false, options, undefined, counts);
    return 'copy';
  }
  const { text, ...rest } = doc;
  const seq = (await one<{ seq: number }>(
    q,
    'INSERT INTO articles (id, headline, outlet, published, url, language, source, text, doc, ingested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq',
    [doc.id, m.headline, m.outlet, m.published, m.url, m.language, source, text, JSON.stringify(rest), now],
  ))!.seq;
  const coActors = await indexGraph(db, seq, doc, graph, counts);
  const placed = await placeArticle(q, db, seq, doc, options, coActors, counts);
  await copyJoined(q, db, placed.story, (await insertCopy(seq, placed.story, placed.originator))!, true, options, coActors, counts);
  return 'added';
}

/**
 * Opens the PostgreSQL article store (creating and migrating its tables when new).
 * @param url - a `postgres://` connection URL
 * @throws WiregraphError `WG_STORE_UNAVAILABLE` when the server cannot be reached, `WG_STORE_MIGRATION` when it is newer
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<AsyncArticleStore> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/u.test(schema)) throw new WiregraphError('WG_BAD_OPTION', `Schema name ${JSON.stringify(schema)} is not a plain lower-case identifier.`);
  // Note: custom plans always: a plan kept per connection (foreign-key checks' included) was made when the graph's
  // tables were nearly empty and scanned them whole as they grew (under 2 articles a second at 700 in one batch).
  const settings = [...(schema ? [`-c search_path=${schema}`] : []), '-c plan_cache_mode=force_custom_plan'].join(' ');
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: numericTypes(pg.types), options: settings });
  // Note: an idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw new WiregraphError('WG_STORE_UNAVAILABLE', `Cannot connect to the PostgreSQL store: ${(error as Error).message}`);
  }
  try {
    // Note: CREATE SCHEMA IF NOT EXISTS is not safe against a second process doing it at the same moment: that one
    // fails with a unique violation (23505) or duplicate schema (42P06), and the schema is there all the same.
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`).catch((e: { code?: string }) => {
      if (e.code !== '23505' && e.code !== '42P06') throw e;
    });
    await migratePostgres(client);
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  const graph: GraphIndexOptions = options.aliases ? { aliases: options.aliases } : {};
  try {
    // Note: articles stored before the graph existed (schema 3) are put into it now, in batches.
    await indexStoredGraph(pool, WRITE_LOCK, graph);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return postgresStore(pool, graph);
}

/** The store over a migrated pool. */
function postgresStore(pool: pg.Pool, graphOptions: GraphIndexOptions): AsyncArticleStore {
  const q = queryOf(pool);
  const seqOf = async (idOrPrefix: string): Promise<number | null> => {
    const exact = await one<{ seq: number }>(q, 'SELECT seq FROM articles WHERE id = $1', [idOrPrefix]);
    if (exact || idOrPrefix.length < 4 || !/^[0-9a-f]+$/u.test(idOrPrefix)) return exact?.seq ?? null;
    const rows = await q<{ seq: number }>("SELECT seq FROM articles WHERE id >= $1 AND id < $1 || 'g' LIMIT 2", [idOrPrefix]);
    return rows.length === 1 ? rows[0]!.seq : null;
  };
  const stories = pgStoryQueries(q);
  const graph = pgGraphQueries(pool);
  return {
    async: true,
    addBatch: (records, batch = {}) => addBatch(pool, records, batch, graphOptions),
    async get(idOrPrefix) {
      const seq = await seqOf(idOrPrefix);
      return seq === null ? null : toDoc(await one<{ text: string; doc: string }>(q, 'SELECT text, doc FROM articles WHERE seq = $1', [seq]));
    },
    ...pgArticleReads(q, pool, graph),
    count: async () => Number((await one<{ n: string }>(q, 'SELECT count(*) AS n FROM articles'))!.n),
    async copiesOf(idOrPrefix) {
      const seq = await seqOf(idOrPrefix);
      return seq === null ? [] : stories.copiesOf(seq);
    },
    async storyOf(idOrPrefix) {
      const seq = await seqOf(idOrPrefix);
      return seq === null ? null : stories.storyOf(seq);
    },
    stories: (page) => stories.stories(page),
    storyCount: (minCopies) => stories.storyCount(minCopies),
    story: (id, read) => stories.story(id, read?.diffs ?? true),
    graph,
    close: () => pool.end(),
  };
}

/**
 * One transaction per batch, a savepoint per record, so that a record that fails is rolled back alone. The records'
 * derived counts (pairs, months, entities' stories and copies) are added up and written once, before the commit.
 */
async function addBatch(pool: pg.Pool, records: readonly ArticleRecord[], options: BatchOptions, graph: GraphIndexOptions): Promise<BatchResult> {
  const client = await pool.connect();
  const q = queryOf(client);
  const db = pgDb(client);
  const counts = { added: 0, copy: 0, skipped: 0 };
  const failures: BatchFailure[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
    const now = new Date().toISOString();
    const held = new GraphCounts();
    for (const [index, record] of records.entries()) {
      await client.query('SAVEPOINT record');
      try {
        const own = new GraphCounts();
        counts[await addRecord(q, db, record, now, options.story ?? {}, graph, own)]++;
        await client.query('RELEASE SAVEPOINT record');
        held.add(own);
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT record');
        failures.push({ index, error: asWiregraphError(error, 'WG_STORE_FAILED', record.source) });
      }
    }
    await held.flush(db);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return { added: counts.added, copies: counts.copy, skipped: counts.skipped, failures };
}
