/**
 * Schema 10: events keep the point of their place (the geo stage's `place.geo`, a dateline fallback included), so
 * that `/api/events?near=LAT,LON&km=R` selects them in SQL. Filled from the stored documents, each parsed once;
 * an event stored before the geo stage ran has none.
 */
export const PLACES_MIGRATION = {
  version: 10,
  name: "events' place points",
  sql: `
    ALTER TABLE events ADD COLUMN lat REAL;
    ALTER TABLE events ADD COLUMN lon REAL;
    UPDATE events SET lat = d.lat, lon = d.lon
      FROM (SELECT a.seq, e.value ->> 'id' AS local_id, e.value ->> '$.place.geo.lat' AS lat, e.value ->> '$.place.geo.lon' AS lon
            FROM articles a, json_each(a.doc, '$.events') e) d
      WHERE d.seq = events.article_seq AND d.local_id = events.local_id AND d.lat IS NOT NULL;
    CREATE INDEX events_lat ON events (lat) WHERE lat IS NOT NULL;
  `,
} as const;

/**
 * Schema 11: mentions keep the point of the place they name (the mention's own, where it names another place than
 * its entity, else its entity's), so that the map can show where the news talks about, filtered like the events.
 * Filled from the stored documents, each parsed once.
 */
export const MENTION_PLACES_MIGRATION = {
  version: 11,
  name: "mentions' place points",
  sql: `
    ALTER TABLE mentions ADD COLUMN lat REAL;
    ALTER TABLE mentions ADD COLUMN lon REAL;
    UPDATE mentions SET lat = d.lat, lon = d.lon
      FROM (SELECT a.seq, e.value ->> 'id' AS local_id, m.value ->> 'start' AS start,
                   coalesce(m.value ->> '$.geo.lat', e.value ->> '$.geo.lat') AS lat, coalesce(m.value ->> '$.geo.lon', e.value ->> '$.geo.lon') AS lon
            FROM articles a, json_each(a.doc, '$.entities') e, json_each(e.value, '$.mentions') m) d
      WHERE d.seq = mentions.article_seq AND d.local_id = mentions.local_id AND d.start = mentions.start AND d.lat IS NOT NULL;
    CREATE INDEX mentions_placed ON mentions (article_seq) WHERE lat IS NOT NULL;
  `,
} as const;
