import type Database from 'better-sqlite3';
import { WiregraphError } from '../../errors.js';
import { ALIASES_MIGRATION } from './migration-aliases.js';
import { FEEDS_MIGRATION, INPUT_LEDGER_MIGRATION } from './migration-ingest.js';
import { MENTION_PLACES_MIGRATION, PLACES_MIGRATION } from './migration-places.js';

/** A schema change: applied once, in order, inside a transaction, and recorded in `schema_migrations`. */
interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Note: never edit a released migration; add a new one. Its version is recorded in every database.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles with full-text index',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        headline TEXT,
        outlet TEXT,
        published TEXT,
        url TEXT,
        language TEXT,
        source TEXT NOT NULL,
        text TEXT NOT NULL CHECK (length(text) > 0),
        doc TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles (published);
      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        headline, text, content = 'articles', content_rowid = 'seq', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, headline, text) VALUES (new.seq, new.headline, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, text) VALUES ('delete', old.seq, old.headline, old.text);
      END;
    `,
  },
  {
    version: 2,
    name: 'knowledge graph: entities across articles, mentions, quotes, events, timexes',
    sql: `
      CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        norm TEXT NOT NULL,
        wikidata TEXT,
        country TEXT,
        cameo TEXT,
        mentions INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        quotes INTEGER NOT NULL DEFAULT 0,
        events INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE entity_roles (
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        role TEXT NOT NULL,
        first TEXT,
        last TEXT,
        articles INTEGER NOT NULL,
        PRIMARY KEY (entity_id, role)
      ) WITHOUT ROWID;
      CREATE INDEX entities_norm ON entities (norm);
      CREATE INDEX entities_articles ON entities (articles DESC);
      CREATE VIRTUAL TABLE entities_fts USING fts5 (name, content = 'entities', content_rowid = 'id', tokenize = 'trigram');
      CREATE TRIGGER entities_fts_insert AFTER INSERT ON entities BEGIN
        INSERT INTO entities_fts (rowid, name) VALUES (new.id, new.name);
      END;
      CREATE TABLE merges (
        id INTEGER PRIMARY KEY,
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        local_id TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        original_entity_id INTEGER NOT NULL REFERENCES entities (id),
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        reason TEXT NOT NULL,
        role TEXT,
        undone_at TEXT,
        UNIQUE (article_seq, local_id)
      );
      CREATE TABLE entity_months (
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        month TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (entity_id, month)
      ) WITHOUT ROWID;
      CREATE TABLE entity_pairs (
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        other_id INTEGER NOT NULL REFERENCES entities (id),
        articles INTEGER NOT NULL,
        PRIMARY KEY (entity_id, other_id)
      ) WITHOUT ROWID;
      CREATE INDEX entity_pairs_top ON entity_pairs (entity_id, articles DESC);
      CREATE INDEX merges_entity ON merges (entity_id, article_seq);
      CREATE INDEX merges_original ON merges (original_entity_id, article_seq);
      CREATE TABLE mentions (
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        local_id TEXT NOT NULL,
        sentence INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL
      );
      CREATE INDEX mentions_entity ON mentions (entity_id, article_seq);
      CREATE INDEX mentions_article ON mentions (article_seq);
      CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        local_id TEXT NOT NULL,
        speaker_id INTEGER REFERENCES entities (id),
        speaker_local TEXT,
        speaker_text TEXT,
        kind TEXT NOT NULL,
        cue TEXT NOT NULL,
        content TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        date TEXT
      );
      CREATE INDEX quotes_speaker ON quotes (speaker_id, article_seq);
      CREATE INDEX quotes_article ON quotes (article_seq);
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        local_id TEXT NOT NULL,
        cameo TEXT NOT NULL,
        root TEXT NOT NULL,
        plover TEXT,
        quad TEXT NOT NULL,
        mode TEXT NOT NULL,
        date TEXT,
        sentence INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        trigger TEXT NOT NULL,
        quote_local TEXT
      );
      CREATE INDEX events_article ON events (article_seq);
      CREATE INDEX events_plover ON events (plover, date);
      CREATE INDEX events_root ON events (root, date);
      CREATE INDEX events_date ON events (date);
      CREATE TABLE event_actors (
        event_id INTEGER NOT NULL REFERENCES events (id),
        role TEXT NOT NULL CHECK (role IN ('source', 'target')),
        entity_id INTEGER REFERENCES entities (id),
        local_id TEXT,
        code TEXT NOT NULL,
        country TEXT,
        text TEXT NOT NULL
      );
      CREATE INDEX event_actors_entity ON event_actors (entity_id, event_id);
      CREATE INDEX event_actors_event ON event_actors (event_id);
      CREATE TABLE timexes (
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL
      );
      CREATE INDEX timexes_article ON timexes (article_seq);
      CREATE INDEX timexes_value ON timexes (value);
      CREATE TABLE graph_indexed (article_seq INTEGER PRIMARY KEY REFERENCES articles (seq));
    `,
  },
  {
    version: 3,
    name: 'every copy kept; stories of copies and versions, with fingerprints and their lookup keys',
    // Note: an article is one text with its layers; a copy is one outlet's (or URL's) publication of it. Every
    // article stored before this version becomes one copy of itself, with the meta it was stored with. Its
    // story is assigned when the store is next opened (fingerprints are computed in TypeScript, not SQL).
    sql: `
      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        originator TEXT,
        first_copy INTEGER,
        copies INTEGER NOT NULL DEFAULT 0,
        articles INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE INDEX stories_size ON stories (copies DESC, id DESC);
      ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories (id);
      ALTER TABLE articles ADD COLUMN relation TEXT CHECK (relation IN ('copy', 'version'));
      ALTER TABLE articles ADD COLUMN originator TEXT;
      CREATE INDEX articles_story ON articles (story_id);
      CREATE TABLE copies (
        id INTEGER PRIMARY KEY,
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        story_id INTEGER REFERENCES stories (id),
        originator TEXT,
        record_key TEXT NOT NULL,
        outlet TEXT,
        url TEXT,
        published TEXT,
        headline TEXT,
        source TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'original' CHECK (role IN ('original', 'copy', 'version')),
        ingested_at TEXT NOT NULL,
        UNIQUE (article_seq, record_key)
      );
      INSERT INTO copies (article_seq, record_key, outlet, url, published, headline, source, ingested_at)
        SELECT seq, CASE WHEN url IS NOT NULL THEN 'url:' || url ELSE 'outlet:' || coalesce(outlet, '') END,
               outlet, url, published, headline, source, ingested_at
        FROM articles ORDER BY seq;
      -- Note: a copy keeps its article's story and originator, so that a story's copies in time order, its first
      -- copy and its earliest credited copy are each one index lookup (story_id, undated last, published, id).
      CREATE INDEX copies_story ON copies (story_id, published IS NULL, published, id);
      CREATE INDEX copies_credited ON copies (story_id, published IS NULL, published, id) WHERE originator IS NOT NULL;
      CREATE TABLE fingerprints (article_seq INTEGER PRIMARY KEY REFERENCES articles (seq), data BLOB NOT NULL);
      CREATE TABLE story_keys (
        key TEXT NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles (seq),
        PRIMARY KEY (key, article_seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 4,
    name: 'facts counted once per story: quote and event facts, entity counts by story and by copy',
    // Note: nothing is rewritten: the new columns start at zero and the new tables empty, and the store fills
    // them for every stored article when it is next opened (story by story, in the order articles were stored).
    sql: `
      CREATE TABLE quote_facts (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories (id),
        speaker_key TEXT NOT NULL,
        words TEXT NOT NULL,
        claim TEXT NOT NULL,
        first_quote INTEGER NOT NULL
      );
      CREATE INDEX quote_facts_story ON quote_facts (story_id, speaker_key);
      CREATE INDEX quote_facts_claim ON quote_facts (claim, story_id);
      CREATE TABLE event_facts (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories (id),
        match_key TEXT NOT NULL,
        date TEXT,
        claim TEXT NOT NULL,
        first_event INTEGER NOT NULL
      );
      CREATE INDEX event_facts_story ON event_facts (story_id, match_key);
      CREATE INDEX event_facts_claim ON event_facts (claim, story_id);
      -- Note: lead is 1 on the first occurrence of each fact (and on a row not yet given a fact), so that
      -- counting facts is counting lead rows, on the indexes events and quotes already have.
      ALTER TABLE quotes ADD COLUMN fact_id INTEGER REFERENCES quote_facts (id);
      ALTER TABLE quotes ADD COLUMN lead INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX quotes_fact ON quotes (fact_id);
      CREATE INDEX quotes_speaker_fact ON quotes (speaker_id, fact_id);
      ALTER TABLE events ADD COLUMN fact_id INTEGER REFERENCES event_facts (id);
      ALTER TABLE events ADD COLUMN lead INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX events_fact ON events (fact_id);
      ALTER TABLE articles ADD COLUMN copies INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE articles ADD COLUMN graph_month TEXT;
      ALTER TABLE entities ADD COLUMN stories INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE entities ADD COLUMN copies INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX entities_stories ON entities (stories DESC);
      CREATE INDEX entities_copies ON entities (copies DESC);
      ALTER TABLE entity_months ADD COLUMN stories INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE entity_months ADD COLUMN copies INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE entity_pairs ADD COLUMN stories INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE entity_pairs ADD COLUMN copies INTEGER NOT NULL DEFAULT 0;
      -- Note: co-actors are read by stories (this index) or, on request, by copies (the entity's pairs sorted when
      -- read); the index by articles is no longer read. Every index here is written for 210 pairs per article.
      CREATE INDEX entity_pairs_stories ON entity_pairs (entity_id, stories DESC);
      DROP INDEX entity_pairs_top;
      CREATE TABLE entity_stories (
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        story_id INTEGER NOT NULL REFERENCES stories (id),
        articles INTEGER NOT NULL,
        PRIMARY KEY (entity_id, story_id)
      ) WITHOUT ROWID;
      CREATE TABLE story_pairs (
        story_id INTEGER NOT NULL REFERENCES stories (id),
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        other_id INTEGER NOT NULL REFERENCES entities (id),
        PRIMARY KEY (story_id, entity_id, other_id)
      ) WITHOUT ROWID;
      CREATE TABLE facts_indexed (article_seq INTEGER PRIMARY KEY REFERENCES articles (seq));
    `,
  },
  {
    version: 5,
    name: 'related coverage: stories about the same event linked, with their keys, features and key counts',
    // Note: the tables start empty; the store fills them for every stored story when it is next opened (features
    // are computed in TypeScript), in the order the stories were made.
    sql: `
      CREATE TABLE related_features (story_id INTEGER PRIMARY KEY REFERENCES stories (id), data TEXT NOT NULL);
      CREATE TABLE related_keys (
        key TEXT NOT NULL,
        story_id INTEGER NOT NULL REFERENCES stories (id),
        PRIMARY KEY (key, story_id)
      ) WITHOUT ROWID;
      -- Note: how many stories name each actor or place key, and how many stories are counted, for rarity.
      CREATE TABLE related_key_counts (key TEXT PRIMARY KEY, stories INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE related_totals (id INTEGER PRIMARY KEY CHECK (id = 1), stories INTEGER NOT NULL);
      INSERT INTO related_totals (id, stories) VALUES (1, 0);
      -- Note: each link is stored both ways, so that a story's related stories are one range of the primary key.
      CREATE TABLE related_links (
        story_id INTEGER NOT NULL REFERENCES stories (id),
        other_id INTEGER NOT NULL REFERENCES stories (id),
        score REAL NOT NULL,
        reasons TEXT NOT NULL,
        PRIMARY KEY (story_id, other_id),
        CHECK (story_id != other_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    name: "events' reporter and confidence, quotes' channels",
    // Note: filled from the stored documents, each parsed once (json_each over an article's layer). An event known
    // from a quote in a document stored before events named their reporter is reported by the quote's speaker
    // words, else its innermost channel; an event stored before confidence was given was coded by the dictionary
    // as it is (confidence 1, as the coder gives one without its typer).
    sql: `
      ALTER TABLE events ADD COLUMN reported_by TEXT;
      ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
      ALTER TABLE quotes ADD COLUMN channels TEXT NOT NULL DEFAULT '[]';
      UPDATE quotes SET channels = d.channels
        FROM (SELECT a.seq, q.value ->> 'id' AS local_id, (SELECT json_group_array(c.value ->> 'text') FROM json_each(q.value -> 'sources') c) AS channels
              FROM articles a, json_each(a.doc, '$.quotes') q) d
        WHERE d.seq = quotes.article_seq AND d.local_id = quotes.local_id;
      UPDATE events SET reported_by = d.reporter, confidence = coalesce(d.confidence, 1)
        FROM (SELECT a.seq, e.value ->> 'id' AS local_id, e.value ->> '$.reportedBy.name' AS reporter, e.value ->> 'confidence' AS confidence
              FROM articles a, json_each(a.doc, '$.events') e) d
        WHERE d.seq = events.article_seq AND d.local_id = events.local_id;
      UPDATE events SET reported_by = (SELECT coalesce(q.speaker_text, q.channels ->> 0) FROM quotes q WHERE q.article_seq = events.article_seq AND q.local_id = events.quote_local)
        WHERE reported_by IS NULL AND quote_local IS NOT NULL;
      CREATE INDEX quotes_local ON quotes (article_seq, local_id);
    `,
  },
  ALIASES_MIGRATION,
  INPUT_LEDGER_MIGRATION,
  FEEDS_MIGRATION,
  PLACES_MIGRATION,
  MENTION_PLACES_MIGRATION,
];

/** The newest schema version this program knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings a database up to {@link SCHEMA_VERSION}, one transaction per migration. Each runs under `BEGIN IMMEDIATE`
 * and reads the schema version inside it, so that processes opening one database at once apply each migration
 * once: the others wait for the write lock (the busy timeout), then find it applied.
 * @param target - stop at this version (tests build databases of an older schema with it)
 * @throws WiregraphError `WG_STORE_MIGRATION` when the database is newer than this program
 */
export function migrate(db: Database.Database, target: number = SCHEMA_VERSION): void {
  const step = db.transaction((): boolean => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const next = MIGRATIONS.find((m) => m.version > storedVersion(db) && m.version <= target);
    if (!next) return false;
    db.exec(next.sql);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(next.version, next.name, new Date().toISOString());
    return true;
  });
  // Note: a database already up to date is only read, so that opening it never waits for a writer.
  if (storedVersion(db) >= target) return;
  while (step.immediate()) continue;
}

/**
 * The schema version a database is at (0 when new).
 * @throws WiregraphError `WG_STORE_MIGRATION` when it is newer than this program
 */
function storedVersion(db: Database.Database): number {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()) return 0;
  const current = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new WiregraphError('WG_STORE_MIGRATION', `The database is at schema version ${current}, newer than this program's ${SCHEMA_VERSION}; upgrade wiregraph to open it.`);
  }
  return current;
}
