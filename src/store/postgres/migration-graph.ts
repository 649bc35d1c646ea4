/**
 * PostgreSQL schema 4: the knowledge graph, as SQLite's schema 10 holds it (its migrations 2, 4, 6, 7 and 10 in one):
 * entities across articles with their counts by article, story and copy, merges (undone and redone), aliases,
 * mentions, quotes and events with their facts, timexes, the months, roles and pairs of entities.
 * Note: the rows counted per entity, pair, month and story (and mentions) hold no foreign keys: only the indexer writes
 * them, from ids it has just read or written, and their checks were most of an article's time (210 pairs an article).
 * `end` is a reserved word here, so those columns are quoted where they are named alone; entity search reads
 * the normalised names and aliases by prefix on a btree index in the "C" collation (pg_trgm is contrib, not core).
 */
export const GRAPH_MIGRATION = {
  version: 4,
  name: 'knowledge graph: entities, merges, aliases, mentions, quotes, events and their facts, timexes',
  sql: `
    ALTER TABLE articles ADD COLUMN copies integer NOT NULL DEFAULT 0;
    ALTER TABLE articles ADD COLUMN graph_month text;
    CREATE TABLE entities (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      key text NOT NULL UNIQUE,
      type text NOT NULL,
      name text NOT NULL,
      norm text COLLATE "C" NOT NULL,
      wikidata text,
      country text,
      cameo text,
      mentions integer NOT NULL DEFAULT 0,
      articles integer NOT NULL DEFAULT 0,
      quotes integer NOT NULL DEFAULT 0,
      events integer NOT NULL DEFAULT 0,
      stories integer NOT NULL DEFAULT 0,
      copies integer NOT NULL DEFAULT 0
    );
    CREATE INDEX entities_norm ON entities (norm);
    CREATE INDEX entities_articles ON entities (articles DESC);
    CREATE INDEX entities_stories ON entities (stories DESC);
    CREATE INDEX entities_copies ON entities (copies DESC);
    CREATE TABLE entity_roles (
      entity_id integer NOT NULL REFERENCES entities (id),
      role text NOT NULL,
      first text COLLATE "C",
      last text COLLATE "C",
      articles integer NOT NULL,
      PRIMARY KEY (entity_id, role)
    );
    CREATE TABLE merges (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_seq integer NOT NULL REFERENCES articles (seq),
      local_id text NOT NULL,
      entity_id integer NOT NULL REFERENCES entities (id),
      original_entity_id integer NOT NULL REFERENCES entities (id),
      name text NOT NULL,
      type text NOT NULL,
      reason text NOT NULL,
      role text,
      undone_at text,
      wikidata text,
      country text,
      cameo text,
      aliases text,
      UNIQUE (article_seq, local_id)
    );
    CREATE INDEX merges_entity ON merges (entity_id, article_seq);
    CREATE INDEX merges_original ON merges (original_entity_id, article_seq);
    CREATE TABLE entity_aliases (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      entity_id integer NOT NULL REFERENCES entities (id),
      norm text COLLATE "C" NOT NULL,
      alias text NOT NULL,
      uses integer NOT NULL,
      UNIQUE (entity_id, norm)
    );
    CREATE INDEX entity_aliases_norm ON entity_aliases (norm, entity_id);
    CREATE TABLE entity_months (
      entity_id integer NOT NULL,
      month text COLLATE "C" NOT NULL,
      mentions integer NOT NULL,
      stories integer NOT NULL DEFAULT 0,
      copies integer NOT NULL DEFAULT 0,
      PRIMARY KEY (entity_id, month)
    );
    CREATE TABLE entity_pairs (
      entity_id integer NOT NULL,
      other_id integer NOT NULL,
      articles integer NOT NULL,
      stories integer NOT NULL DEFAULT 0,
      copies integer NOT NULL DEFAULT 0,
      PRIMARY KEY (entity_id, other_id)
    );
    CREATE INDEX entity_pairs_stories ON entity_pairs (entity_id, stories DESC);
    CREATE TABLE entity_stories (
      entity_id integer NOT NULL,
      story_id integer NOT NULL,
      articles integer NOT NULL,
      PRIMARY KEY (entity_id, story_id)
    );
    CREATE TABLE story_pairs (
      story_id integer NOT NULL,
      entity_id integer NOT NULL,
      other_id integer NOT NULL,
      PRIMARY KEY (story_id, entity_id, other_id)
    );
    CREATE TABLE mentions (
      article_seq integer NOT NULL,
      entity_id integer NOT NULL,
      local_id text NOT NULL,
      sentence integer NOT NULL,
      start integer NOT NULL,
      "end" integer NOT NULL,
      text text NOT NULL,
      kind text NOT NULL
    );
    CREATE INDEX mentions_entity ON mentions (entity_id, article_seq);
    CREATE INDEX mentions_article ON mentions (article_seq);
    CREATE TABLE quote_facts (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      story_id integer NOT NULL REFERENCES stories (id),
      speaker_key text NOT NULL,
      words text NOT NULL,
      claim text NOT NULL,
      first_quote integer NOT NULL
    );
    CREATE INDEX quote_facts_story ON quote_facts (story_id, speaker_key);
    CREATE INDEX quote_facts_claim ON quote_facts (claim, story_id);
    CREATE TABLE quotes (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_seq integer NOT NULL REFERENCES articles (seq),
      local_id text NOT NULL,
      speaker_id integer REFERENCES entities (id),
      speaker_local text,
      speaker_text text,
      kind text NOT NULL,
      cue text NOT NULL,
      content text NOT NULL,
      start integer NOT NULL,
      "end" integer NOT NULL,
      sentence integer NOT NULL,
      date text COLLATE "C",
      fact_id integer REFERENCES quote_facts (id),
      lead integer NOT NULL DEFAULT 1,
      channels text NOT NULL DEFAULT '[]'
    );
    CREATE INDEX quotes_speaker ON quotes (speaker_id, article_seq);
    CREATE INDEX quotes_article ON quotes (article_seq);
    CREATE INDEX quotes_fact ON quotes (fact_id);
    CREATE INDEX quotes_speaker_fact ON quotes (speaker_id, fact_id);
    CREATE INDEX quotes_local ON quotes (article_seq, local_id);
    CREATE TABLE event_facts (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      story_id integer NOT NULL REFERENCES stories (id),
      match_key text NOT NULL,
      date text,
      claim text NOT NULL,
      first_event integer NOT NULL
    );
    CREATE INDEX event_facts_story ON event_facts (story_id, match_key);
    CREATE INDEX event_facts_claim ON event_facts (claim, story_id);
    CREATE TABLE events (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      article_seq integer NOT NULL REFERENCES articles (seq),
      local_id text NOT NULL,
      cameo text COLLATE "C" NOT NULL,
      root text NOT NULL,
      plover text,
      quad text NOT NULL,
      mode text NOT NULL,
      date text COLLATE "C",
      sentence integer NOT NULL,
      start integer NOT NULL,
      "end" integer NOT NULL,
      trigger text NOT NULL,
      quote_local text,
      fact_id integer REFERENCES event_facts (id),
      lead integer NOT NULL DEFAULT 1,
      reported_by text,
      confidence double precision NOT NULL DEFAULT 1,
      lat double precision,
      lon double precision
    );
    CREATE INDEX events_article ON events (article_seq);
    CREATE INDEX events_plover ON events (plover, date);
    CREATE INDEX events_root ON events (root, date);
    CREATE INDEX events_date ON events (date);
    CREATE INDEX events_fact ON events (fact_id);
    CREATE INDEX events_lat ON events (lat) WHERE lat IS NOT NULL;
    CREATE TABLE event_actors (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id integer NOT NULL REFERENCES events (id),
      role text NOT NULL CHECK (role IN ('source', 'target')),
      entity_id integer REFERENCES entities (id),
      local_id text,
      code text NOT NULL,
      country text,
      text text NOT NULL
    );
    CREATE INDEX event_actors_entity ON event_actors (entity_id, event_id);
    CREATE INDEX event_actors_event ON event_actors (event_id);
    CREATE TABLE timexes (
      article_seq integer NOT NULL REFERENCES articles (seq),
      start integer NOT NULL,
      "end" integer NOT NULL,
      text text NOT NULL,
      type text NOT NULL,
      value text NOT NULL
    );
    CREATE INDEX timexes_article ON timexes (article_seq);
    CREATE INDEX timexes_value ON timexes (value);
    -- Note: the articles whose graph is stored; those stored before this schema are indexed when the store is opened.
    CREATE TABLE graph_indexed (article_seq integer PRIMARY KEY REFERENCES articles (seq));
  `,
} as const;

