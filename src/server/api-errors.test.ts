import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '../article/layers.js';
import type { WiregraphDoc } from '../output/wiregraph1.js';
import { modalDoc } from '../store/contract-events.js';
import { openSqliteStore } from '../store/sqlite/store.js';
import { buildApp } from './app.js';

const store = openSqliteStore(':memory:');
const app = buildApp({ store });

/**
 * The contract suite's Russia/Ukraine document, with its dates moved to show the timeline's periods: an ISO week
 * (`2025-W37`, 8-14 September), a day, a month, a year alone and a season; and Ukraine answering Russia once,
 * so that the edge Russia -> Ukraine has events in the other direction beside it.
 */
function datedDoc(): WiregraphDoc {
  const doc = modalDoc();
  const dates = ['2025-W37', '2025-09-20', '2025-10', '2024'];
  const events: Event[] = doc.events.map((e, i) => ({ ...e, date: dates[i] ?? e.date }));
  const attack = events[0]!;
  events.push({ ...attack, id: 'V9', cameo: '111', plover: 'ACCUSE', source: attack.target, target: attack.source, date: '2004-FA' });
  return { ...doc, events };
}

const get = async (url: string): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = await app.inject(url);
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
};
const named = (name: string): number => store.graph.findEntities(name, { limit: 1 }).items[0]!.id;

beforeAll(async () => {
  store.addBatch([{ doc: datedDoc(), source: '/home/someone/news/yonhap.txt' }]);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('API errors in one shape', () => {
  it.each(['/api/articles', '/api/search?q=Russia', '/api/entities', '/api/quotes', '/api/events', '/api/stories'])('answers a cursor it did not make with a 400 on %s', async (url) => {
    for (const cursor of ['garbage', Buffer.from('c12x').toString('base64url')]) {
      const { status, body } = await get(`${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`);
      expect([status, (body['error'] as { code: string }).code]).toEqual([400, 'WG_BAD_OPTION']);
    }
    const ok = await get(url);
    expect(ok.status).toBe(200);
  });

  it.each([['GET', '/api/nope'], ['GET', '/nope/deeper'], ['POST', '/api/articles'], ['DELETE', '/api/entities/1']])('answers %s %s, no route, with a coded 404', async (method, url) => {
    const res = await app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'WG_NOT_FOUND', message: expect.stringContaining(url) } });
  });

  it('answers an unknown article id with the same 404 on the article and its entities', async () => {
    for (const url of ['/api/articles/bad', '/api/articles/bad/entities', '/api/articles/0123456789abcdef/entities']) {
      const { status, body } = await get(url);
      expect([url, status, (body['error'] as { code: string }).code]).toEqual([url, 404, 'WG_NOT_FOUND']);
    }
    const id = store.list({ limit: 1 }).items[0]!.id;
    expect((await get(`/api/articles/${id}/entities`)).status).toBe(200);
  });

  it('answers an unknown entity in a filter with a 404, a known one with a 200', async () => {
    for (const url of ['/api/timeline?actor=999999', '/api/network?actor=999999', '/api/events?actor=999999', `/api/events?actor=${named('Russia')}&counterpart=999999`, '/api/quotes?speaker=999999', '/api/quotes?article=0123456789abcdef']) {
      const { status, body } = await get(url);
      expect([url, status, (body['error'] as { code: string }).code]).toEqual([url, 404, 'WG_NOT_FOUND']);
    }
    expect((await get(`/api/timeline?actor=${named('Russia')}`)).status).toBe(200);
  });

  it.each(['from=2024-13', 'to=2024-00', 'from=2024-02-30', 'to=2023-02-29', 'from=2024-04-31', 'from=24-01'])('refuses an impossible date, %s, with a 400', async (query) => {
    for (const route of ['/api/events', '/api/timeline', '/api/network']) {
      const { status, body } = await get(`${route}?${query}`);
      expect([route, status, (body['error'] as { code: string }).code]).toEqual([route, 400, 'WG_BAD_OPTION']);
    }
  });

  it('takes possible dates', async () => {
    for (const query of ['from=2024-12', 'to=2024-02-29', 'from=2025', 'from=2025-09-13&to=2025-12-31']) expect((await get(`/api/events?${query}`)).status).toBe(200);
  });

  it('sends no file paths of the server', async () => {
    for (const url of ['/api/articles', '/api/search?q=Russia']) {
      const text = (await app.inject(url)).body;
      expect(text).toContain('"items":[{');
      expect(text).not.toContain('/home/someone');
      expect(text).not.toContain('"source"');
    }
  });

  it('lists only the API in its OpenAPI document', async () => {
    const paths = Object.keys((await get('/openapi.json')).body['paths'] as object);
    expect(paths).toContain('/api/articles');
    expect(paths.filter((p) => !p.startsWith('/api/'))).toEqual([]);
  });
});

describe('counts that add up', () => {
  it("lists an edge's events: its weight's worth, of its direction, asserted unless asked", async () => {
    const [russia, ukraine] = [named('Russia'), named('Ukraine')];
    const net = (await get(`/api/network?actor=${russia}`)).body as { edges: Array<{ source: number; target: number; weight: number; events: number[] }> };
    const edge = net.edges.find((e) => e.source === russia && e.target === ukraine)!;
    expect(edge.weight).toBe(1);
    const listed = (await get(`/api/events?sourceActor=${russia}&targetActor=${ukraine}&modes=asserted`)).body['items'] as Array<{ id: number; trigger: string }>;
    expect(listed.map((e) => e.trigger)).toEqual(['attacked']);
    expect(listed.map((e) => e.id)).toEqual(edge.events);
    const all = (await get(`/api/events?sourceActor=${russia}&targetActor=${ukraine}&modes=all`)).body['items'] as Array<{ trigger: string }>;
    expect(all.map((e) => e.trigger).sort()).toEqual(['attacked', 'did not attack', 'plans to attack']);
    const back = (await get(`/api/events?sourceActor=${ukraine}&targetActor=${russia}`)).body['items'] as Array<{ cameo: string }>;
    expect(back.map((e) => e.cameo)).toEqual(['111']);
    expect((await get('/api/events?sourceActor=999999')).status).toBe(404);
  });

  it('puts a week in its month, one granularity on one axis, and says what it left off', async () => {
    const byMonth = (await get('/api/timeline?modes=all&granularity=month')).body;
    expect(byMonth['granularity']).toBe('month');
    expect((byMonth['periods'] as Array<{ period: string; events: number }>).map((p) => [p.period, p.events])).toEqual([['2025-09', 2], ['2025-10', 1]]);
    // Note: a year alone (2024) and a season (2004-FA) name no month: counted beside the month axis, not on it.
    expect(byMonth['unplaced']).toEqual({ events: 2, cooperation: 1, conflict: 1 });
    const byYear = (await get('/api/timeline?modes=all&granularity=year')).body;
    expect((byYear['periods'] as Array<{ period: string; events: number }>).map((p) => [p.period, p.events])).toEqual([['2004', 1], ['2024', 1], ['2025', 3]]);
    expect(byYear['unplaced']).toEqual({ events: 0, cooperation: 0, conflict: 0 });
    // The default: months over at most five years, else years; asserted events only.
    const auto = (await get('/api/timeline')).body;
    expect([auto['granularity'], (auto['periods'] as Array<{ period: string }>).map((p) => p.period)]).toEqual(['year', ['2004', '2024', '2025']]);
    const russia = (await get(`/api/timeline?actor=${named('Russia')}&from=2025`)).body;
    expect(russia['granularity']).toBe('month');
  });
});
