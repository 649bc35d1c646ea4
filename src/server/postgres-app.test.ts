import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { storyDocs } from '../store/contract-docs.js';
import type { AsyncArticleStore } from '../store/async.js';
import { openPostgresStore } from '../store/postgres/store.js';
import { isService, startPostgres } from '../test-support/services.js';
import { buildApp } from './app.js';

// Note: the server on a PostgreSQL store, unchanged; it skips, saying why, where no PostgreSQL can start.
const started = await startPostgres();
const server = isService(started) ? started : null;
if (!server) console.warn(`server on PostgreSQL skipped: ${'reason' in started ? started.reason : ''}`);

describe.skipIf(!server)('the HTTP API on a PostgreSQL store', () => {
  let app: FastifyInstance;
  let store: AsyncArticleStore;
  const docs = storyDocs();
  beforeAll(async () => {
    store = await openPostgresStore(server!.url);
    await store.addBatch([docs.original, docs.cut, docs.different].map((doc) => ({ doc, source: doc.meta.outlet ?? '' })));
    app = buildApp({ store });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await server?.stop();
  });

  it('lists, reads, searches and pages stories as on SQLite', async () => {
    const list = (await app.inject('/api/articles?limit=2')).json();
    expect(list.items).toHaveLength(2);
    expect(list.total).toBe(3);
    expect((await app.inject(`/api/articles?limit=2&cursor=${list.nextCursor}`)).json().items).toHaveLength(1);
    const article = (await app.inject(`/api/articles/${docs.cut.id}`)).json();
    expect(article).toMatchObject({ id: docs.cut.id, story: { copies: 2, position: 2 } });
    const search = (await app.inject('/api/search?q=cranes%20replace')).json();
    expect(search.items.map((h: { id: string }) => h.id).sort()).toEqual([docs.original.id, docs.cut.id, docs.different.id].sort());
    expect(search.items[0].fragments.some((f: { match: boolean }) => f.match)).toBe(true);
    const stories = (await app.inject('/api/stories?minCopies=2')).json();
    expect(stories.items.map((s: { copies: number; first: string }) => [s.copies, s.first])).toEqual([[2, docs.original.id]]);
    expect((await app.inject('/api/overview')).json()).toMatchObject({ articles: 3, copies: 3, stories: 2 });
    expect((await app.inject('/plain/?q=Rotterdam')).body).toContain('<mark>');
  });

  it('refuses a bad search as on SQLite', async () => {
    expect((await app.inject('/api/search?q=%22unclosed')).json().error.code).toBe('WG_BAD_OPTION');
  });

  it('answers the knowledge graph routes: entities, an entity, its merges, quotes, events, the network, the timeline, the map', async () => {
    const entities = await app.inject('/api/entities?q=Rotterdam');
    expect(entities.statusCode).toBe(200);
    const rotterdam = entities.json().items[0];
    expect(rotterdam).toMatchObject({ name: 'Rotterdam' });
    const entity = await app.inject(`/api/entities/${rotterdam.id}`);
    expect(entity.statusCode).toBe(200);
    expect(entity.json()).toMatchObject({ entity: { id: rotterdam.id } });
    for (const route of ['/api/quotes', '/api/events', '/api/network', '/api/timeline', '/api/map', `/api/articles/${docs.cut.id}/entities`, '/api/articles?type=GPE']) {
      expect((await app.inject(route)).statusCode, route).toBe(200);
    }
    expect((await app.inject('/api/overview')).json().topEntities.length).toBeGreaterThan(0);
  });

  it('undoes and redoes a merge over HTTP', async () => {
    const rotterdam = (await app.inject('/api/entities?q=Rotterdam')).json().items[0];
    const merge = (await app.inject(`/api/entities/${rotterdam.id}`)).json().merges[0];
    const undo = await app.inject({ method: 'POST', url: `/api/merges/${merge.id}/undo`, headers: { 'x-wiregraph': '1' } });
    expect(undo.statusCode, undo.body).toBe(200);
    const redo = await app.inject({ method: 'POST', url: `/api/merges/${merge.id}/redo`, headers: { 'x-wiregraph': '1' } });
    expect(redo.statusCode, redo.body).toBe(200);
    expect((await app.inject(`/api/entities/${rotterdam.id}`)).json().entity).toMatchObject({ articles: rotterdam.articles, mentions: rotterdam.mentions });
  });
});