/**
 * PostgreSQL schema 5, as SQLite's 11: mentions keep the point of the place they name (the mention's own, else its
 * entity's), for the map of places mentioned; filled from the stored documents.
 */
export const MENTION_PLACES_MIGRATION = {
  version: 5,
  name: "mentions' place points",
  sql: `
    ALTER TABLE mentions ADD COLUMN lat double precision;
    ALTER TABLE mentions ADD COLUMN lon double precision;
    UPDATE mentions SET lat = d.lat, lon = d.lon
      FROM (SELECT a.seq, e.value ->> 'id' AS local_id, (m.value ->> 'start')::integer AS start,
                   coalesce((m.value #>> '{geo,lat}'), (e.value #>> '{geo,lat}'))::double precision AS lat,
                   coalesce((m.value #>> '{geo,lon}'), (e.value #>> '{geo,lon}'))::double precision AS lon
            FROM articles a, jsonb_array_elements(a.doc::jsonb -> 'entities') e, jsonb_array_elements(e.value -> 'mentions') m) d
      WHERE d.seq = mentions.article_seq AND d.local_id = mentions.local_id AND d.start = mentions.start AND d.lat IS NOT NULL;
    CREATE INDEX mentions_placed ON mentions (article_seq) WHERE lat IS NOT NULL;
  `,
} as const;

/**
 * PostgreSQL schema 6: indexes for the API's reads on a large store (measured with EXPLAIN on 20,000 articles).
 * - the facts a list counts by story are the rows with `lead = 1`, a few of a story's copies: partial indexes keep
 *   the newest of them one index range, where a backward scan of all events or quotes passed over every copy's;
 * - an entity's first merges, by id, from either side (the entity page lists 100);
 * - articles newest published first, undated last, as the list by publication orders them;
 * - an entity's mentions by article and local entity, newest first (the latest five of a place).
 */
export const READ_INDEX_MIGRATION = {
  version: 6,
  name: 'indexes for the API on large stores: lead events and quotes, merges by id, articles by publication',
  sql: `
    CREATE INDEX events_lead ON events (id) WHERE lead = 1;
    CREATE INDEX quotes_lead ON quotes (id) WHERE lead = 1;
    CREATE INDEX merges_entity_id ON merges (entity_id, id);
    CREATE INDEX merges_original_id ON merges (original_entity_id, id);
    CREATE INDEX articles_published_desc ON articles (published DESC NULLS LAST, seq DESC);
    CREATE INDEX mentions_entity_local ON mentions (entity_id, article_seq DESC, local_id);
  `,
} as const;
