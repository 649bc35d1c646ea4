import type pg from 'pg';
import { WiregraphError } from '../../errors.js';
import { GRAPH_MIGRATION, MENTION_PLACES_MIGRATION, READ_INDEX_MIGRATION } from './migration-graph.js';

/** A schema change: applied once, in order, in a transaction, and recorded in `schema_migrations`. */
interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Note: the PostgreSQL schema has its own versions (it is not SQLite's, whose history it does not need to replay).
// Never edit a released migration; add a new one. Text compared or sorted as SQLite does (ids, published times) is
// in the "C" collation, so that order and prefix ranges are by code point whatever the database's locale.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, copies, stories and their fingerprint index, full-text search',
    sql: `
      CREATE TABLE stories (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        originator text,
        first_copy integer,
        copies integer NOT NULL DEFAULT 0,
        articles integer NOT NULL DEFAULT 0,
        created_at text NOT NULL
      );
      CREATE INDEX stories_size ON stories (copies DESC, id DESC);
      CREATE TABLE articles (
        seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text COLLATE "C" NOT NULL UNIQUE,
        headline text,
        outlet text,
        published text COLLATE "C",
        url text,
        language text,
        source text NOT NULL,
        text text NOT NULL CHECK (length(text) > 0),
        -- Note: text, not jsonb, so that a document comes back with its keys in the order they were written.
        doc text NOT NULL,
        ingested_at text NOT NULL,
        story_id integer REFERENCES stories (id),
        relation text CHECK (relation IN ('copy', 'version')),
        originator text,
        -- Note: the headline weighs more than the body, as bm25(4, 1) does on SQLite; 'simple' neither stems nor drops
        -- stop words, as FTS5's unicode61 does not.
        tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(headline, '')), 'A') || setweight(to_tsvector('simple', text), 'B')) STORED
      );
      CREATE INDEX articles_published ON articles (published);
      CREATE INDEX articles_story ON articles (story_id);
      CREATE INDEX articles_tsv ON articles USING gin (tsv);
      CREATE TABLE copies (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_seq integer NOT NULL REFERENCES articles (seq),
        story_id integer REFERENCES stories (id),
        originator text,
        record_key text NOT NULL,
        outlet text,
        url text,
        published text COLLATE "C",
        headline text,
        source text NOT NULL,
        role text NOT NULL DEFAULT 'original' CHECK (role IN ('original', 'copy', 'version')),
        ingested_at text NOT NULL,
        UNIQUE (article_seq, record_key)
      );
      CREATE INDEX copies_story ON copies (story_id, published, id);
      CREATE INDEX copies_outlet ON copies (outlet, article_seq);
      CREATE TABLE fingerprints (article_seq integer PRIMARY KEY REFERENCES articles (seq), data bytea NOT NULL);
      CREATE TABLE story_keys (
        key text NOT NULL,
        article_seq integer NOT NULL REFERENCES articles (seq),
        PRIMARY KEY (key, article_seq)
      );
    `,
  },
  {
    version: 2,
    name: 'related coverage: stories about the same event linked, with their keys, features and key counts',
    sql: `
      CREATE TABLE related_features (story_id integer PRIMARY KEY REFERENCES stories (id), data text NOT NULL);
      CREATE TABLE related_keys (
        key text NOT NULL,
        story_id integer NOT NULL REFERENCES stories (id),
        PRIMARY KEY (key, story_id)
      );
      CREATE TABLE related_key_counts (key text PRIMARY KEY, stories integer NOT NULL);
      CREATE TABLE related_totals (id integer PRIMARY KEY CHECK (id = 1), stories integer NOT NULL);
      INSERT INTO related_totals (id, stories) VALUES (1, 0);
      -- Note: each link is stored both ways, so that a story's related stories are one range of the primary key.
      CREATE TABLE related_links (
        story_id integer NOT NULL REFERENCES stories (id),
        other_id integer NOT NULL REFERENCES stories (id),
        score double precision NOT NULL,
        reasons text NOT NULL,
        PRIMARY KEY (story_id, other_id),
        CHECK (story_id <> other_id)
      );
    `,
  },
  {
    version: 3,
    name: 'queued inputs: the bytes of each input a queue job names (the job in Redis holds only its id)',
    sql: `
      CREATE TABLE queued_inputs (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        bytes bytea NOT NULL,
        content_type text,
        url text,
        options jsonb NOT NULL,
        queued_at text NOT NULL,
        done_at text,
        result jsonb
      );
    `,
  },
  GRAPH_MIGRATION,
  MENTION_PLACES_MIGRATION,
  READ_INDEX_MIGRATION,
];

/** The schema version this program writes. */
export const PG_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** The advisory lock key migrations hold, so that two processes starting at once do not both migrate. */
const MIGRATION_LOCK = 7_219_001;

/**
 * Brings a PostgreSQL schema up to {@link PG_SCHEMA_VERSION}: all pending migrations in one transaction, under a
 * transaction-scoped advisory lock (a second process waits, then finds nothing left to do).
 * @throws WiregraphError `WG_STORE_MIGRATION` when the database is newer than this program
 */
export async function migratePostgres(client: pg.PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > PG_SCHEMA_VERSION) {
      throw new WiregraphError('WG_STORE_MIGRATION', `The database is at schema version ${current}, newer than this program's ${PG_SCHEMA_VERSION}; upgrade wiregraph to open it.`);
    }
    for (const m of MIGRATIONS.filter((m) => m.version > current)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
