import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { isService, startPostgres } from '../../test-support/services.js';
import { runStoreContract } from '../contract.js';
import { storyDocs } from '../contract-docs.js';
import { openPostgresStore } from './store.js';
import { PG_SCHEMA_VERSION } from './migrations.js';
import { toTsQuerySql } from './search-sql.js';

// Note: a throwaway PostgreSQL for this file; the suite skips, saying why, where one cannot start.
const started = await startPostgres();
const server = isService(started) ? started : null;
if (!server) console.warn(`PostgreSQL store tests skipped: ${'reason' in started ? started.reason : ''}`);
afterAll(async () => server?.stop());

let schemas = 0;
const newSchema = (): string => `wg_test_${process.pid}_${++schemas}`;

describe.skipIf(!server)('the store contract, on PostgreSQL', () => {
  runStoreContract({ newStore: () => openPostgresStore(server!.url, { schema: newSchema(), poolSize: 2 }) });
});

describe.skipIf(!server)('PostgreSQL storage', () => {
  it('migrates once, under a lock, however many processes open it at the same time', async () => {
    const schema = newSchema();
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(server!.url, { schema, poolSize: 1 })));
    await Promise.all(stores.map((s) => s.close()));
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`);
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: PG_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('refuses a database made by a newer wiregraph', async () => {
    const schema = newSchema();
    (await openPostgresStore(server!.url, { schema })).close();
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    await client.query(`INSERT INTO ${schema}.schema_migrations VALUES (999, 'future', 'now')`);
    await client.end();
    await expect(openPostgresStore(server!.url, { schema })).rejects.toMatchObject({ code: 'WG_STORE_MIGRATION' });
  });

  it('gives a document back with its keys in the order they were written', async () => {
    const store = await openPostgresStore(server!.url, { schema: newSchema(), poolSize: 1 });
    const doc = storyDocs().cut;
    await store.addBatch([{ doc, source: 's' }]);
    expect(JSON.stringify(await store.get(doc.id))).toBe(JSON.stringify(doc));
    await store.close();
  });

  it('says the server cannot be reached', async () => {
    await expect(openPostgresStore('postgres://nobody@127.0.0.1:1/none')).rejects.toMatchObject({ code: 'WG_STORE_UNAVAILABLE' });
  });
});

describe('search as a tsquery', () => {
  it('binds every term as a parameter, so no user string reaches the SQL', () => {
    const ts = toTsQuerySql("Kim OR Putin's -\"reclusive state\" Pyong* ); DROP TABLE articles; --", 1)!;
    expect(ts.sql).not.toMatch(/DROP|Kim|Putin|reclusive/u);
    expect(ts.params).toEqual(expect.arrayContaining(['Kim', 'Putin', 's', 'reclusive state', 'Pyong:*', 'DROP', 'TABLE', 'articles']));
    expect(ts.sql).toMatch(/\|\|/u);
    expect(toTsQuerySql('(((', 1)).toBeNull();
  });
});
