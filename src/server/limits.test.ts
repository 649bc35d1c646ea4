import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/store.js';
import { parseSearch, SEARCH_LIMITS } from '../store/fts-query.js';
import { docOf } from '../test-support/docs.js';
import { buildApp } from './app.js';
import { jsonDepth, MAX_URL_LENGTH } from './limits.js';

const store = openSqliteStore(':memory:');
const app = buildApp({ store, limits: { readsPerMinute: 20, writesPerMinute: 3 } });
const roomy = buildApp({ store });

beforeAll(async () => {
  store.addBatch([{ doc: docOf('Kim unveils policy', 'North Korean leader Kim Jong Un said Pyongyang will unveil a policy.', '2025-09-13'), source: 'a' }]);
  await Promise.all([app.ready(), roomy.ready()]);
});
afterAll(async () => {
  await Promise.all([app.close(), roomy.close()]);
  store.close();
});

const codeOf = (res: { statusCode: number; json: () => { error: { code: string } } }) => [res.statusCode, res.json().error.code];

describe('rate limits', () => {
  it('answers 429 WG_RATE_LIMITED with Retry-After past the writes per minute, counting reads apart', async () => {
    const undo = () => app.inject({ method: 'POST', url: '/api/merges/999999/undo', headers: { 'x-wiregraph': '1' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await undo()).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
    const limited = await undo();
    expect(codeOf(limited)).toEqual([429, 'WG_RATE_LIMITED']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await app.inject('/api/overview')).statusCode).toBe(200);
  });

  it('limits reads too, and the default takes a burst the UI never makes', async () => {
    const reads = await Promise.all(Array.from({ length: 25 }, () => app.inject('/api/overview')));
    expect(reads.filter((r) => r.statusCode === 429).length).toBeGreaterThan(0);
    const many = await Promise.all(Array.from({ length: 200 }, () => roomy.inject('/api/overview')));
    expect(many.every((r) => r.statusCode === 200)).toBe(true);
  });
});

describe('request limits', () => {
  it('refuses a 50,000-deep JSON body with a 400, not a stack overflow', async () => {
    const deep = `{"text":"Paris.","actors":[{"name":"A","code":"AAA","synonyms":${'['.repeat(50_000)}${']'.repeat(50_000)}}]}`;
    const res = await roomy.inject({ method: 'POST', url: '/api/extract', headers: { 'content-type': 'application/json' }, payload: deep });
    expect(codeOf(res)).toEqual([400, 'WG_BAD_REQUEST']);
    expect(jsonDepth('{"a":"[[[[","b":[{"c":[1]}]}', 32)).toBe(4);
  });

  it('refuses a URL over the longest read with 414', async () => {
    const res = await roomy.inject(`/api/search?q=${'a'.repeat(MAX_URL_LENGTH)}`);
    expect(codeOf(res)).toEqual([414, 'WG_BAD_REQUEST']);
  });

  it('refuses a date range that ends before it begins, and takes a month inside its year', async () => {
    expect(codeOf(await roomy.inject('/api/events?from=2025-03&to=2024'))).toEqual([400, 'WG_BAD_OPTION']);
    expect((await roomy.inject('/api/events?from=2025-09&to=2025')).statusCode).toBe(200);
  });

  it('caps prefix expansion in search with a positioned 400', async () => {
    const res = await roomy.inject(`/api/search?q=${encodeURIComponent('a* b* c* d* e* f* g* h* i* j*')}`);
    expect(codeOf(res)).toEqual([400, 'WG_QUERY_TOO_BROAD']);
    expect(res.json().error.message).toContain('character 1');
    const four = parseSearch('Kim* Pyong* poli* unve*');
    expect([four.error?.position, four.error?.tooBroad]).toEqual([19, true]);
    expect(four.fts).toBe('("Kim"* AND "Pyong"* AND "poli"* AND "unve")');
    expect(parseSearch(Array.from({ length: SEARCH_LIMITS.terms + 1 }, (_, i) => `w${i}`).join(' ')).error?.tooBroad).toBe(true);
    const ok = await roomy.inject(`/api/search?q=${encodeURIComponent('Pyong* unve*')}`);
    expect(ok.json().items).toHaveLength(1);
  });
});

describe('answers', () => {
  it('carries the security headers', async () => {
    const res = await roomy.inject('/api/overview');
    expect(res.headers).toMatchObject({
      'cross-origin-opener-policy': 'same-origin', 'cross-origin-resource-policy': 'same-origin', 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer',
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('never sends a stack or a file path in a 500', async () => {
    const broken = buildApp({ store });
    broken.get('/api/broken', async () => {
      throw new Error(`SQLITE_FULL: database or disk is full at /home/analyst/wiregraph.db\n    at Statement.run (${process.cwd()}/src/x.ts:1:1)`);
    });
    await broken.ready();
    const res = await broken.inject('/api/broken');
    expect(codeOf(res)).toEqual([500, 'WG_INTERNAL']);
    expect(res.body).not.toMatch(/\/home|SQLITE|at Statement|\.ts/u);
    await broken.close();
  });
});
