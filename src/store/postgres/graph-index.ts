import type { Entity } from '../../article/layers.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { normaliseName } from '../../text/normalise.js';
import { organisationCore } from '../../text/org-name.js';
import { quadClass } from '../graph.js';
import { isOutlet } from '../sqlite/co-actors.js';
import { documentAcronyms, entityAliases, type StoredAlias } from '../sqlite/entity-aliases.js';
import { countryOf, globalKey, monthOf, pairedEntities, PLAIN_TYPES, reporterOf, sentenceAt, votedType, type GraphIndexOptions, type TypeVotes } from '../sqlite/graph-index.js';
import type { PgDb } from './dialect.js';

// Note: the rules (global keys, aliases, type votes, pairs) are the SQLite store's, imported; only the statements differ.

type EntityRow = { id: number; type: string; wikidata: string | null; country: string | null; cameo: string | null };

/** The mentions that make co-actors, per global entity, as `sqlite/co-actors.ts` counts them. */
export async function coActorMentions(db: PgDb, seq: number): Promise<Map<number, number>> {
  const d = await db.get<{ start: number | null; end: number | null }>("SELECT (doc::json #>> '{meta,dateline,start}')::integer AS start, (doc::json #>> '{meta,dateline,end}')::integer AS end FROM articles WHERE seq = ?", seq);
  const rows = await db.all<{ id: number; name: string; type: string; n: number }>(
    'SELECT m.entity_id AS id, g.name, g.type, count(*) AS n FROM mentions m JOIN merges g ON g.entity_id = m.entity_id AND g.article_seq = m.article_seq AND g.local_id = m.local_id WHERE m.article_seq = ? AND NOT (m.start >= ? AND m.end <= ?) GROUP BY m.entity_id, m.local_id, g.name, g.type ORDER BY m.entity_id',
    seq, d?.start ?? -1, d?.end ?? -1,
  );
  const counts = new Map<number, number>();
  for (const r of rows) if (!isOutlet(r.type, r.name)) counts.set(r.id, (counts.get(r.id) ?? 0) + r.n);
  return counts;
}

/** The type an entity's merges vote for (`sqlite/graph-index.ts`' {@link votedType}). */
export async function voteType(db: PgDb, id: number): Promise<string | null> {
  return votedType(await db.all<TypeVotes[number]>("SELECT type, strpos(trim(name), ' ') = 0 AS single, count(*) AS n, min(id) AS first FROM merges WHERE entity_id = ? GROUP BY type, single", id));
}

/** Counts an entity's aliases up (or down, dropping those no merge gives any more). */
export async function addAliases(db: PgDb, entity: number, aliases: readonly StoredAlias[], by: 1 | -1 = 1): Promise<void> {
  if (aliases.length === 0) return;
  if (by === 1) {
    await db.run('INSERT INTO entity_aliases (entity_id, norm, alias, uses) SELECT ?::integer, n, a, 1 FROM unnest(?::text[], ?::text[]) AS t (n, a) ON CONFLICT (entity_id, norm) DO UPDATE SET uses = entity_aliases.uses + 1', entity, aliases.map((a) => a.norm), aliases.map((a) => a.alias));
    return;
  }
  const norms = aliases.map((a) => a.norm);
  await db.run('UPDATE entity_aliases SET uses = uses - 1 WHERE entity_id = ? AND norm = ANY(?::text[])', entity, norms);
  await db.run('DELETE FROM entity_aliases WHERE entity_id = ? AND norm = ANY(?::text[]) AND uses <= 0', entity, norms);
}

/** The global entity an article's entity is matched to (a stored one, or null), and why. */
async function matchEntity(db: PgDb, e: Entity, found: { key: string; reason: string }, known: readonly StoredAlias[]): Promise<{ row: EntityRow | undefined; reason: string }> {
  const { key } = found;
  const find = (k: string) => db.get<EntityRow>('SELECT id, type, wikidata, country, cameo FROM entities WHERE key = ?', k);
  let row = await find(key);
  if (row || found.reason !== 'name' || !PLAIN_TYPES.has(e.type)) return { row, reason: found.reason };
  // Note: a name typed otherwise in another article is the same entity (the most stored one), its type voted.
  row = await db.get<EntityRow>("SELECT id, type, wikidata, country, cameo FROM entities WHERE norm IN (?, ?) AND key LIKE 'name:%' AND type IN ('PERSON', 'ORG', 'LOC', 'MISC') ORDER BY articles DESC, id LIMIT 1", normaliseName(e.name), key.slice(key.indexOf(':', 5) + 1));
  if (row) return { row, reason: 'name-other-type' };
  if (e.type === 'PERSON') return { row, reason: found.reason };
  // Note: an organisation under another of the names the article gives it, as on SQLite (`graphIndexer`'s byAlias).
  for (const { norm } of known) {
    const keyed = await find(`name:ORG:${organisationCore(norm)}`);
    if (keyed) return { row: keyed, reason: 'alias' };
    const holders = await db.all<EntityRow>("SELECT DISTINCT e.id, e.type, e.wikidata, e.country, e.cameo FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.norm = ? AND a.uses > 0 AND e.type IN ('ORG', 'LOC', 'MISC') AND e.key LIKE 'name:%' LIMIT 2", norm);
    if (holders.length === 1) return { row: holders[0], reason: 'alias' };
  }
  return { row: undefined, reason: found.reason };
}

