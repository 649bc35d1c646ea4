import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { claimKey, contentWords, datesClose, nearlySameContent, sideKey, speakerKey } from '../sqlite/fact-match.js';
import { monthOf, pairedEntities } from '../sqlite/graph-index.js';
import type { PgDb } from './dialect.js';
import { withCounts, type GraphCounts } from './graph-counts.js';
import { coActorMentions, type CoActors } from './graph-index.js';

// Note: the story-level part of the graph, as `sqlite/graph-facts.ts` writes it (the matching rules are imported);
// run inside the transaction that stores an article, after its graph rows are written and it is placed in a story.

/** Mentions per global entity of a stored article. */
async function entityIds(db: PgDb, seq: number): Promise<number[]> {
  return (await db.all<{ id: number }>('SELECT DISTINCT entity_id AS id FROM mentions WHERE article_seq = ? ORDER BY entity_id', seq)).map((r) => r.id);
}

/** Each pair of the article's paired entities, once (the smaller id first). */
function pairsOf(entities: Iterable<readonly [number, number]>): Array<[number, number]> {
  const top = pairedEntities(entities);
  return top.flatMap((a) => top.filter((b) => a < b).map((b): [number, number] => [a, b]));
}

/** A fact of a story as its rows are matched to it: stored (`id`), or new in this article (`id` null until stored). */
interface LocalFact {
  id: number | null;
  readonly key: string;
  readonly value: string | null;
  readonly first: number;
}

/**
 * Matches an article's rows to its story's facts in order, as one statement per row did on SQLite: a row nearly the
 * same as a fact (stored, or made by an earlier row of the article) is an occurrence of it, else it makes a fact.
 * The new facts are stored in one statement (their ids in the order of their rows), the rows' facts in another.
 */
async function matchFacts<R extends { readonly id: number }>(db: PgDb, kind: 'quote' | 'event', story: number, rows: readonly R[], keyOf: (r: R) => { key: string; value: string | null }, same: (r: R, f: LocalFact) => boolean): Promise<void> {
  if (rows.length === 0) return;
  const [table, keyColumn, valueColumn, firstColumn, rowTable] = kind === 'quote' ? ['quote_facts', 'speaker_key', 'words', 'first_quote', 'quotes'] : ['event_facts', 'match_key', 'date', 'first_event', 'events'];
  const facts: LocalFact[] = (await db.all<{ id: number; key: string; value: string | null }>(`SELECT id, ${keyColumn} AS key, ${valueColumn} AS value FROM ${table} WHERE story_id = ? ORDER BY id`, story)).map((f) => ({ ...f, first: 0 }));
  const made: LocalFact[] = [];
  const assigned: Array<{ row: number; fact: LocalFact; lead: number }> = [];
  for (const r of rows) {
    const { key, value } = keyOf(r);
    const match = facts.find((f) => f.key === key && same(r, f));
    if (match) assigned.push({ row: r.id, fact: match, lead: 0 });
    else {
      const fact: LocalFact = { id: null, key, value, first: r.id };
      facts.push(fact);
      made.push(fact);
      assigned.push({ row: r.id, fact, lead: 1 });
    }
  }
  if (made.length > 0) {
    const stored = await db.all<{ id: number; first: number }>(
      `INSERT INTO ${table} (story_id, ${keyColumn}, ${valueColumn}, claim, ${firstColumn}) SELECT ?::integer, k, v, c, f FROM unnest(?::text[], ?::text[], ?::text[], ?::integer[]) WITH ORDINALITY AS t (k, v, c, f, o) ORDER BY o RETURNING id, ${firstColumn} AS first`,
      story, made.map((f) => f.key), made.map((f) => f.value), made.map((f) => claimKey(kind, f.key, f.value)), made.map((f) => f.first),
    );
    const ids = new Map(stored.map((f) => [f.first, f.id]));
    for (const f of made) f.id = ids.get(f.first)!;
  }
  await db.run(`UPDATE ${rowTable} r SET fact_id = t.f, lead = t.l FROM unnest(?::integer[], ?::integer[], ?::integer[]) AS t (id, f, l) WHERE r.id = t.id`, assigned.map((a) => a.row), assigned.map((a) => a.fact.id), assigned.map((a) => a.lead));
}

/** Puts an article's quotes into its story's quote facts. */
async function mergeQuotes(db: PgDb, seq: number, story: number): Promise<void> {
  const quotes = (await db.all<{ id: number; speaker: number | null; speakerText: string | null; content: string }>('SELECT id, speaker_id AS speaker, speaker_text AS speakerText, content FROM quotes WHERE article_seq = ? ORDER BY id', seq))
    .map((q) => ({ id: q.id, key: speakerKey(q.speaker, q.speakerText), words: contentWords(q.content) }));
  await matchFacts(db, 'quote', story, quotes, (q) => ({ key: q.key, value: q.words.join(' ') }), (q, f) => nearlySameContent(q.words, f.value === '' || f.value === null ? [] : f.value.split(' ')));
}

