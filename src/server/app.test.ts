import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/store.js';
import { docOf } from '../test-support/docs.js';
import { buildApp } from './app.js';

const store = openSqliteStore(':memory:');
const app = buildApp({ store });
const kim = docOf('Kim unveils policy', 'North Korean leader Kim Jong Un said Pyongyang will unveil a policy.', '2025-09-13');
const hostile = docOf('<script>alert(1)</script> headline', 'Body with <img src=x onerror=alert(2)> inside.');

beforeAll(() => {
  store.addBatch([{ doc: kim, source: 'a' }, { doc: hostile, source: 'b' }]);
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('API', () => {
  it('lists articles with a total and a cursor', async () => {
    const res = await app.inject('/api/articles?limit=1');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
    const next = await app.inject(`/api/articles?limit=1&cursor=${body.nextCursor}`);
    expect(next.json().items[0].id).not.toBe(body.items[0].id);
  });

  it('returns one article as wiregraph/1', async () => {
    const res = await app.inject(`/api/articles/${kim.id}`);
    expect(res.json()).toMatchObject({ schema: 'wiregraph/1', id: kim.id, text: kim.text });
  });

  it('answers 404 with a coded error for an unknown id', async () => {
    const res = await app.inject('/api/articles/0000000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('WG_NOT_FOUND');
  });

  it.each(['/api/articles?limit=0', '/api/articles?limit=abc', '/api/articles?limit=5000', '/api/articles?bogus=1', '/api/search', '/api/search?q='])(
    'answers 400 with a clear message for %s',
    async (url) => {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'WG_BAD_OPTION' });
      expect(res.json().error.message.length).toBeGreaterThan(5);
    },
  );

  it('searches with highlighted snippets, whatever the query', async () => {
    const res = await app.inject('/api/search?q=unveil');
    expect(res.json().items[0].snippet).toContain('[unveil]');
    expect((await app.inject(`/api/search?q=${encodeURIComponent('((NEAR* :^')}`)).statusCode).toBe(200);
    // Note: an unclosed quote is the user's mistake, said with its place, not an empty page ("No articles.").
    const unclosed = await app.inject(`/api/search?q=${encodeURIComponent('"((NEAR*')}`);
    expect([unclosed.statusCode, unclosed.json().error.code]).toEqual([400, 'WG_BAD_OPTION']);
    expect(unclosed.json().error.message).toContain('character 1');
  });
});

describe('plain pages', () => {
  it('lists the articles at /plain/ with a strict content security policy', async () => {
    const res = await app.inject('/plain/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('Kim unveils policy');
  });

  it('escapes article text and never emits markup from the input', async () => {
    for (const url of ['/plain/', `/plain/articles/${hostile.id}`, '/plain/?q=script']) {
      const body = (await app.inject(url)).body;
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img src=x');
    }
    expect((await app.inject(`/plain/articles/${hostile.id}`)).body).toContain('&#60;img src=x onerror=alert(2)&#62;');
  });

  it('shows one article with its text', async () => {
    const body = (await app.inject(`/plain/articles/${kim.id}`)).body;
    expect(body).toContain('Kim Jong Un said Pyongyang will unveil');
  });
});

it('links the article list to its next page when there is one', async () => {
  const many = openSqliteStore(':memory:');
  many.addBatch(Array.from({ length: 105 }, (_, i) => ({ doc: docOf(`Story ${i}`, `Body ${i}.`), source: 's' })));
  const listApp = buildApp({ store: many });
  const first = (await listApp.inject('/plain/')).body;
  const href = /rel="next" href="([^"]+)"/u.exec(first)?.[1]?.replace(/&#38;/gu, '&');
  expect(href).toBeDefined();
  const second = (await listApp.inject(href!)).body;
  expect(second.match(/<li>/gu)).toHaveLength(5);
  expect(second).not.toContain('rel="next"');
  await listApp.close();
  many.close();
});
