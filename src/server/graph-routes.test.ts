import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/store.js';
import type { ArticleStore } from '../store/store.js';
import { docOf, seedStoryDoc } from '../test-support/docs.js';
import { buildApp } from './app.js';
import { EXTRACT_BODY_LIMIT } from './routes/extract.js';

let store: ArticleStore;
let app: ReturnType<typeof buildApp>;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  store.addBatch([{ doc: seedStoryDoc(), source: 'seed' }]);
  app = buildApp({ store });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  store.close();
});

const json = async (url: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await app.inject(url);
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
};

describe('the graph API', () => {
  it('finds entities and gives one with its profile', async () => {
    const { body } = await json('/api/entities?q=kim');
    const kim = (body['items'] as Array<{ id: number; name: string }>).find((e) => e.name === 'Kim Jong Un')!;
    expect(kim).toBeDefined();
    const profile = await json(`/api/entities/${kim.id}`);
    expect(profile.status).toBe(200);
    expect((profile.body['entity'] as { wikidata: string }).wikidata).toBe('Q56226');
    expect((profile.body['merges'] as unknown[]).length).toBe(1);
  });

  it('lists quotes by speaker, events by actor, the network and the timeline', async () => {
    const hong = ((await json('/api/entities?q=hong%20min')).body['items'] as Array<{ id: number }>)[0]!;
    const quotes = (await json(`/api/quotes?speaker=${hong.id}`)).body['items'] as Array<{ content: string }>;
    expect(quotes.length).toBe(2);
    const russia = ((await json('/api/entities?q=russia&type=GPE')).body['items'] as Array<{ id: number }>)[0]!;
    const events = (await json(`/api/events?actor=${russia.id}&cameo=05`)).body['items'] as Array<{ cameo: string; source: { sentence: number } }>;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.cameo.startsWith('05'))).toBe(true);
    const network = (await json(`/api/network?actor=${russia.id}`)).body as { nodes: unknown[]; edges: Array<{ weight: number }> };
    expect(network.nodes.length).toBeGreaterThan(1);
    expect(network.edges.every((e) => e.weight > 0)).toBe(true);
    expect(((await json(`/api/timeline?actor=${russia.id}`)).body['periods'] as unknown[]).length).toBeGreaterThan(0);
  });

  it('gives each quote and event its copies, outlets and sources, and counts by copy with count=copies', async () => {
    const doc = store.get(store.list({ limit: 1 }).items[0]!.id)!;
    const hong = ((await json('/api/entities?q=hong%20min')).body['items'] as Array<{ id: number }>)[0]!;
    const russia = ((await json('/api/entities?q=russia&type=GPE')).body['items'] as Array<{ id: number; stories: number; copies: number }>)[0]!;
    const timeline = async (count: string): Promise<number> => ((await json(`/api/timeline?actor=${russia.id}&count=${count}`)).body['periods'] as Array<{ events: number }>).reduce((n, p) => n + p.events, 0);
    const before = await timeline('copies');
    expect(before).toBe(await timeline('stories'));
    store.addBatch([{ doc: { ...doc, meta: { ...doc.meta, outlet: 'Yonhap', url: 'https://yonhap.example/arsenal' } }, source: 'yonhap' }]);
    const quotes = (await json(`/api/quotes?speaker=${hong.id}`)).body['items'] as Array<{ copies: number; outlets: number; sources: number; occurrences: Array<{ article: string; copies: number }> }>;
    expect(quotes.length).toBe(2);
    for (const q of quotes) {
      expect(q).toMatchObject({ copies: 2, sources: 1 });
      expect(q.occurrences).toEqual([expect.objectContaining({ article: doc.id, copies: 2 })]);
    }
    expect(await timeline('copies')).toBe(2 * before);
    expect(await timeline('stories')).toBe(before);
    const network = async (count: string) => ((await json(`/api/network?actor=${russia.id}&count=${count}`)).body['edges'] as Array<{ weight: number }>).reduce((n, e) => n + e.weight, 0);
    expect(await network('copies')).toBe(2 * (await network('stories')));
    const entity = (await json(`/api/entities/${russia.id}?count=copies`)).body as { entity: { stories: number; copies: number }; mentionsByMonth: Array<{ mentions: number; copies: number }> };
    expect(entity.entity).toMatchObject({ stories: russia.stories, copies: russia.copies + 1 });
    expect(entity.mentionsByMonth.every((m) => m.mentions === m.copies)).toBe(true);
  });

  it.each([
    '/api/entities?count=texts',
    '/api/timeline?count=articles',
    '/api/entities?limit=0',
    '/api/entities?type=PLANET',
    '/api/entities/abc',
    '/api/events?actor=-3',
    '/api/events?from=yesterday',
    '/api/events?mode=maybe',
    '/api/events?cameo=abc',
    '/api/network?limit=100000',
    '/api/quotes?article=../../etc',
    '/api/timeline?bogus=1',
  ])('answers 400 with a coded error for %s', async (url) => {
    const { status, body } = await json(url);
    expect(status).toBe(400);
    expect((body['error'] as { code: string }).code).toBe('WG_BAD_OPTION');
  });

  it('undoes a merge over HTTP, once', async () => {
    const kim = ((await json('/api/entities?q=kim%20jong%20un')).body['items'] as Array<{ id: number }>)[0]!;
    const merge = ((await json(`/api/entities/${kim.id}`)).body['merges'] as Array<{ id: number }>)[0]!;
    const undo = await app.inject({ method: 'POST', url: `/api/merges/${merge.id}/undo`, headers: { 'x-wiregraph': '1' } });
    expect(undo.statusCode).toBe(200);
    expect((undo.json() as { entity: { name: string; articles: number } }).entity).toMatchObject({ name: 'Kim Jong Un', articles: 1 });
    expect((await app.inject({ method: 'POST', url: `/api/merges/${merge.id}/undo`, headers: { 'x-wiregraph': '1' } })).statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: '/api/merges/999999/undo', headers: { 'x-wiregraph': '1' } })).statusCode).toBe(404);
  });

  it('redoes an undone merge over HTTP, once, giving the entity back what the undo took', async () => {
    const own = openSqliteStore(':memory:');
    own.addBatch([{ doc: docOf('German minister visits', 'German Foreign Minister Annalena Baerbock visited Seoul. Germany and South Korea agreed to share intelligence.', '2025-10-02'), source: 'a' }]);
    const server = buildApp({ store: own });
    const get = async (url: string): Promise<Record<string, unknown>> => (await server.inject(url)).json() as Record<string, unknown>;
    const post = (url: string) => server.inject({ method: 'POST', url, headers: { 'x-wiregraph': '1' } });
    const germany = (((await get('/api/entities?q=germany&type=GPE'))['items']) as Array<{ id: number; articles: number; mentions: number }>)[0]!;
    const merges = (await get(`/api/entities/${germany.id}`))['merges'] as Array<{ id: number; name: string; original: number; originalName: string }>;
    const german = merges.find((m) => m.name === 'German')!;
    expect(german).toMatchObject({ original: germany.id, originalName: 'Germany' });
    expect((await post(`/api/merges/${german.id}/redo`)).statusCode).toBe(409);
    const split = (await post(`/api/merges/${german.id}/undo`)).json() as { entity: { id: number; mentions: number } };
    expect((await get(`/api/entities/${germany.id}`))['entity']).toMatchObject({ mentions: germany.mentions - split.entity.mentions });
    const redo = await post(`/api/merges/${german.id}/redo`);
    expect(redo.statusCode).toBe(200);
    expect((redo.json() as { entity: unknown }).entity).toMatchObject({ id: germany.id, name: 'Germany', articles: germany.articles, mentions: germany.mentions });
    expect((await get(`/api/entities/${split.entity.id}`))['entity']).toMatchObject({ mentions: 0, articles: 0 });
    expect((await post(`/api/merges/${german.id}/redo`)).statusCode).toBe(409);
    expect((await post('/api/merges/999999/redo')).statusCode).toBe(404);
    await server.close();
    own.close();
  });

  it('answers 404 for an unknown entity', async () => {
    expect((await json('/api/entities/999999')).status).toBe(404);
  });

  it('pages with an opaque cursor', async () => {
    const first = (await json('/api/events?limit=3')).body as { items: Array<{ id: number }>; nextCursor: string };
    expect(first.nextCursor).toBeTypeOf('string');
    const second = (await json(`/api/events?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)).body as { items: Array<{ id: number }> };
    expect(second.items.map((e) => e.id).every((id) => id < first.items.at(-1)!.id)).toBe(true);
  });
});

describe('POST /api/extract', () => {
  it('extracts text into wiregraph/1', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/extract', payload: { text: 'Moscow and Pyongyang signed a mutual defence pact last year.', date: '2025-09-13' } });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { schema: string; events: Array<{ cameo: string }> };
    expect(doc.schema).toBe('wiregraph/1');
    expect(doc.events.map((e) => e.cameo)).toContain('057');
    const alias = await app.inject({ method: 'POST', url: '/extract', payload: { text: 'Moscow and Pyongyang signed a mutual defence pact last year.', date: '2025-09-13' } });
    expect(alias.json()).toEqual(doc);
  });

  it('extracts an HTML page', async () => {
    const html = '<html><head><title>T</title></head><body><article><h1>Talks</h1><p>Russian President Vladimir Putin visited North Korea on Tuesday, state media said. The visit lasted two days and included a parade.</p><p>More text follows here so that the page reads as an article to the reader.</p></article></body></html>';
    const res = await app.inject({ method: 'POST', url: '/api/extract', payload: { html } });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { text: string }).text).toContain('Vladimir Putin visited North Korea');
  });

  it('refuses a body without text or html, an empty text, and one over the size limit', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/extract', payload: {} })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/extract', payload: { text: '' } })).statusCode).toBe(400);
    const big = await app.inject({ method: 'POST', url: '/api/extract', payload: { text: 'a'.repeat(EXTRACT_BODY_LIMIT + 10) } });
    expect(big.statusCode).toBe(413);
  });
});

describe('the OpenAPI document', () => {
  it('describes every API route with its parameters', async () => {
    const { status, body } = await json('/openapi.json');
    expect(status).toBe(200);
    const paths = body['paths'] as Record<string, Record<string, { parameters?: Array<{ name: string }> }>>;
    for (const path of ['/api/articles', '/api/articles/{id}', '/api/search', '/api/entities', '/api/entities/{id}', '/api/quotes', '/api/events', '/api/network', '/api/timeline', '/api/extract']) {
      expect(Object.keys(paths)).toContain(path);
    }
    expect(paths['/api/events']!['get']!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['actor', 'plover', 'from', 'to', 'cursor']));
  });
});

describe('POST /api/extract with your own actors', () => {
  it('codes made-up actors from a JSON actor list, and refuses a bad one', async () => {
    const payload = { text: 'Soldiers from Arnor attacked Gondor on Monday.', date: '2025-01-01', actors: [{ name: 'Arnor', code: 'ARN' }, { name: 'Gondor', code: 'GON' }, { name: 'soldiers', code: '~MIL' }] };
    const res = await app.inject({ method: 'POST', url: '/api/extract', payload });
    expect(res.statusCode).toBe(200);
    const events = (res.json() as { events: Array<{ cameo: string; source: Array<{ code: string }>; target: Array<{ code: string }> }> }).events;
    expect(events.map((e) => `${e.source[0]?.code} ${e.cameo} ${e.target[0]?.code}`)).toContain('ARNMIL 190 GON');
    const bad = await app.inject({ method: 'POST', url: '/api/extract', payload: { ...payload, actors: [{ name: 'Arnor', code: 'arn' }] } });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('WG_BAD_DICTIONARY');
  });
});
