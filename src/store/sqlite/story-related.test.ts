import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { relatedDocs } from '../contract-related-docs.js';
import type { ArticleStore } from '../store.js';
import { copyAtSchema } from '../../test-support/schema-copy.js';
import { openSqliteStore } from './store.js';

const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'wg-related-')), 'x.db');

/** Each story's related stories (by its first article), for comparing a migrated store with one built new. */
function relatedSnapshot(store: ArticleStore): unknown {
  return store.stories({ limit: 100 }).items.map((s) => ({ first: s.first, related: store.story(s.id, { diffs: false })!.related }));
}

it('migrates a schema 4 database: every stored story gets its keys and links when the store is first opened', () => {
  const { pact, pactElsewhere, later } = relatedDocs();
  const path = tempDb();
  const built = openSqliteStore(path);
  built.addBatch([pact, pactElsewhere, later].map((doc) => ({ doc, source: doc.meta.outlet ?? '' })));
  const expected = relatedSnapshot(built);
  built.close();
  expect(JSON.stringify(expected)).toContain('Reuters');

  const oldPath = copyAtSchema(path, 4);
  const before = new Database(oldPath, { readonly: true });
  expect(before.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'related%'").get()).toEqual({ n: 0 });
  before.close();

  const migrated = openSqliteStore(oldPath);
  expect(relatedSnapshot(migrated)).toEqual(expected);
  migrated.close();
  const db = new Database(oldPath, { readonly: true });
  expect(db.prepare('SELECT count(*) AS n FROM related_features').get()).toEqual({ n: 3 });
  expect(db.prepare('SELECT stories FROM related_totals').get()).toEqual({ stories: 3 });
  expect(db.prepare('SELECT count(*) AS n FROM related_links').get()).toEqual({ n: 2 });
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
  // Note: opened again, nothing is filled twice.
  openSqliteStore(oldPath).close();
  const again = new Database(oldPath, { readonly: true });
  expect(again.prepare('SELECT stories FROM related_totals').get()).toEqual({ stories: 3 });
  again.close();
});
