import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Event, EventMode } from '../article/layers.js';
import type { WiregraphDoc } from '../output/wiregraph1.js';
import { docOf } from '../test-support/docs.js';
import type { GlobalEntity } from './graph.js';
import type { AsyncArticleStore as ArticleStore } from './async.js';

const TEXT = 'Russia attacked Ukraine on Monday. Russia did not attack Ukraine on Tuesday. Russia plans to attack Ukraine. '
  + 'Seoul has repeatedly warned that Russia is stepping up support for North Korea, according to the state-run Yonhap news agency.';

/**
 * A document whose events are written here, not coded, so that the suite does not follow the coder: Russia
 * attacks Ukraine (asserted), does not (negated), plans to (planned), and, only in Seoul's warning, steps up
 * support for North Korea (asserted, reported by Seoul, at a low confidence).
 */
export function modalDoc(): WiregraphDoc {
  const doc = docOf('Russia and Ukraine', TEXT, '2025-09-13');
  const entity = (name: string): string => doc.entities.find((e) => e.name === name)!.id;
  const quote = doc.quotes.find((q) => q.content.text.includes('stepping up'))!;
  const at = (words: string): { start: number; end: number; text: string } => {
    const start = doc.text.indexOf(words);
    return { start, end: start + words.length, text: words };
  };
  const actor = (name: string, code: string, words: string) => ({ ...at(words), entity: entity(name), code, country: code });
  const event = (id: string, mode: EventMode, trigger: string, extra: Partial<Event> = {}): Event => ({
    id, cameo: '190', plover: 'ASSAULT', mode, source: [actor('Russia', 'RUS', 'Russia')], target: [actor('Ukraine', 'UKR', 'Ukraine')],
    date: '2025-09-13', place: null, sentence: 1, trigger: at(trigger), quote: null, reportedBy: null, confidence: 0.9, rule: 'verb', ...extra,
  });
  const events = [
    event('V1', 'asserted', 'attacked'),
    event('V2', 'negated', 'did not attack'),
    event('V3', 'planned', 'plans to attack'),
    event('V4', 'asserted', 'stepping up', {
      cameo: '070', plover: 'AID', target: [actor('North Korea', 'PRK', 'North Korea')], quote: quote.id,
      reportedBy: { name: 'Seoul', entity: quote.speaker }, confidence: 0.3,
    }),
  ];
  return { ...doc, events };
}

/** The events part of the contract: reporter, quote and confidence on every listed event; modes kept out of counts. */
export function runEventContract(current: () => ArticleStore): void {
  describe('events', () => {
    let doc: WiregraphDoc;
    let store: ArticleStore;
    const named = async (name: string): Promise<GlobalEntity> => (await store.graph.findEntities(name, { limit: 1 })).items[0]!;
    beforeAll(() => {
      doc = modalDoc();
    });
    beforeEach(async () => {
      store = current();
      await store.addBatch([{ doc, source: 'yonhap.txt' }]);
    });

    describe('reporter, quote and confidence', () => {
      it('lists a reported event with who reports it and the quote it is known from, and a stated one with neither', async () => {
        const items = (await store.graph.events({}, { limit: 10 })).items;
        const reported = items.find((e) => e.trigger === 'stepping up')!;
        const quote = doc.quotes.find((q) => q.content.text.includes('stepping up'))!;
        expect(reported.reportedBy).toEqual({ name: 'Seoul', entity: (await named('South Korea')).id });
        expect(reported.quote).toMatchObject({ kind: 'indirect', speaker: (await named('South Korea')).id, speakerText: 'South Korea', channels: ['the state-run Yonhap news agency'], start: quote.content.start, end: quote.content.end });
        expect((await store.graph.quotes({}, { limit: 10 })).items.map((q) => q.id)).toContain(reported.quote!.id);
        expect(reported.confidence).toBeCloseTo(0.3);
        const stated = items.find((e) => e.trigger === 'attacked')!;
        expect([stated.reportedBy, stated.quote, stated.confidence]).toEqual([null, null, 0.9]);
      });

      it('filters events by their least confidence', async () => {
        expect((await store.graph.events({}, { limit: 10 })).items).toHaveLength(4);
        expect((await store.graph.events({ minConfidence: 0.5 }, { limit: 10 })).items.map((e) => e.trigger).sort()).toEqual(['attacked', 'did not attack', 'plans to attack']);
        expect((await store.graph.events({ minConfidence: 0.2 }, { limit: 10, count: 'copies' })).items).toHaveLength(4);
      });
    });

    describe('modes out of counts', () => {
      it('lists every mode, and one mode or a list of them when asked', async () => {
        expect((await store.graph.events({}, { limit: 10 })).items.map((e) => e.mode).sort()).toEqual(['asserted', 'asserted', 'negated', 'planned']);
        expect((await store.graph.events({ mode: 'negated' }, { limit: 10 })).items.map((e) => e.trigger)).toEqual(['did not attack']);
        expect((await store.graph.events({ modes: ['planned', 'negated'] }, { limit: 10 })).items.map((e) => e.mode).sort()).toEqual(['negated', 'planned']);
      });

      it('leaves negated and planned events out of the timeline, the network and the entity counter unless asked', async () => {
        const russia = (await named('Russia')).id;
        const ukraine = (await named('Ukraine')).id;
        const total = async (modes?: 'all'): Promise<number> => (await store.graph.timeline({ actor: russia, ...(modes ? { modes } : {}) })).reduce((n, p) => n + p.events, 0);
        expect([await total(), await total('all')]).toEqual([2, 4]);
        expect((await store.graph.timeline({ actor: russia, mode: 'negated' })).map((p) => [p.period, p.events, p.conflict])).toEqual([['2025-09', 1, 1]]);
        const edge = async (modes?: 'all') => (await store.graph.network({ actor: russia, ...(modes ? { modes } : {}) }, 10)).edges.find((e) => e.source === russia && e.target === ukraine)!;
        expect([(await edge()).weight, (await edge()).events.length]).toEqual([1, 1]);
        const first = (await edge()).events[0];
        expect((await store.graph.events({}, { limit: 10 })).items.find((e) => e.id === first)?.mode).toBe('asserted');
        expect([(await edge('all')).weight, (await edge('all')).conflict]).toEqual([3, 3]);
        expect((await store.graph.profile(russia))!.events).toBe(2);
        expect((await store.graph.profile(russia, 'copies', 'all'))!.events).toBe(4);
        expect((await store.graph.profile(ukraine, 'stories', ['negated']))!.events).toBe(1);
      });
    });
  });
}
