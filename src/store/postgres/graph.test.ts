import fc from 'fast-check';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { WiregraphDoc } from '../../output/wiregraph1.js';
import { isService, startPostgres } from '../../test-support/services.js';
import { asyncStore, type AsyncArticleStore } from '../async.js';
import { openSqliteStore } from '../sqlite/store.js';
import { unmergeDocs } from '../sqlite/unmerge-docs.js';
import { pgSql } from './dialect.js';
import { openPostgresStore } from './store.js';

// Note: a throwaway PostgreSQL for this file; the suite skips, saying why, where one cannot start.
const started = await startPostgres();
const server = isService(started) ? started : null;
if (!server) console.warn(`PostgreSQL graph tests skipped: ${'reason' in started ? started.reason : ''}`);
afterAll(async () => server?.stop());

let schemas = 0;
const newSchema = (): string => `wg_graph_${process.pid}_${++schemas}`;

type Op = { kind: 'add'; doc: number; outlet: number } | { kind: 'unmerge'; pick: number } | { kind: 'redo'; pick: number };

/** Everything the graph says of every entity, the same way on either store (ids are given in the same order by both). */
async function snapshot(store: AsyncArticleStore): Promise<unknown> {
  const entities = [...(await store.graph.findEntities('', { limit: 500 })).items].sort((a, b) => a.id - b.id);
  return Promise.all(entities.map(async (e) => ({
    profile: await store.graph.profile(e.id),
    copies: await store.graph.profile(e.id, 'copies'),
    merges: (await store.graph.merges(e.id)).map(({ id: _id, ...m }) => m),
    quotes: (await store.graph.quotes({ speaker: e.id }, { limit: 50 })).items,
    events: (await store.graph.events({ actor: e.id }, { limit: 50 })).items,
  })));
}

/** Applies the same operations to a store: adds (with an outlet), undoes and redoes merges picked by position. */
async function apply(store: AsyncArticleStore, docs: readonly WiregraphDoc[], ops: readonly Op[]): Promise<void> {
  for (const o of ops) {
    if (o.kind === 'add') {
      const doc = docs[o.doc]!;
      await store.addBatch([{ doc: { ...doc, meta: { ...doc.meta, outlet: `outlet-${o.outlet}` } }, source: `${doc.id}-${o.outlet}` }]);
      continue;
    }
    const all = (await Promise.all((await store.graph.findEntities('', { limit: 500 })).items.map((e) => store.graph.merges(e.id)))).flat();
    const open = [...new Map(all.map((m) => [m.id, m])).values()].filter((m) => m.undone === (o.kind === 'redo')).sort((a, b) => a.id - b.id);
    const m = open[o.pick % Math.max(1, open.length)];
    if (!m) continue;
    if (o.kind === 'redo') await store.graph.remerge(m.id);
    else await store.graph.unmerge(m.id);
  }
}

describe.skipIf(!server)('the knowledge graph on PostgreSQL', () => {
  const docs = unmergeDocs();

  it('answers as the SQLite store does after any adds, undos and redos of merges', async () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), doc: fc.nat({ max: docs.length - 1 }), outlet: fc.nat({ max: 1 }) }),
      fc.record({ kind: fc.constant('unmerge' as const), pick: fc.nat({ max: 60 }) }),
      fc.record({ kind: fc.constant('redo' as const), pick: fc.nat({ max: 60 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 10 }), async (drawn) => {
        const ops: Op[] = [{ kind: 'add', doc: 0, outlet: 0 }, ...drawn, { kind: 'unmerge', pick: drawn.length }];
        const sqlite = asyncStore(openSqliteStore(':memory:'));
        const pg = await openPostgresStore(server!.url, { schema: newSchema(), poolSize: 2 });
        try {
          await apply(sqlite, docs, ops);
          await apply(pg, docs, ops);
          const expected = await snapshot(sqlite);
          expect((expected as unknown[]).length).toBeGreaterThan(3);
          expect(await snapshot(pg)).toEqual(expected);
        } finally {
          await pg.close();
          await sqlite.close();
        }
      }),
      { numRuns: 12, seed: 19 },
    );
  }, 120_000);

  it('finds entities by name, alias, prefix, inside a name and by a misspelling', async () => {
    const store = await openPostgresStore(server!.url, { schema: newSchema(), poolSize: 2 });
    await store.addBatch(docs.map((doc) => ({ doc, source: doc.id })));
    const names = async (q: string): Promise<string[]> => (await store.graph.findEntities(q, { limit: 3 })).items.map((e) => e.name);
    expect((await names('Vladimir Putin'))[0]).toBe('Vladimir Putin');
    expect(await names('KCNA')).toContain('Korean Central News Agency');
    expect((await names('Annal'))[0]).toBe('Annalena Baerbock');
    expect(await names('Baerbock')).toContain('Annalena Baerbock');
    expect(await names('Puttin')).toContain('Vladimir Putin');
    expect(await names('zzzzqqq')).toEqual([]);
    await store.close();
  });
});

describe.skipIf(!server)('articles stored before the graph existed', () => {
  it('are put into the graph when the store is next opened, with every count as had they been stored with it', async () => {
    const schema = newSchema();
    const docs = unmergeDocs();
    const store = await openPostgresStore(server!.url, { schema, poolSize: 2 });
    await apply(store, docs, docs.flatMap((_, doc) => [0, 1].map((outlet): Op => ({ kind: 'add', doc, outlet }))));
    const before = await snapshot(store);
    await store.close();
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    // Note: what a store at schema 3 held: the articles, their copies and stories, and no graph.
    await client.query(`SET search_path = ${schema}; TRUNCATE graph_indexed, event_actors, events, event_facts, quotes, quote_facts, mentions, timexes, story_pairs, entity_stories, entity_pairs, entity_months, entity_aliases, merges, entity_roles, entities RESTART IDENTITY; UPDATE articles SET copies = 0, graph_month = NULL`);
    await client.end();
    const reopened = await openPostgresStore(server!.url, { schema, poolSize: 2 });
    expect((before as unknown[]).length).toBeGreaterThan(5);
    expect(await snapshot(reopened)).toEqual(before);
    await reopened.close();
  });
});

describe('the SQLite store\'s SQL on PostgreSQL', () => {
  it('numbers parameters, quotes camel-case aliases and reads the empty condition as TRUE', () => {
    expect(pgSql("SELECT a.id AS articleId, '?' AS mark FROM t WHERE x = ? AND y IN (?, ?) AND 1")).toBe("SELECT a.id AS \"articleId\", '?' AS mark FROM t WHERE x = $1 AND y IN ($2, $3) AND TRUE");
    expect(pgSql('SELECT 1 FROM t WHERE 1 ORDER BY id LIMIT 1')).toBe('SELECT 1 FROM t WHERE TRUE ORDER BY id LIMIT 1');
  });
});
