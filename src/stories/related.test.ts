import { describe, expect, it } from 'vitest';
import type { Entity, EntityType, Event } from '../article/layers.js';
import { EMPTY_META } from '../article/meta.js';
import type { WiregraphDoc } from '../output/wiregraph1.js';
import { relatedKeys, relatedness, type KeyFrequencies } from './index.js';

type Named = [name: string, type: EntityType, mentions?: number, wikidata?: string, country?: string];

/** A wiregraph/1 document with just the layers relatedness reads. */
function doc(published: string | null, entities: Named[], dates: string[] = [], events: Array<Pick<Event, 'cameo'>> = []): WiregraphDoc {
  return {
    schema: 'wiregraph/1',
    id: `doc-${Math.random()}`,
    meta: { ...EMPTY_META, published },
    text: '',
    sentences: [],
    entities: entities.map(([name, type, mentions = 1, wikidata = null, country = null], i): Entity => ({
      id: `e${i}`, type, name, role: null,
      links: { wikidata, country, cameo: country },
      mentions: Array.from({ length: mentions }, () => ({ start: 0, end: name.length, text: name, kind: 'name' as const })),
    })),
    timexes: dates.map((value) => ({ start: 0, end: 1, text: value, type: 'DATE' as const, value, rule: 'test' })),
    quotes: [],
    events: events.map((e, i) => ({ id: `v${i}`, cameo: e.cameo, plover: null, mode: 'asserted', source: [], target: [], date: null, place: null, sentence: 0, trigger: { start: 0, end: 1, text: 'x' }, quote: null, reportedBy: null, confidence: 1, rule: 'verb' })),
    messages: [],
  };
}

const usa: Named = ['United States', 'GPE', 3, 'Q30', 'USA'];

describe('relatedness', () => {
  it('links two agencies\' stories of one event: a shared person, place and day, with the reasons', () => {
    const afp = doc('2013-05-03T10:00', [['Lindsay Lohan', 'PERSON', 4], ['Betty Ford Center', 'ORG', 2], ['Rancho Mirage', 'GPE'], usa], ['2013-05-02'], [{ cameo: '173' }]);
    const ap = doc('2013-05-04', [['Lohan', 'PERSON', 3], ['Betty Ford Center', 'ORG'], ['Rancho Mirage', 'GPE'], ['Mark Heller', 'PERSON']], ['2013-05-02'], [{ cameo: '172' }]);
    const r = relatedness(afp, ap);
    expect(r.related).toBe(true);
    expect(r.reasons.join(' | ')).toMatch(/actors: .*Betty Ford Center/);
    expect(r.reasons.join(' | ')).toContain('places: Rancho Mirage');
    expect(r.reasons.join(' | ')).toContain('dates close: 2013-05-02');
    expect(r.reasons.join(' | ')).toContain('event types: 17');
  });

  it('does not link stories that share only a country, however often they name it', () => {
    const a = doc('2013-05-03', [usa, ['Barack Obama', 'PERSON', 2], ['Congress', 'ORG']]);
    const b = doc('2013-05-03', [usa, ['Tara Reid', 'PERSON', 3], ['Promises Treatment Center', 'ORG']]);
    const r = relatedness(a, b);
    expect(r.related).toBe(false);
    expect(r.score).toBeLessThan(relatedness(a, a).score);
  });

  it('keeps apart two events with the same actors when their dates are months apart', () => {
    const fired = doc('2008-12-13', [['Maurice Cheeks', 'PERSON', 3], ['Philadelphia 76ers', 'ORG', 2]]);
    const hired = doc('2013-05-30', [['Maurice Cheeks', 'PERSON', 3], ['Philadelphia 76ers', 'ORG', 2]]);
    const far = relatedness(fired, hired);
    expect(far.reasons).toContain('dates 1629 days apart');
    expect(far.score).toBeLessThan(relatedness(fired, doc('2008-12-14', [['Maurice Cheeks', 'PERSON', 3], ['Philadelphia 76ers', 'ORG', 2]])).score);
  });

  it('weighs a key found in every stored story at nothing when frequencies are given', () => {
    const a = doc(null, [['Reuters', 'ORG', 2], ['Anna Smith', 'PERSON']]);
    const b = doc(null, [['Reuters', 'ORG', 2], ['Jon Doe', 'PERSON']]);
    const everywhere: KeyFrequencies = { documents: 100, count: (key) => (key === 'n:reuters' ? 100 : 1) };
    expect(relatedness(a, b).score).toBeGreaterThan(0);
    expect(relatedness(a, b, { frequencies: everywhere }).score).toBeLessThan(0.05);
  });
});

describe('relatedKeys', () => {
  const lohan: Named = ['Lindsay Lohan', 'PERSON', 4];
  it('gives stories a week apart a key in common, and none to stories a month apart or sharing only a country', () => {
    const monday = relatedKeys(doc('2013-05-06', [lohan, usa]));
    const nextSunday = relatedKeys(doc('2013-05-12', [lohan]));
    const month = relatedKeys(doc('2013-06-10', [lohan]));
    expect(monday.some((k) => nextSunday.includes(k))).toBe(true);
    expect(monday.some((k) => month.includes(k))).toBe(false);
    expect(monday.some((k) => k.startsWith('Q30'))).toBe(false);
  });

  it('gives an undated story its actors alone', () => {
    expect(relatedKeys(doc(null, [lohan]))).toEqual(['n:lindsay lohan', 'n:lohan']);
  });
});
