import type Database from 'better-sqlite3';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { claimKey, contentWords, datesClose, nearlySameContent, sideKey, speakerKey } from './fact-match.js';
import { coActorMentions } from './co-actors.js';
import { monthOf, pairedEntities } from './graph-index.js';

/**
 * The story-level part of the graph: run inside the transaction that stores an article, after the article's
 * graph rows are written and it is placed in a story.
 */
export interface FactIndexer {
  /**
   * Counts an article in its story: each entity and pair once per story, and its quotes and events merged into
   * the story's facts (a quote or event nearly the same as one of the story's facts becomes an occurrence of it).
   */
  placed(seq: number, story: number, month: string): void;
  /** Like {@link placed}, for an article whose month is read from its stored document. */
  placedStored(seq: number, story: number): void;
  /** Counts `n` new copies (publications) of an article's text: its entities, their months and pairs, by copy. */
  copied(seq: number, n: number): void;
}

/** The statements of {@link factIndexer}. */
function prepareStatements(db: Database.Database) {
  return {
    setMonth: db.prepare('UPDATE articles SET graph_month = ? WHERE seq = ?'),
    storedDoc: db.prepare('SELECT doc FROM articles WHERE seq = ?'),
    entitiesOf: db.prepare('SELECT entity_id AS id, count(*) AS n FROM mentions WHERE article_seq = ? GROUP BY entity_id'),
    // Note: each count is one statement over a JSON list of entities or pairs (json_each), not one call per row:
    // a copy of a stored text touches up to 15 entities and 210 pairs, and one call each made it ten times slower.
    // (`WHERE true` lets SQLite read ON CONFLICT after a SELECT as the upsert clause.)
    joinStory: db.prepare('INSERT INTO entity_stories (entity_id, story_id, articles) SELECT value, ?, 1 FROM json_each(?) WHERE true ON CONFLICT (entity_id, story_id) DO UPDATE SET articles = articles + 1 RETURNING entity_id AS id, articles'),
    countStory: db.prepare('UPDATE entities SET stories = stories + 1 WHERE id IN (SELECT value FROM json_each(?))'),
    monthStory: db.prepare('INSERT INTO entity_months (entity_id, month, mentions, stories) SELECT value, ?, 0, 1 FROM json_each(?) WHERE true ON CONFLICT (entity_id, month) DO UPDATE SET stories = stories + 1'),
    storyPair: db.prepare("INSERT INTO story_pairs (story_id, entity_id, other_id) SELECT ?, value ->> 0, value ->> 1 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING RETURNING entity_id AS a, other_id AS b"),
    pairStory: db.prepare("INSERT INTO entity_pairs (entity_id, other_id, articles, stories) SELECT value ->> 0, value ->> 1, 0, 1 FROM json_each(?) WHERE true ON CONFLICT (entity_id, other_id) DO UPDATE SET stories = stories + 1"),
    addCopies: db.prepare('UPDATE articles SET copies = copies + ? WHERE seq = ? RETURNING graph_month AS month'),
    countCopies: db.prepare('UPDATE entities SET copies = copies + ? WHERE id IN (SELECT value FROM json_each(?))'),
    monthCopies: db.prepare('INSERT INTO entity_months (entity_id, month, mentions, copies) SELECT value, ?, 0, ? FROM json_each(?) WHERE true ON CONFLICT (entity_id, month) DO UPDATE SET copies = copies + excluded.copies'),
    pairCopies: db.prepare("INSERT INTO entity_pairs (entity_id, other_id, articles, copies) SELECT value ->> 0, value ->> 1, 0, ? FROM json_each(?) WHERE true ON CONFLICT (entity_id, other_id) DO UPDATE SET copies = copies + excluded.copies"),
    quotesOf: db.prepare('SELECT id, speaker_id AS speaker, speaker_text AS speakerText, content FROM quotes WHERE article_seq = ? ORDER BY id'),
    quoteFacts: db.prepare('SELECT id, words FROM quote_facts WHERE story_id = ? AND speaker_key = ? ORDER BY id'),
    newQuoteFact: db.prepare('INSERT INTO quote_facts (story_id, speaker_key, words, claim, first_quote) VALUES (?, ?, ?, ?, ?)'),
    setQuoteFact: db.prepare('UPDATE quotes SET fact_id = ?, lead = ? WHERE id = ?'),
    eventsOf: db.prepare('SELECT id, cameo, mode, date FROM events WHERE article_seq = ? ORDER BY id'),
    actorsOf: db.prepare('SELECT event_id AS event, role, entity_id AS entity, code FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE article_seq = ?)'),
    eventFacts: db.prepare('SELECT id, date FROM event_facts WHERE story_id = ? AND match_key = ? ORDER BY id'),
    newEventFact: db.prepare('INSERT INTO event_facts (story_id, match_key, date, claim, first_event) VALUES (?, ?, ?, ?, ?)'),
    setEventFact: db.prepare('UPDATE events SET fact_id = ?, lead = ? WHERE id = ?'),
    markIndexed: db.prepare('INSERT INTO facts_indexed (article_seq) VALUES (?)'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** Mentions per global entity of a stored article. */
function entityCounts(st: Statements, seq: number): Array<[number, number]> {
  return (st.entitiesOf.all(seq) as Array<{ id: number; n: number }>).map((r) => [r.id, r.n]);
}

/** Each pair of the article's paired entities, once (the smaller id first). */
function pairsOf(entities: Iterable<readonly [number, number]>): Array<[number, number]> {
  const top = pairedEntities(entities);
  return top.flatMap((a) => top.filter((b) => a < b).map((b): [number, number] => [a, b]));
}

/** Pairs both ways, as JSON for the pair statements. */
const bothWays = (pairs: ReadonlyArray<readonly [number, number]>): string => JSON.stringify(pairs.flatMap(([a, b]) => [[a, b], [b, a]]));

/** Puts an article's quotes into its story's quote facts. */
function mergeQuotes(st: Statements, seq: number, story: number): void {
  for (const q of st.quotesOf.all(seq) as Array<{ id: number; speaker: number | null; speakerText: string | null; content: string }>) {
    const key = speakerKey(q.speaker, q.speakerText);
    const words = contentWords(q.content);
    const match = (st.quoteFacts.all(story, key) as Array<{ id: number; words: string }>).find((f) => nearlySameContent(words, f.words === '' ? [] : f.words.split(' ')));
    if (match) st.setQuoteFact.run(match.id, 0, q.id);
    else {
      const text = words.join(' ');
      const fact = Number(st.newQuoteFact.run(story, key, text, claimKey('quote', key, text), q.id).lastInsertRowid);
      st.setQuoteFact.run(fact, 1, q.id);
    }
  }
}

/** Puts an article's events into its story's event facts: same code, mode and actors on each side, close dates. */
function mergeEvents(st: Statements, seq: number, story: number): void {
  const actors = st.actorsOf.all(seq) as Array<{ event: number; role: string; entity: number | null; code: string }>;
  for (const e of st.eventsOf.all(seq) as Array<{ id: number; cameo: string; mode: string; date: string | null }>) {
    const mine = actors.filter((a) => a.event === e.id);
    const key = `${e.cameo}|${e.mode}|${sideKey(mine.filter((a) => a.role === 'source'))}>${sideKey(mine.filter((a) => a.role === 'target'))}`;
    const match = (st.eventFacts.all(story, key) as Array<{ id: number; date: string | null }>).find((f) => datesClose(f.date, e.date));
    if (match) st.setEventFact.run(match.id, 0, e.id);
    else {
      const fact = Number(st.newEventFact.run(story, key, e.date, claimKey('event', key, e.date), e.id).lastInsertRowid);
      st.setEventFact.run(fact, 1, e.id);
    }
  }
}

/** Prepares the story-level graph writes for a database. */
export function factIndexer(db: Database.Database): FactIndexer {
  const st = prepareStatements(db);
  const coActors = coActorMentions(db);

  const placed = (seq: number, story: number, month: string): void => {
    st.setMonth.run(month, seq);
    const entities = entityCounts(st, seq);
    const joined = st.joinStory.all(story, JSON.stringify(entities.map(([id]) => id))) as Array<{ id: number; articles: number }>;
    // Note: a story counts in the month of its first stored article that mentions the entity.
    const newInStory = JSON.stringify(joined.filter((j) => j.articles === 1).map((j) => j.id));
    st.countStory.run(newInStory);
    st.monthStory.run(month, newInStory);
    const newPairs = st.storyPair.all(story, JSON.stringify(pairsOf(coActors(seq)))) as Array<{ a: number; b: number }>;
    if (newPairs.length > 0) st.pairStory.run(bothWays(newPairs.map((p) => [p.a, p.b])));
    mergeQuotes(st, seq, story);
    mergeEvents(st, seq, story);
    st.markIndexed.run(seq);
  };

  return {
    placed,
    placedStored(seq, story) {
      const row = st.storedDoc.get(seq) as { doc: string } | undefined;
      placed(seq, story, row ? monthOf(JSON.parse(row.doc) as Pick<WiregraphDoc, 'meta'>) : 'undated');
    },
    copied(seq, n) {
      const month = (st.addCopies.get(n, seq) as { month: string | null } | undefined)?.month ?? 'undated';
      const entities = entityCounts(st, seq);
      const ids = JSON.stringify(entities.map(([id]) => id));
      st.countCopies.run(n, ids);
      st.monthCopies.run(month, n, ids);
      st.pairCopies.run(n, bothWays(pairsOf(coActors(seq))));
    },
  };
}

/**
 * Counts the articles stored before schema 4 (already in stories, with their copies) by story and by copy, and
 * gives their quotes and events facts: in batches, in the order they were stored, when the store is opened.
 */
export function indexStoredFacts(db: Database.Database): void {
  const facts = factIndexer(db);
  const pending = db.prepare(
    'SELECT a.seq, a.story_id AS story, (SELECT count(*) FROM copies c WHERE c.article_seq = a.seq) AS copies FROM articles a WHERE a.story_id IS NOT NULL AND a.seq NOT IN (SELECT article_seq FROM facts_indexed) ORDER BY a.seq LIMIT 500',
  );
  for (;;) {
    const rows = pending.all() as Array<{ seq: number; story: number; copies: number }>;
    if (rows.length === 0) return;
    db.transaction(() => {
      for (const r of rows) {
        facts.placedStored(r.seq, r.story);
        if (r.copies > 0) facts.copied(r.seq, r.copies);
      }
    })();
  }
}
