import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modalDoc } from '../store/contract-events.js';
import type { EventRow } from '../store/graph.js';
import { openSqliteStore } from '../store/sqlite/store.js';
import type { ArticleStore } from '../store/store.js';
import { seedStoryDoc } from '../test-support/docs.js';
import { buildApp } from './app.js';

let store: ArticleStore;
let app: ReturnType<typeof buildApp>;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  store.addBatch([{ doc: seedStoryDoc(), source: 'seed' }, { doc: modalDoc(), source: 'modal' }]);
  app = buildApp({ store });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  store.close();
});

const json = async <T>(url: string): Promise<{ status: number; body: T }> => {
  const res = await app.inject(url);
  return { status: res.statusCode, body: res.json() as T };
};
const entity = async (q: string): Promise<number> => (await json<{ items: Array<{ id: number }> }>(`/api/entities?q=${encodeURIComponent(q)}&type=GPE`)).body.items[0]!.id;
const events = async (query: string): Promise<EventRow[]> => (await json<{ items: EventRow[] }>(`/api/events?${query}`)).body.items;

describe('events in the API: who reports them, their quote, confidence and mode', () => {
  it("says that the seed story's 'Russia is stepping up support' is reported by Seoul, with the quote it is known from", async () => {
    const russia = await entity('Russia');
    const found = (await events(`actor=${russia}`)).find((e) => e.trigger === 'stepping up' && e.source.headline?.includes('arsenal'));
    expect(found?.reportedBy?.name).toBe('Seoul');
    expect(found?.reportedBy?.entity).toBe(await entity('South Korea'));
    expect(found?.quote).toMatchObject({ kind: 'indirect', speaker: found?.reportedBy?.entity });
    const doc = store.get(found!.source.article)!;
    expect(doc.text.slice(found!.quote!.start, found!.quote!.end)).toContain('stepping up support');
    const stated = (await events(`actor=${russia}`)).find((e) => e.trigger === 'signed');
    expect([stated?.reportedBy, stated?.quote]).toEqual([null, null]);
  });

  it('filters events by minConfidence, and refuses one outside 0..1 or a bad modes with a typed 400', async () => {
    const all = await events('limit=200');
    const sure = await events('limit=200&minConfidence=0.5');
    expect(sure.length).toBeGreaterThan(0);
    expect(sure.length).toBeLessThan(all.length);
    expect(sure.every((e) => e.confidence >= 0.5)).toBe(true);
    for (const bad of ['minConfidence=1.5', 'minConfidence=-0.1', 'minConfidence=high', 'modes=sure', 'modes=asserted,']) {
      const res = await json<{ error: { code: string } }>(`/api/events?${bad}`);
      expect([bad, res.status, res.body.error.code]).toEqual([bad, 400, 'WG_BAD_OPTION']);
    }
  });

  it('leaves negated and planned events out of the timeline, the network and the entity count unless modes asks', async () => {
    const [russia, ukraine] = [await entity('Russia'), await entity('Ukraine')];
    const modal = (await events(`actor=${russia}&counterpart=${ukraine}&cameo=190`)).map((e) => e.mode).sort();
    expect(modal).toEqual(['asserted', 'negated', 'planned']);
    expect((await events(`actor=${russia}&counterpart=${ukraine}&modes=planned,negated`)).map((e) => e.mode).sort()).toEqual(['negated', 'planned']);
    const total = async (query: string): Promise<number> => (await json<{ periods: Array<{ events: number }> }>(`/api/timeline?actor=${ukraine}${query}`)).body.periods.reduce((n, p) => n + p.events, 0);
    expect([await total(''), await total('&modes=all'), await total('&mode=negated')]).toEqual([1, 3, 1]);
    const weight = async (query: string): Promise<number | undefined> => (await json<{ edges: Array<{ source: number; target: number; weight: number }> }>(`/api/network?actor=${ukraine}${query}`)).body.edges.find((e) => e.source === russia && e.target === ukraine)?.weight;
    expect([await weight(''), await weight('&modes=all')]).toEqual([1, 3]);
    const counted = async (query: string): Promise<number> => (await json<{ events: number }>(`/api/entities/${ukraine}${query}`)).body.events;
    const notAsserted = (await events(`actor=${ukraine}&modes=planned,hypothetical,negated`)).length;
    expect(notAsserted).toBeGreaterThanOrEqual(2);
    expect((await counted('?modes=all')) - (await counted(''))).toBe(notAsserted);
    expect(await counted('?modes=asserted')).toBe(await counted(''));
  });
});
