import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { runStoreContract } from '../contract.js';
import { modalDoc } from '../contract-events.js';
import { publishedBy, storyDocs } from '../contract-docs.js';
import type { ArticleStore } from '../store.js';
import { copyAtSchema } from '../../test-support/schema-copy.js';
import { migrate } from './migrations.js';
import { openSqliteStore } from './store.js';

const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'wg-')), 'x.db');

describe('the store contract, on SQLite', () => {
  runStoreContract({ newStore: () => openSqliteStore(':memory:') });
});

it('records its schema version and reopens an existing database without migrating again', () => {
  const path = tempDb();
  openSqliteStore(path).close();
  const again = openSqliteStore(path);
  again.close();
  const db = new Database(path, { readonly: true });
  expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }, { version: 4 }, { version: 5 }, { version: 6 }, { version: 7 }, { version: 8 }, { version: 9 }, { version: 10 }, { version: 11 }]);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  db.close();
});

it('migrates a schema 2 database: every article is kept as one copy of itself and placed in a story', () => {
  const path = tempDb();
  const { original, cut, different } = storyDocs();
  const old = new Database(path);
  migrate(old, 2);
  // Note: the insert the schema 2 store made, column for column.
  const insert = old.prepare('INSERT INTO articles (id, headline, outlet, published, url, language, source, text, doc, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const [doc, source] of [[original, 'afp.txt'], [cut, 'star.txt'], [different, 'reuters.txt']] as const) {
    const { text, ...rest } = doc;
    const m = doc.meta;
    insert.run(doc.id, m.headline, m.outlet, m.published, m.url, m.language, source, text, JSON.stringify(rest), '2025-03-05T00:00:00Z');
  }
  old.close();

  const store = openSqliteStore(path);
  expect(store.count()).toBe(3);
  expect(store.get(cut.id)).toEqual(JSON.parse(JSON.stringify(cut)));
  expect(store.copiesOf(cut.id).map((c) => [c.outlet, c.url, c.published, c.source])).toEqual([['Daily Star', cut.meta.url, cut.meta.published, 'star.txt']]);
  expect(store.storyOf(cut.id)?.id).toBe(store.storyOf(original.id)?.id);
  expect(store.storyOf(different.id)?.id).not.toBe(store.storyOf(original.id)?.id);
  expect(store.search('Rotterdam', { limit: 10 }).items).toHaveLength(3);
  store.close();

  const db = new Database(path);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')").run();
  expect(db.prepare('SELECT count(*) AS n FROM copies').get()).toEqual({ n: 3 });
  db.close();
});

it('keeps every copy and its story across a reopen', () => {
  const path = tempDb();
  const { original, cut } = storyDocs();
  const store = openSqliteStore(path);
  store.addBatch([{ doc: original, source: 'a' }, { doc: cut, source: 'b' }]);
  store.close();
  const again = openSqliteStore(path);
  expect(again.storyOf(cut.id)).toMatchObject({ copies: 2, position: 2, originator: 'AFP' });
  again.close();
});

/** What the graph says, through the store's interface, for comparing a migrated store with one built new. */
function graphSnapshot(store: ArticleStore): unknown {
  const entities = store.graph.findEntities('', { limit: 200 }).items.map((e) => ({ ...e, profile: store.graph.profile(e.id), byCopy: store.graph.profile(e.id, 'copies') }));
  const strip = <T extends { id: number }>(rows: readonly T[]) => rows.map(({ id: _id, ...row }) => row);
  return {
    entities: [...entities].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id),
    quotes: strip(store.graph.quotes({}, { limit: 200 }).items),
    quoteCopies: strip(store.graph.quotes({}, { limit: 200, count: 'copies' }).items),
    events: strip(store.graph.events({}, { limit: 200 }).items),
    timeline: [store.graph.timeline({}), store.graph.timeline({}, 'copies')],
  };
}

it('migrates a schema 3 database: everything is kept, and facts and counts by story and by copy are filled as if stored new', () => {
  const path = tempDb();
  const { original, cut, version, different } = storyDocs();
  const built = openSqliteStore(path);
  built.addBatch([original, cut, version, different].map((doc) => ({ doc, source: doc.meta.outlet ?? '' })));
  built.addBatch([{ doc: publishedBy(cut, 'Morning Post', 'https://post.example/strike', '2025-03-03T10:00'), source: 'post' }]);
  const expected = graphSnapshot(built);
  const stories = built.stories({ limit: 10 });
  built.close();

  // Note: a schema 3 database made from this one, table by table and column by column (its FTS indexes by their triggers).
  const oldPath = copyAtSchema(path, 3);
  const old = new Database(oldPath);
  expect(old.prepare('SELECT count(*) AS n FROM quotes').get()).toEqual({ n: original.quotes.length + cut.quotes.length + version.quotes.length + different.quotes.length });
  old.close();

  const migrated = openSqliteStore(oldPath);
  expect(graphSnapshot(migrated)).toEqual(expected);
  expect(migrated.stories({ limit: 10 })).toEqual(stories);
  expect(migrated.count()).toBe(4);
  migrated.close();
  const db = new Database(oldPath, { readonly: true });
  expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 11 });
  expect(db.prepare('SELECT count(*) AS n FROM quotes WHERE fact_id IS NULL').get()).toEqual({ n: 0 });
  expect((db.prepare('SELECT count(*) AS n FROM quote_facts').get() as { n: number }).n).toBeLessThan((db.prepare('SELECT count(*) AS n FROM quotes').get() as { n: number }).n);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
});

it('migrates a schema 5 database: events get their reporter and confidence and quotes their channels from the stored documents', () => {
  const current = modalDoc();
  // Note: a document made before events named their reporter and confidence has neither field.
  const older = { ...current, events: current.events.map(({ reportedBy: _r, confidence: _c, ...e }) => e) } as unknown as WiregraphDoc;
  for (const [doc, reporter, confidence] of [[current, 'Seoul', 0.3], [older, 'South Korea', 1]] as const) {
    const path = tempDb();
    const built = openSqliteStore(path);
    built.addBatch([{ doc, source: 'yonhap.txt' }]);
    const expected = graphSnapshot(built);
    built.close();
    const migrated = openSqliteStore(copyAtSchema(path, 5));
    expect(graphSnapshot(migrated)).toEqual(expected);
    const reported = migrated.graph.events({}, { limit: 10 }).items.find((e) => e.trigger === 'stepping up')!;
    expect([reported.reportedBy?.name, reported.confidence, reported.quote?.channels]).toEqual([reporter, confidence, ['the state-run Yonhap news agency']]);
    expect(migrated.get(doc.id)!.events.find((e) => e.trigger.text === 'stepping up')).toMatchObject({ reportedBy: { name: reporter, entity: 'E3' }, confidence });
    migrated.close();
  }
});