/** Stores an article's entities (matched to global ones, with their merges, aliases, roles and mentions). */
async function indexEntities(db: PgDb, seq: number, doc: WiregraphDoc, options: GraphIndexOptions): Promise<{ global: Map<string, number>; perGlobal: Map<number, number> }> {
  const keyOf = options.keyOf ?? globalKey;
  const published = doc.meta.published ?? doc.meta.dateline?.date ?? null;
  const dated = published && /^\d{4}-\d{2}/u.test(published) ? published : null;
  const global = new Map<string, number>();
  const perGlobal = new Map<number, number>();
  const acronyms = documentAcronyms(doc);
  const mentions: unknown[][] = [[], [], [], [], [], [], []];
  for (const e of doc.entities) {
    const known = entityAliases(e, acronyms, options.aliases);
    const matched = await matchEntity(db, e, keyOf(e, doc), known);
    let row = matched.row;
    if (!row) {
      const id = (await db.get<{ id: number }>('INSERT INTO entities (key, type, name, norm, wikidata, country, cameo) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id', keyOf(e, doc).key, e.type, e.name, normaliseName(e.name), e.links.wikidata, countryOf(e), e.links.cameo))!.id;
      row = { id, type: e.type, ...e.links };
    } else {
      if (e.type === 'GPE' && row.type === 'NORP') await db.run("UPDATE entities SET name = ?, norm = ?, type = 'GPE' WHERE id = ? AND type = 'NORP'", e.name, normaliseName(e.name), row.id);
      const { wikidata, cameo } = e.links;
      const country = countryOf(e);
      if ((wikidata && !row.wikidata) || (country && !row.country) || (cameo && !row.cameo)) await db.run('UPDATE entities SET wikidata = coalesce(wikidata, ?), country = coalesce(country, ?), cameo = coalesce(cameo, ?) WHERE id = ?', wikidata, country, cameo, row.id);
    }
    global.set(e.id, row.id);
    perGlobal.set(row.id, (perGlobal.get(row.id) ?? 0) + e.mentions.length);
    await db.run('INSERT INTO merges (article_seq, local_id, entity_id, original_entity_id, name, type, reason, role, wikidata, country, cameo, aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', seq, e.id, row.id, row.id, e.name, e.type, matched.reason, e.role, e.links.wikidata, e.links.country, e.links.cameo, JSON.stringify(known));
    if (e.type !== row.type && PLAIN_TYPES.has(e.type) && PLAIN_TYPES.has(row.type)) {
      const voted = await voteType(db, row.id);
      if (voted && voted !== row.type) await db.run('UPDATE entities SET type = ? WHERE id = ?', voted, row.id);
    }
    await addAliases(db, row.id, known);
    if (e.role) await db.run('INSERT INTO entity_roles (entity_id, role, first, last, articles) VALUES (?, ?, ?, ?, 1) ON CONFLICT (entity_id, role) DO UPDATE SET articles = entity_roles.articles + 1, first = least(coalesce(entity_roles.first, excluded.first), coalesce(excluded.first, entity_roles.first)), last = greatest(coalesce(entity_roles.last, excluded.last), coalesce(excluded.last, entity_roles.last))', row.id, e.role, dated, dated);
    for (const m of e.mentions) [row.id, e.id, sentenceAt(doc.sentences, m.start), m.start, m.end, m.text, m.kind].forEach((v, i) => mentions[i]!.push(v));
  }
  if (mentions[0]!.length > 0) {
    await db.run('INSERT INTO mentions (article_seq, entity_id, local_id, sentence, start, "end", text, kind) SELECT ?::integer, * FROM unnest(?::integer[], ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::text[], ?::text[])', seq, ...mentions);
  }
  return { global, perGlobal };
}

