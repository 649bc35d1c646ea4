import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { asWiregraphError } from '../../errors.js';
import type { StoryOptions } from '../../stories/index.js';
import type { ArticleRecord, ArticleStore, BatchFailure, BatchOptions, BatchResult } from '../store.js';
import { articleReads } from './article-reads.js';
import { articleWriter, type AddOutcome } from './article-writer.js';
import { openDatabase, type OpenDatabaseOptions } from './driver.js';
import { storeFault } from './faults.js';
import { sqliteFeedStore, sqliteInputLedger } from './ingest-state.js';
import { indexStoredFacts } from './graph-facts.js';
import { fillStoredAliases, type AliasSource } from './entity-aliases.js';
import { graphIndexer, reporterOf, type GraphIndexOptions } from './graph-index.js';
import { graphQueries } from './graph-queries.js';
import { storyQueries } from './story-queries.js';
import { relatedIndexer } from './story-related.js';

function toDoc(row: { text: string; doc: string } | undefined): WiregraphDoc | null {
  if (!row) return null;
  const { schema, id, meta, ...layers } = JSON.parse(row.doc) as Omit<WiregraphDoc, 'text'>;
  // Note: documents stored before the events stage existed have no events layer, and those stored before events
  // named their reporter and confidence lack both: they are given as the store gives them (see `reporterOf`).
  const events = (layers.events ?? []).map((e) => (e.reportedBy !== undefined && e.confidence !== undefined ? e : withReport(e, layers)));
  return { schema, id, meta, text: row.text, ...layers, events };
}

/** An event of an older document with the reporter and confidence the store gave it. */
function withReport(e: WiregraphDoc['events'][number], doc: Pick<WiregraphDoc, 'quotes'>): WiregraphDoc['events'][number] {
  const name = reporterOf(e, doc);
  const speaker = e.quote ? doc.quotes.find((q) => q.id === e.quote)?.speaker ?? null : null;
  return { ...e, reportedBy: e.reportedBy ?? (name ? { name, entity: speaker } : null), confidence: e.confidence ?? 1 };
}

/** What a SQLite store is opened with besides its file. */
export interface SqliteStoreOptions extends OpenDatabaseOptions {
  /** The knowledge base's names of linked entities, kept as aliases of the entities stored from now on. */
  readonly aliases?: AliasSource;
}

/**
 * Opens the SQLite article store.
 * @param path - a database file (created and migrated when new), or `:memory:`
 */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): ArticleStore {
  const db = openDatabase(path, options);
  const graph: GraphIndexOptions = options.aliases ? { aliases: options.aliases } : {};
  const indexGraph = graphIndexer(db, graph);
  const writer = articleWriter(db, graph);
  const addOne = db.transaction((record: ArticleRecord, now: string, story: Partial<StoryOptions>): AddOutcome => writer.add(record, now, story));
  const addBatch = db.transaction((records: readonly ArticleRecord[], options: BatchOptions): BatchResult => {
    const now = new Date().toISOString();
    const counts: Record<AddOutcome, number> = { added: 0, copy: 0, skipped: 0 };
    const failures: BatchFailure[] = [];
    records.forEach((record, index) => {
      // Note: a transaction inside a transaction is a savepoint: a record that fails is rolled back alone.
      try {
        counts[addOne(record, now, options.story ?? {})]++;
      } catch (error) {
        // Note: a full disk, a lock held too long or a damaged file is no fault of the record: the batch is rolled back.
        const fault = storeFault(error);
        if (fault) throw fault;
        failures.push({ index, error: asWiregraphError(error, 'WG_STORE_FAILED', record.source) });
      }
    });
    return { added: counts.added, copies: counts.copy, skipped: counts.skipped, failures };
  });
  // Note: articles stored before the graph tables existed (schema 1) are indexed now, in batches.
  const unindexed = db.prepare('SELECT seq, text, doc FROM articles WHERE seq NOT IN (SELECT article_seq FROM graph_indexed) LIMIT 500');
  for (;;) {
    const rows = unindexed.all() as Array<{ seq: number; text: string; doc: string }>;
    if (rows.length === 0) break;
    db.transaction(() => {
      for (const r of rows) indexGraph(r.seq, toDoc(r)!);
    })();
  }
  // Note: entities stored before aliases existed (schema 6) get the links and aliases of their merges now.
  fillStoredAliases(db, options.aliases);
  // Note: articles stored before stories existed (schema 2) are fingerprinted and placed now, with the default thresholds.
  writer.placeUnplaced({});
  // Note: articles stored before facts existed (schema 3) are counted by story and by copy now.
  indexStoredFacts(db);
  // Note: stories stored before related coverage existed (schema 4) get their keys and links now, in batches.
  relatedIndexer(db).fillStored();
  const byId = db.prepare('SELECT text, doc FROM articles WHERE id = ?');
  const byPrefix = db.prepare("SELECT text, doc FROM articles WHERE id >= ? AND id < ? || 'g' LIMIT 2");
  const count = db.prepare('SELECT count(*) AS n FROM articles');
  const seqById = db.prepare('SELECT seq FROM articles WHERE id = ?');
  const seqByPrefix = db.prepare("SELECT seq FROM articles WHERE id >= ? AND id < ? || 'g' LIMIT 2");
  const seqOf = (idOrPrefix: string): number | null => {
    const exact = seqById.get(idOrPrefix) as { seq: number } | undefined;
    if (exact || idOrPrefix.length < 4 || !/^[0-9a-f]+$/u.test(idOrPrefix)) return exact?.seq ?? null;
    const rows = seqByPrefix.all(idOrPrefix, idOrPrefix) as Array<{ seq: number }>;
    return rows.length === 1 ? rows[0]!.seq : null;
  };
  const stories = storyQueries(db);
  const graphStore = graphQueries(db);
  const reads = articleReads(db, graphStore);

  return {
    addBatch(records, options = {}) {
      // Note: IMMEDIATE takes the write lock before the batch reads anything, so that two ingests at once take
      // turns (the busy timeout) instead of one failing when its read snapshot is overtaken by the other's commit.
      try {
        return addBatch.immediate(records, options);
      } catch (error) {
        throw storeFault(error) ?? error;
      }
    },
    get(idOrPrefix) {
      const exact = toDoc(byId.get(idOrPrefix) as { text: string; doc: string } | undefined);
      if (exact || idOrPrefix.length < 4 || !/^[0-9a-f]+$/u.test(idOrPrefix)) return exact;
      const rows = byPrefix.all(idOrPrefix, idOrPrefix) as Array<{ text: string; doc: string }>;
      return rows.length === 1 ? toDoc(rows[0]) : null;
    },
    ...reads,
    count: () => (count.get() as { n: number }).n,
    copiesOf(idOrPrefix) {
      const seq = seqOf(idOrPrefix);
      return seq === null ? [] : stories.copiesOf(seq);
    },
    storyOf(idOrPrefix) {
      const seq = seqOf(idOrPrefix);
      return seq === null ? null : stories.storyOf(seq);
    },
    stories: (options) => stories.stories(options),
    storyCount: (minCopies) => stories.storyCount(minCopies),
    story: (id, options) => stories.story(id, options?.diffs ?? true),
    graph: graphStore,
    inputs: sqliteInputLedger(db),
    feeds: sqliteFeedStore(db),
    close: () => db.close(),
  };
}
