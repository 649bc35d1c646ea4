import type { Entity } from '../../article/layers.js';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { quadClass } from '../graph.js';
import { isOutlet } from '../sqlite/co-actors.js';
import type { StoredAlias } from '../sqlite/entity-aliases.js';
import { monthOf, pairedEntities, reporterOf, sentenceAt, votedType, type GraphIndexOptions, type TypeVotes } from '../sqlite/graph-index.js';
import type { PgDb } from './dialect.js';
import { withCounts, type GraphCounts } from './graph-counts.js';
import { indexEntities } from './graph-entities.js';

// Note: the rules (global keys, aliases, type votes, pairs) are the SQLite store's, imported; only the statements differ.

/** An article's mentions that make co-actors, per global entity. */
export type CoActors = ReadonlyMap<number, number>;

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

/** Adds one to a count per id. */
const tally = (counts: Map<number, number>, id: number): void => void counts.set(id, (counts.get(id) ?? 0) + 1);

/** Raises a counter of entities (`quotes`, `events`) by each one's count, in one statement. */
async function countUp(db: PgDb, column: 'quotes' | 'events', counts: ReadonlyMap<number, number>): Promise<void> {
  if (counts.size > 0) await db.run(`UPDATE entities e SET ${column} = e.${column} + t.n FROM unnest(?::integer[], ?::integer[]) AS t (id, n) WHERE e.id = t.id`, [...counts.keys()], [...counts.values()]);
}

/** Columns of rows, for an insert from `unnest` (one array per column). */
function columns(rows: ReadonlyArray<readonly unknown[]>, width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((r) => r[i]));
}

/** Stores an article's quotes, events (with their actors) and timexes: a statement per layer, rows in their order. */
async function indexFacts(db: PgDb, seq: number, doc: WiregraphDoc, global: ReadonlyMap<string, number>): Promise<void> {
  const said = new Map<number, number>();
  const quotes = doc.quotes.map((q) => {
    const speaker = q.speaker ? global.get(q.speaker) ?? null : null;
    if (speaker !== null) tally(said, speaker);
    return [q.id, speaker, q.speaker, q.speakerText, q.kind, q.cue.text, q.content.text, q.content.start, q.content.end, sentenceAt(doc.sentences, q.content.start), q.date, JSON.stringify((q.sources ?? []).map((c) => c.text))];
  });
  await countUp(db, 'quotes', said);
  if (quotes.length > 0) {
    await db.run('INSERT INTO quotes (article_seq, local_id, speaker_id, speaker_local, speaker_text, kind, cue, content, start, "end", sentence, date, channels) SELECT ?::integer, l, s, sl, st, k, c, t, b, e, n, d, ch FROM unnest(?::text[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::text[], ?::text[]) WITH ORDINALITY AS x (l, s, sl, st, k, c, t, b, e, n, d, ch, o) ORDER BY o', seq, ...columns(quotes, 12));
  }
  if (doc.events.length > 0) {
    const rows = doc.events.map((e) => [e.id, e.cameo, e.cameo.slice(0, 2), e.plover, quadClass(e.cameo), e.mode, e.date, e.sentence, e.trigger.start, e.trigger.end, e.trigger.text, e.quote, reporterOf(e, doc), e.confidence ?? 1, e.place?.geo?.lat ?? null, e.place?.geo?.lon ?? null]);
    const stored = await db.all<{ id: number; local: string }>('INSERT INTO events (article_seq, local_id, cameo, root, plover, quad, mode, date, sentence, start, "end", trigger, quote_local, reported_by, confidence, lat, lon) SELECT ?::integer, l, c, r, p, q, m, d, n, b, e, t, ql, rb, cf, la, lo FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[]) WITH ORDINALITY AS x (l, c, r, p, q, m, d, n, b, e, t, ql, rb, cf, la, lo, o) ORDER BY o RETURNING id, local_id AS local', seq, ...columns(rows, 16));
    const idOf = new Map(stored.map((r) => [r.local, r.id]));
    const actors: unknown[][] = [];
    const happened = new Map<number, number>();
    for (const e of doc.events) {
      const involved = new Set<number>();
      for (const [role, side] of [['source', e.source], ['target', e.target]] as const) {
        for (const a of side) {
          const entity = a.entity ? global.get(a.entity) ?? null : null;
          if (entity !== null) involved.add(entity);
          actors.push([idOf.get(e.id), role, entity, a.entity, a.code, a.country, a.text]);
        }
      }
      // Note: an entity's counter counts what happened; planned, hypothetical and negated events are stored, not counted.
      if (e.mode === 'asserted') for (const id of involved) tally(happened, id);
    }
    if (actors.length > 0) await db.run('INSERT INTO event_actors (event_id, role, entity_id, local_id, code, country, text) SELECT v, r, n, l, c, k, t FROM unnest(?::integer[], ?::text[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS x (v, r, n, l, c, k, t, o) ORDER BY o', ...columns(actors, 7));
    await countUp(db, 'events', happened);
  }
  if (doc.timexes.length > 0) {
    const cols = (['start', 'end', 'text', 'type', 'value'] as const).map((k) => doc.timexes.map((t) => t[k]));
    await db.run('INSERT INTO timexes (article_seq, start, "end", text, type, value) SELECT ?::integer, * FROM unnest(?::integer[], ?::integer[], ?::text[], ?::text[], ?::text[])', seq, ...cols);
  }
}

/**
 * Adds an article's layers to the graph tables, as `sqlite/graph-index.ts` does. Call it inside the transaction that
 * stores the article, so that an article is in the graph exactly when it is stored.
 * Its months' and pairs' counts go to `counts` when given (written with the batch), else are written now.
 * @returns its co-actor mentions, which its story and copies count until a merge of it is undone
 */
export async function indexGraph(db: PgDb, seq: number, doc: WiregraphDoc, options: GraphIndexOptions = {}, counts?: GraphCounts): Promise<CoActors> {
  return withCounts(db, counts, (held) => indexArticle(db, seq, doc, options, held));
}

async function indexArticle(db: PgDb, seq: number, doc: WiregraphDoc, options: GraphIndexOptions, counts: GraphCounts): Promise<CoActors> {
  const { global, perGlobal } = await indexEntities(db, seq, doc, options);
  const month = monthOf(doc);
  if (perGlobal.size > 0) {
    const ids = [...perGlobal.keys()];
    // Note: written at once, not held with the batch's counts: matching reads `articles` (the most stored of a name).
    await db.run('UPDATE entities e SET mentions = e.mentions + t.n, articles = e.articles + 1 FROM unnest(?::integer[], ?::integer[]) AS t (id, n) WHERE e.id = t.id', ids, [...perGlobal.values()]);
    for (const [id, n] of perGlobal) counts.month(id, month, 'mentions', n);
  }
  const coActors = await coActorMentions(db, seq);
  const top = pairedEntities(coActors);
  for (const a of top) for (const b of top) if (a !== b) counts.pair(a, b, 'articles', 1);
  await indexFacts(db, seq, doc, global);
  await db.run('INSERT INTO graph_indexed (article_seq) VALUES (?) ON CONFLICT DO NOTHING', seq);
  return coActors;
}