/** Stores an article's quotes, events (with their actors) and timexes. */
async function indexFacts(db: PgDb, seq: number, doc: WiregraphDoc, global: ReadonlyMap<string, number>): Promise<void> {
  for (const q of doc.quotes) {
    const speaker = q.speaker ? global.get(q.speaker) ?? null : null;
    if (speaker !== null) await db.run('UPDATE entities SET quotes = quotes + 1 WHERE id = ?', speaker);
    await db.run('INSERT INTO quotes (article_seq, local_id, speaker_id, speaker_local, speaker_text, kind, cue, content, start, "end", sentence, date, channels) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', seq, q.id, speaker, q.speaker, q.speakerText, q.kind, q.cue.text, q.content.text, q.content.start, q.content.end, sentenceAt(doc.sentences, q.content.start), q.date, JSON.stringify((q.sources ?? []).map((c) => c.text)));
  }
  for (const e of doc.events) {
    const id = (await db.get<{ id: number }>('INSERT INTO events (article_seq, local_id, cameo, root, plover, quad, mode, date, sentence, start, "end", trigger, quote_local, reported_by, confidence, lat, lon) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id', seq, e.id, e.cameo, e.cameo.slice(0, 2), e.plover, quadClass(e.cameo), e.mode, e.date, e.sentence, e.trigger.start, e.trigger.end, e.trigger.text, e.quote, reporterOf(e, doc), e.confidence ?? 1, e.place?.geo?.lat ?? null, e.place?.geo?.lon ?? null))!.id;
    const involved = new Set<number>();
    const actors: unknown[][] = [[], [], [], [], [], []];
    for (const [role, side] of [['source', e.source], ['target', e.target]] as const) {
      for (const a of side) {
        const entity = a.entity ? global.get(a.entity) ?? null : null;
        if (entity !== null) involved.add(entity);
        [role, entity, a.entity, a.code, a.country, a.text].forEach((v, i) => actors[i]!.push(v));
      }
    }
    if (actors[0]!.length > 0) await db.run('INSERT INTO event_actors (event_id, role, entity_id, local_id, code, country, text) SELECT ?::integer, * FROM unnest(?::text[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[])', id, ...actors);
    // Note: an entity's counter counts what happened; planned, hypothetical and negated events are stored, not counted.
    if (e.mode === 'asserted' && involved.size > 0) await db.run('UPDATE entities SET events = events + 1 WHERE id = ANY(?::integer[])', [...involved]);
  }
  if (doc.timexes.length > 0) {
    const cols = (['start', 'end', 'text', 'type', 'value'] as const).map((k) => doc.timexes.map((t) => t[k]));
    await db.run('INSERT INTO timexes (article_seq, start, "end", text, type, value) SELECT ?::integer, * FROM unnest(?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[])', seq, ...cols);
  }
}

/**
 * Adds an article's layers to the graph tables, as `sqlite/graph-index.ts` does. Call it inside the transaction that
 * stores the article, so that an article is in the graph exactly when it is stored.
 */
export async function indexGraph(db: PgDb, seq: number, doc: WiregraphDoc, options: GraphIndexOptions = {}): Promise<void> {
  const { global, perGlobal } = await indexEntities(db, seq, doc, options);
  const month = monthOf(doc);
  if (perGlobal.size > 0) {
    const ids = [...perGlobal.keys()];
    const counts = [...perGlobal.values()];
    await db.run('UPDATE entities e SET mentions = e.mentions + t.n, articles = e.articles + 1 FROM unnest(?::integer[], ?::integer[]) AS t (id, n) WHERE e.id = t.id', ids, counts);
    await db.run('INSERT INTO entity_months (entity_id, month, mentions) SELECT id, ?::text, n FROM unnest(?::integer[], ?::integer[]) AS t (id, n) ON CONFLICT (entity_id, month) DO UPDATE SET mentions = entity_months.mentions + excluded.mentions', month, ids, counts);
  }
  const top = pairedEntities(await coActorMentions(db, seq));
  const pairs = top.flatMap((a) => top.filter((b) => b !== a).map((b) => [a, b] as const));
  if (pairs.length > 0) await db.run('INSERT INTO entity_pairs (entity_id, other_id, articles) SELECT a, b, 1 FROM unnest(?::integer[], ?::integer[]) AS t (a, b) ON CONFLICT (entity_id, other_id) DO UPDATE SET articles = entity_pairs.articles + 1', pairs.map((p) => p[0]), pairs.map((p) => p[1]));
  await indexFacts(db, seq, doc, global);
  await db.run('INSERT INTO graph_indexed (article_seq) VALUES (?) ON CONFLICT DO NOTHING', seq);
}
