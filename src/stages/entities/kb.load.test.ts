import { describe, expect, it } from 'vitest';
import { defaultResources } from '../../pipeline/resources.js';
import { normaliseName } from '../../text/normalise.js';

const kb = defaultResources().knowledgeBase();

describe('the shipped knowledge base', () => {
  it('knows current office holders with their Wikidata ids', () => {
    expect(kb.personByName.get(normaliseName('Kim Jong Un'))).toMatchObject({ qid: 'Q56226', country: 'PRK' });
    expect(kb.personByName.get(normaliseName('Donald Trump'))?.codes).toContainEqual({ code: 'USAGOV', from: '2025-01-20', to: null });
  });

  it('keeps demonyms and cities out of country names', () => {
    expect(kb.countryByName.get('russian')).toBeUndefined();
    expect(kb.countryByName.get('vladimir')).toBeUndefined();
    expect(kb.countryByDemonym.get('russian')?.iso3).toBe('RUS');
    expect(kb.countryByName.get('dprk')?.iso3).toBe('PRK');
  });

  it('has checked agency ids only', () => {
    expect(kb.orgByName.get('afp')).toMatchObject({ qid: 'Q40464', country: 'FRA' });
    expect(kb.orgByName.get('kcna')).toMatchObject({ qid: null, country: 'PRK' });
  });
});
