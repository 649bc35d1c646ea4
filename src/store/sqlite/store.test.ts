import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { docOf } from '../../test-support/docs.js';
import { renderSnippet, type ArticleStore } from '../store.js';
import { openSqliteStore } from './store.js';

let store: ArticleStore;
const kim = docOf('Kim unveils policy', 'North Korean leader Kim Jong Un said Pyongyang will unveil a policy.', '2025-09-13');
const putin = docOf('Putin visits Pyongyang', 'Russian President Vladimir Putin visited the reclusive state.', '2024-06-19');

beforeEach(() => {
  store = openSqliteStore(':memory:');
});

describe('adding articles', () => {
  it('stores each article once, however often it is added', () => {
    expect(store.addBatch([{ doc: kim, source: 'a' }, { doc: putin, source: 'b' }])).toEqual({ added: 2, skipped: 0 });
    expect(store.addBatch([{ doc: kim, source: 'a' }, { doc: kim, source: 'c' }])).toEqual({ added: 0, skipped: 2 });
    expect(store.count()).toBe(2);
  });

  it('gives back the same wiregraph/1 document it stored', () => {
    store.addBatch([{ doc: kim, source: 'a' }]);
    expect(store.get(kim.id)).toEqual(JSON.parse(JSON.stringify(kim)));
  });

  it('finds an article by a unique id prefix', () => {
    store.addBatch([{ doc: kim, source: 'a' }]);
    expect(store.get(kim.id.slice(0, 6))?.id).toBe(kim.id);
    expect(store.get('zzzz')).toBeNull();
  });

  it('rolls back a whole batch when one article cannot be stored', () => {
    const broken = { ...putin, id: 'broken', text: '' };
    expect(() => store.addBatch([{ doc: kim, source: 'a' }, { doc: broken, source: 'b' }])).toThrow();
    expect(store.count()).toBe(0);
  });
});

describe('listing', () => {
  it('pages with a cursor until the last page', () => {
    const docs = Array.from({ length: 5 }, (_, i) => docOf(`Headline ${i}`, `Body number ${i}.`));
    store.addBatch(docs.map((doc) => ({ doc, source: 's' })));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = store.list({ limit: 2, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(docs.map((d) => d.id).sort());
  });
});

describe('search', () => {
  beforeEach(() => {
    store.addBatch([{ doc: kim, source: 'a' }, { doc: putin, source: 'b' }]);
  });

  it('finds words and marks them in the snippet', () => {
    const [hit] = store.search('Pyongyang unveil', { limit: 10 }).items;
    expect(hit?.id).toBe(kim.id);
    expect(renderSnippet(hit!.snippet, '[', ']')).toContain('[unveil]');
  });

  it('gives each hit a snippet from its own text', () => {
    const many = openSqliteStore(':memory:');
    many.addBatch(['Alpha', 'Bravo', 'Charlie'].map((name, i) => ({ doc: docOf(`${name} story`, `In story ${name} the minister spoke about ${name.toLowerCase()} matters number ${i}.`), source: 's' })));
    const hits = many.search('minister', { limit: 10 }).items;
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      const name = hit.headline!.split(' ')[0]!;
      expect(renderSnippet(hit.snippet, '', '')).toContain(`story ${name}`);
    }
    many.close();
  });

  it('matches prefixes with a star and phrases in quotes', () => {
    expect(store.search('Puti*', { limit: 10 }).items.map((h) => h.id)).toEqual([putin.id]);
    expect(store.search('"reclusive state"', { limit: 10 }).items.map((h) => h.id)).toEqual([putin.id]);
    expect(store.search('"state reclusive"', { limit: 10 }).items).toEqual([]);
  });

  it.each(['"', '"unbalanced', '(((', 'kim)', 'NEAR', 'a NEAR b', 'AND OR NOT', '*', 'kim -putin', "Kim's", '^', ':', 'col:umn', '', '   ', '💥', 'x'.repeat(1000)])(
    'never raises a query syntax error for %j',
    (query) => {
      expect(() => store.search(query, { limit: 5 })).not.toThrow();
    },
  );
});

it('records its schema version and reopens an existing database without migrating again', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'wg-')), 'x.db');
  openSqliteStore(path).close();
  const again = openSqliteStore(path);
  again.close();
  const db = new Database(path, { readonly: true });
  expect(db.prepare('SELECT version FROM schema_migrations').all()).toEqual([{ version: 1 }, { version: 2 }]);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  db.close();
});
