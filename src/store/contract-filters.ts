import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WiregraphDoc } from '../output/wiregraph1.js';
import { docOf } from '../test-support/docs.js';
import { publishedBy } from './contract-docs.js';
import { modalDoc } from './contract-events.js';
import type { AsyncArticleStore as ArticleStore } from './async.js';

/**
 * The filters part of the contract: every list (articles, search, quotes, events, network, timeline, entities) takes
 * the same filters (date range, outlet, entity type, PLOVER type, quad class, mode), and search its syntax.
 */
export function runFilterContract(current: () => ArticleStore, graphPending = false): void {
  // Note: a store without the knowledge graph yet still runs the search syntax; the graph's filters are pending.
  const graphIt = graphPending ? it.skip : it;
  describe('filters and search syntax', () => {
    let docs: { modal: WiregraphDoc; kim: WiregraphDoc; putin: WiregraphDoc };
    let store: ArticleStore;
    beforeAll(() => {
      docs = {
        modal: publishedBy(modalDoc(), 'Yonhap', 'https://yonhap.example/1', '2025-09-13T09:00'),
        kim: publishedBy(docOf('Kim unveils policy', 'North Korean leader Kim Jong Un said Pyongyang will unveil a policy.', '2025-08-02'), 'KCNA', null, '2025-08-02T10:00'),
        putin: publishedBy(docOf('Putin visits Pyongyang', 'Russian President Vladimir Putin visited the reclusive state.', '2024-06-19'), 'TASS', null, '2024-06-19T12:00'),
      };
    });
    beforeEach(async () => {
      store = current();
      await store.addBatch([{ doc: docs.modal, source: 'm' }, { doc: docs.putin, source: 'p' }, { doc: docs.kim, source: 'k' }]);
    });
    const ids = (items: ReadonlyArray<{ id: string }>): string[] => items.map((i) => i.id).sort();

    it('searches with OR, phrases, prefixes and exclusions', async () => {
      expect(ids((await store.search('Kim OR Putin', { limit: 10 })).items)).toEqual([docs.kim.id, docs.putin.id].sort());
      expect(ids((await store.search('Pyongyang -Putin', { limit: 10 })).items)).toEqual([docs.kim.id]);
      expect(ids((await store.search('Pyongyang -"reclusive state"', { limit: 10 })).items)).toEqual([docs.kim.id]);
      expect(ids((await store.search('Pyong* OR Ukrain*', { limit: 10 })).items)).toEqual([docs.modal.id, docs.kim.id, docs.putin.id].sort());
      expect((await store.search('Kim Putin', { limit: 10 })).items).toEqual([]);
    });

    graphIt('lists articles by publication, newest first, and filters them and search hits', async () => {
      expect((await store.list({ limit: 10, order: 'published' })).items.map((a) => a.id)).toEqual([docs.modal.id, docs.kim.id, docs.putin.id]);
      const first = await store.list({ limit: 2, order: 'published' });
      expect((await store.list({ limit: 2, order: 'published', cursor: first.nextCursor })).items.map((a) => a.id)).toEqual([docs.putin.id]);
      expect(ids((await store.list({ limit: 10, filter: { from: '2025', to: '2025-08' } })).items)).toEqual([docs.kim.id]);
      expect(ids((await store.list({ limit: 10, filter: { outlet: 'TASS' } })).items)).toEqual([docs.putin.id]);
      expect(ids((await store.list({ limit: 10, filter: { plover: 'ASSAULT', mode: 'negated' } })).items)).toEqual([docs.modal.id]);
      expect(ids((await store.search('Pyongyang', { limit: 10, filter: { outlet: 'KCNA' } })).items)).toEqual([docs.kim.id]);
      expect(ids((await store.search('Pyongyang', { limit: 10, filter: { to: '2024-12-31' } })).items)).toEqual([docs.putin.id]);
      expect((await store.search('Pyongyang', { limit: 10, filter: { quad: 'material-conflict' } })).items).toEqual([]);
      expect(ids((await store.search('Russia OR Putin', { limit: 10, filter: { type: 'PERSON' } })).items)).toEqual([docs.putin.id]);
    });

    graphIt('filters events by outlet, quad class, mode, PLOVER type, actor type and date', async () => {
      const events = async (filter: object): Promise<string[]> => (await store.graph.events(filter, { limit: 20 })).items.map((e) => e.trigger).sort();
      const all = await events({});
      expect(all).toEqual(expect.arrayContaining(['attacked', 'did not attack', 'plans to attack', 'stepping up']));
      expect(await events({ outlet: 'Yonhap' })).toEqual(all.filter((t) => ['attacked', 'did not attack', 'plans to attack', 'stepping up'].includes(t)));
      expect(await events({ outlet: 'Yonhap', quad: 'material-cooperation' })).toEqual(['stepping up']);
      expect(await events({ outlet: 'Yonhap', quad: 'material-conflict', mode: 'planned' })).toEqual(['plans to attack']);
      expect(await events({ plover: 'AID' })).toEqual(['stepping up']);
      expect(await events({ outlet: 'Yonhap', type: 'PERSON' })).toEqual([]);
      expect(await events({ outlet: 'Yonhap', type: 'GPE', from: '2025-09-13', to: '2025-09-13' })).toHaveLength(4);
      expect(await events({ outlet: 'Yonhap', to: '2025-09-12' })).toEqual([]);
    });

    graphIt('filters quotes, the network and the timeline alike', async () => {
      const quotes = (await store.graph.quotes({ outlet: 'Yonhap' }, { limit: 20 })).items;
      expect(quotes.length).toBeGreaterThan(0);
      expect(quotes.every((q) => q.source.article === docs.modal.id)).toBe(true);
      expect((await store.graph.quotes({ outlet: 'Yonhap', plover: 'AID' }, { limit: 20 })).items.map((q) => q.content)).toEqual([expect.stringContaining('stepping up')]);
      expect((await store.graph.quotes({ outlet: 'Yonhap', plover: 'ASSAULT' }, { limit: 20 })).items).toEqual([]);
      expect((await store.graph.quotes({ outlet: 'Yonhap', from: '2026' }, { limit: 20 })).items).toEqual([]);
      const net = await store.graph.network({ outlet: 'Yonhap', quad: 'material-cooperation' }, 10);
      expect(net.edges.map((e) => e.quad)).toEqual(['material-cooperation']);
      expect((await store.graph.network({ outlet: 'KCNA', quad: 'material-cooperation' }, 10)).edges).toEqual([]);
      expect((await store.graph.timeline({ outlet: 'Yonhap', quad: 'material-conflict', modes: 'all' })).map((p) => [p.period, p.events])).toEqual([['2025-09', 3]]);
      expect(await store.graph.timeline({ outlet: 'TASS' })).toEqual([]);
    });

    graphIt('filters entities by the articles that mention them, and says what the corpus holds', async () => {
      const names = async (filter: object): Promise<string[]> => (await store.graph.findEntities('', { limit: 50, filter })).items.map((e) => e.name);
      expect(await names({ outlet: 'TASS' })).toContain('Vladimir Putin');
      expect(await names({ outlet: 'TASS' })).not.toContain('Kim Jong Un');
      expect(await names({ from: '2025-08', to: '2025-08' })).toContain('Kim Jong Un');
      const overview = await store.overview();
      expect(overview).toMatchObject({ articles: 3, copies: 3, stories: 3, outletCount: 3, first: '2024-06-19T12:00', last: '2025-09-13T09:00' });
      expect(overview.outlets.map((o) => o.outlet).sort()).toEqual(['KCNA', 'TASS', 'Yonhap']);
      expect(overview.topEntities.length).toBeGreaterThan(3);
    });
  });
}