/** Puts an article's events into its story's event facts: same code, mode and actors on each side, close dates. */
async function mergeEvents(db: PgDb, seq: number, story: number): Promise<void> {
  const actors = await db.all<{ event: number; role: string; entity: number | null; code: string }>('SELECT event_id AS event, role, entity_id AS entity, code FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE article_seq = ?) ORDER BY id', seq);
  const events = (await db.all<{ id: number; cameo: string; mode: string; date: string | null }>('SELECT id, cameo, mode, date FROM events WHERE article_seq = ? ORDER BY id', seq)).map((e) => {
    const mine = actors.filter((a) => a.event === e.id);
    return { id: e.id, date: e.date, key: `${e.cameo}|${e.mode}|${sideKey(mine.filter((a) => a.role === 'source'))}>${sideKey(mine.filter((a) => a.role === 'target'))}` };
  });
  await matchFacts(db, 'event', story, events, (e) => ({ key: e.key, value: e.date }), (e, f) => datesClose(f.value, e.date));
}

/**
 * Counts an article in its story: each entity and pair once per story, and its quotes and events merged into the
 * story's facts (a quote or event nearly the same as one of the story's facts becomes an occurrence of it).
 * The counts by story of entities, months and pairs go to `counts` when given, else are written now.
 */
export async function factsPlaced(db: PgDb, seq: number, story: number, month: string, coActors?: CoActors, counts?: GraphCounts): Promise<void> {
  await withCounts(db, counts, (held) => placed(db, seq, story, month, held, coActors));
  await mergeQuotes(db, seq, story);
  await mergeEvents(db, seq, story);
}

async function placed(db: PgDb, seq: number, story: number, month: string, counts: GraphCounts, coActors?: CoActors): Promise<void> {
  await db.run('UPDATE articles SET graph_month = ? WHERE seq = ?', month, seq);
  const joined = await db.all<{ id: number; articles: number }>('INSERT INTO entity_stories (entity_id, story_id, articles) SELECT id, ?::integer, 1 FROM unnest(?::integer[]) AS id ON CONFLICT (entity_id, story_id) DO UPDATE SET articles = entity_stories.articles + 1 RETURNING entity_id AS id, articles', story, await entityIds(db, seq));
  // Note: a story counts in the month of its first stored article that mentions the entity.
  for (const j of joined) {
    if (j.articles !== 1) continue;
    counts.entity(j.id, 'stories', 1);
    counts.month(j.id, month, 'stories', 1);
  }
  const pairs = pairsOf(coActors ?? (await coActorMentions(db, seq)));
  if (pairs.length > 0) {
    const newPairs = await db.all<{ a: number; b: number }>('INSERT INTO story_pairs (story_id, entity_id, other_id) SELECT ?::integer, a, b FROM unnest(?::integer[], ?::integer[]) AS t (a, b) ON CONFLICT DO NOTHING RETURNING entity_id AS a, other_id AS b', story, pairs.map((p) => p[0]), pairs.map((p) => p[1]));
    for (const { a, b } of newPairs) (counts.pair(a, b, 'stories', 1), counts.pair(b, a, 'stories', 1));
  }
}

/** Like {@link factsPlaced}, for an article whose month is read from its stored document. */
export async function factsPlacedStored(db: PgDb, seq: number, story: number): Promise<void> {
  const row = await db.get<{ doc: string }>('SELECT doc FROM articles WHERE seq = ?', seq);
  await factsPlaced(db, seq, story, row ? monthOf(JSON.parse(row.doc) as Pick<WiregraphDoc, 'meta'>) : 'undated');
}

/**
 * Counts `n` new copies (publications) of an article's text (its co-actor mentions, when known, are not read again):
 * its entities, their months and pairs, by copy; held in `counts` when given, else written now.
 */
export async function factsCopied(db: PgDb, seq: number, n: number, coActors?: CoActors, counts?: GraphCounts): Promise<void> {
  await withCounts(db, counts, (held) => copied(db, seq, n, held, coActors));
}

async function copied(db: PgDb, seq: number, n: number, counts: GraphCounts, coActors?: CoActors): Promise<void> {
  const month = (await db.get<{ month: string | null }>('UPDATE articles SET copies = copies + ? WHERE seq = ? RETURNING graph_month AS month', n, seq))?.month ?? 'undated';
  for (const id of await entityIds(db, seq)) (counts.entity(id, 'copies', n), counts.month(id, month, 'copies', n));
  for (const [a, b] of pairsOf(coActors ?? (await coActorMentions(db, seq)))) (counts.pair(a, b, 'copies', n), counts.pair(b, a, 'copies', n));
}
