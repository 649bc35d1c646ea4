import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/store.js';
import { docOf } from '../test-support/docs.js';
import { buildApp } from './app.js';
import { hostName, isOwnHost } from './guards.js';
import { listen } from './server.js';

const store = openSqliteStore(':memory:');
const open = buildApp({ store });
const keyed = buildApp({ store, guards: { apiKey: 's3cret-key', allowedHosts: ['wiregraph.internal'] } });
let mergeIds: number[] = [];

beforeAll(async () => {
  const docs = ['North Korean leader Kim Jong Un said Pyongyang will unveil a policy.', 'Kim Jong Un met officials in Pyongyang on Monday.', 'Kim met Putin.']
    .map((text, i) => docOf(`Kim ${i}`, text, `2025-09-1${i}`));
  store.addBatch(docs.map((doc) => ({ doc, source: 'test' })));
  const kim = store.graph.findEntities('Kim', { limit: 5 }).items.find((e) => e.name === 'Kim Jong Un')!;
  mergeIds = store.graph.merges(kim.id).map((m) => m.id);
  await Promise.all([open.ready(), keyed.ready()]);
});
afterAll(async () => {
  await Promise.all([open.close(), keyed.close()]);
  store.close();
});

const undo = (app: typeof open, headers: Record<string, string>, id = 999_999) => app.inject({ method: 'POST', url: `/api/merges/${id}/undo`, headers });
const codeOf = (res: { statusCode: number; json: () => { error: { code: string } } }) => [res.statusCode, res.json().error.code];

describe('write routes: Origin and Host', () => {
  it('has merges to undo', () => {
    expect(mergeIds.length).toBeGreaterThan(0);
  });

  it('refuses another page\'s Origin and a rebound Host, and undoes nothing', async () => {
    const merges = mergeIds.length;
    expect(codeOf(await undo(open, { origin: 'http://evil.example', host: 'evil.example' }, mergeIds[0]))).toEqual([403, 'WG_FORBIDDEN_ORIGIN']);
    expect(codeOf(await undo(open, { host: 'evil.example:8080', 'x-wiregraph': '1' }, mergeIds[0]))).toEqual([403, 'WG_FORBIDDEN_ORIGIN']);
    expect(codeOf(await undo(open, { host: 'localhost:8080', origin: 'http://localhost:3000', 'x-wiregraph': '1' }, mergeIds[0]))).toEqual([403, 'WG_FORBIDDEN_ORIGIN']);
    expect(codeOf(await undo(open, { host: 'localhost:8080', 'sec-fetch-site': 'cross-site', 'x-wiregraph': '1' }, mergeIds[0]))).toEqual([403, 'WG_FORBIDDEN_ORIGIN']);
    expect(codeOf(await open.inject({ method: 'POST', url: '/api/extract', headers: { origin: 'http://evil.example' }, payload: { text: 'Paris.' } }))).toEqual([403, 'WG_FORBIDDEN_ORIGIN']);
    expect(store.graph.merges(store.graph.findEntities('Kim', { limit: 5 }).items.find((e) => e.name === 'Kim Jong Un')!.id).filter((m) => !m.undone)).toHaveLength(merges);
  });

  it('refuses a write a page could send without a preflight', async () => {
    expect(codeOf(await undo(open, { host: 'localhost:8080' }))).toEqual([403, 'WG_PREFLIGHT_REQUIRED']);
    const form = await open.inject({ method: 'POST', url: '/api/extract', headers: { 'content-type': 'text/plain' }, payload: '{"text":"Paris."}' });
    expect(codeOf(form)).toEqual([403, 'WG_PREFLIGHT_REQUIRED']);
  });

  it('takes a same-origin write with the client header or a JSON body', async () => {
    expect(codeOf(await undo(open, { host: 'localhost:8080', origin: 'http://localhost:8080', 'x-wiregraph': '1' }))).toEqual([404, 'WG_NOT_FOUND']);
    expect(codeOf(await undo(open, { host: '127.0.0.1:8080', 'content-type': 'application/json' }))).toEqual([400, 'WG_BAD_REQUEST']);
    expect((await open.inject('/api/articles')).statusCode).toBe(200);
  });

  it('reads host names as a browser sends them', () => {
    expect([hostName('[::1]:8080'), hostName('LocalHost:80'), hostName('a:b:c')]).toEqual(['::1', 'localhost', null]);
    const allowed = new Set(['wiregraph.internal']);
    expect(['localhost:1', '127.0.0.1', '[::1]:9', '10.0.0.5:80', 'app.localhost', 'wiregraph.internal:443'].every((h) => isOwnHost(h, allowed))).toBe(true);
    expect(['evil.example', 'localhost.evil.example', '', 'wiregraph.internal.evil.example'].some((h) => isOwnHost(h, allowed))).toBe(false);
  });
});

describe('write routes: the API key', () => {
  it('asks for the key when the server has one, and takes it as Bearer or x-api-key', async () => {
    const none = await undo(keyed, { host: 'localhost', 'x-wiregraph': '1' });
    expect(codeOf(none)).toEqual([401, 'WG_UNAUTHORIZED']);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect(codeOf(await undo(keyed, { host: 'localhost', authorization: 'Bearer wrong' }))).toEqual([401, 'WG_UNAUTHORIZED']);
    expect(codeOf(await undo(keyed, { host: 'localhost', authorization: 'Bearer s3cret-key' }))).toEqual([404, 'WG_NOT_FOUND']);
    expect(codeOf(await undo(keyed, { host: 'wiregraph.internal', 'x-api-key': 's3cret-key' }))).toEqual([404, 'WG_NOT_FOUND']);
    expect((await keyed.inject('/api/overview')).statusCode).toBe(200);
  });

  it('refuses to listen beyond loopback without a key, and listens on loopback without one', async () => {
    await expect(listen(store, '0.0.0.0', 0)).rejects.toMatchObject({ code: 'WG_API_KEY_REQUIRED' });
    await expect(listen(store, '::', 0)).rejects.toMatchObject({ code: 'WG_API_KEY_REQUIRED' });
    const { app, address } = await listen(store, '127.0.0.1', 0);
    try {
      const res = await fetch(`${address}/api/merges/999999/undo`, { method: 'POST', headers: { origin: 'http://evil.example' } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('WG_FORBIDDEN_ORIGIN');
    } finally {
      await app.close();
    }
  });
});
