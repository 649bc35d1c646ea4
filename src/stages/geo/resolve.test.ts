import { describe, expect, it } from 'vitest';
import type { Entity } from '../../article/layers.js';
import { decodeGazetteer, encodeGazetteer, type GazetteerRow, type PlaceKind } from './gazetteer-file.js';
import { resolvePlaces } from './places.js';
import { containerAfter, noEvidence, resolveName } from './resolve.js';
import { secondLook } from './second-look.js';

const row = (id: string, kind: PlaceKind, names: string[], lat: number, lon: number, country: string, admin = '', population = 0, feature = 'PPL'): GazetteerRow =>
  ({ id, kind, name: names[0]!, names, lat, lon, country, admin, population, feature: kind === 'country' ? 'PCLI' : kind === 'region' ? 'ADM1' : feature });

// A small world: rows in the order the build writes them (countries, regions, then cities).
const gaz = decodeGazetteer(encodeGazetteer([
  row('Q30', 'country', ['United States', 'US', 'U.S.'], 40, -100, 'USA'),
  row('Q142', 'country', ['France'], 46, 2, 'FRA'),
  row('Q230', 'country', ['Georgia'], 42, 43.5, 'GEO'),
  row('Q884', 'country', ['South Korea'], 37, 127.5, 'KOR'),
  row('admin1:US.IL', 'region', ['Illinois', 'Ill.'], 40, -89, 'USA', 'IL'),
  row('admin1:US.TX', 'region', ['Texas', 'Tex.'], 31, -100, 'USA', 'TX'),
  row('admin1:US.GA', 'region', ['Georgia', 'Ga.'], 33, -83.5, 'USA', 'GA'),
  row('admin1:US.AL', 'region', ['Alabama', 'Ala.'], 32.8, -86.8, 'USA', 'AL'),
  row('admin1:US.MO', 'region', ['Missouri', 'Mo.'], 38.4, -92.5, 'USA', 'MO'),
  row('geonames:1', 'city', ['Springfield'], 37.2, -93.3, 'USA', 'MO', 169000, 'PPLA2'),
  row('geonames:2', 'city', ['Springfield'], 39.8, -89.64, 'USA', 'IL', 116000, 'PPLA'),
  row('geonames:3', 'city', ['Paris'], 48.85, 2.35, 'FRA', '11', 2138551, 'PPLC'),
  row('geonames:4', 'city', ['Paris'], 33.66, -95.56, 'USA', 'TX', 25000),
  row('geonames:5', 'city', ['Mobile'], 30.69, -88.04, 'USA', 'AL', 194288, 'PPLA2'),
  row('geonames:6', 'city', ['Atlanta'], 33.75, -84.39, 'USA', 'GA', 463878, 'PPLA'),
  row('geonames:7', 'city', ['Seoul'], 37.566, 126.978, 'KOR', '11', 10349312, 'PPLC'),
  row('geonames:8', 'city', ['Nice'], 43.7, 7.27, 'FRA', '93', 338620, 'PPLA2'),
  row('geonames:9', 'city', ['Gao'], 16.27, -0.04, 'MLI', '07', 120000, 'PPLA'),
], 'the test'));

const entry = (text: string, name: string, at = text.indexOf(name)): number | null => {
  const r = resolveName(gaz, name, noEvidence(), containerAfter(gaz, text, at + name.length));
  return r.entry;
};
const entity = (id: string, type: Entity['type'], text: string, names: string[], links: Partial<Entity['links']> = {}): Entity => ({
  id, type, name: names[0]!, role: null, links: { wikidata: null, country: null, cameo: null, ...links },
  mentions: names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length, text: n, kind: 'name' as const })),
});

describe('place names resolved through the gazetteer', () => {
  it('the text\'s containment decides: Springfield, Mo. and Paris, Texas; alone, the capital or the seat of a state', () => {
    expect(gaz.id(entry('He lives in Springfield, Mo., now.', 'Springfield')!)).toBe('geonames:1');
    expect(gaz.id(entry('He lives in Springfield, Ill., now.', 'Springfield')!)).toBe('geonames:2');
    expect(gaz.id(entry('the road to Springfield.', 'Springfield')!)).toBe('geonames:2');
    expect(gaz.id(entry('Paris, Texas, is small.', 'Paris')!)).toBe('geonames:4');
    expect(gaz.id(entry('Paris is large.', 'Paris')!)).toBe('geonames:3');
  });

  it('never resolves a word that is not written as a name, nor a common word without evidence', () => {
    expect(resolveName(gaz, 'mobile', noEvidence(), null)).toEqual({ entry: null, reason: 'not-a-name' });
    expect(resolveName(gaz, 'Mobile', noEvidence(), null)).toEqual({ entry: null, reason: 'common-word' });
    expect(resolveName(gaz, 'Nice', noEvidence(), null)).toEqual({ entry: null, reason: 'common-word' });
    expect(gaz.id(entry('In Mobile, Ala., it rained.', 'Mobile')!)).toBe('geonames:5');
    expect(resolveName(gaz, 'Atlantis', noEvidence(), null)).toEqual({ entry: null, reason: 'unknown' });
  });

  it('a capital standing for its state keeps the state\'s point; the mention keeps its own; a nationality gets none', () => {
    const text = 'Seoul said on Sunday that South Korea would answer. Korean officials agreed.';
    const korea = entity('E1', 'GPE', text, ['Seoul', 'South Korea'], { country: 'KOR', cameo: 'KOR', wikidata: 'Q884' });
    const norp = entity('E2', 'NORP', text, ['Korean'], { country: 'KOR', cameo: 'KOR' });
    const { places } = resolvePlaces(gaz, { text, entities: [korea, norp], dateline: null });
    expect(places).toHaveLength(1);
    expect(places[0]!.entity).toBe('E1');
    expect(places[0]!.geo).toMatchObject({ kind: 'country', id: 'Q884', country: 'KOR' });
    expect(places[0]!.mentions).toEqual([expect.objectContaining({ text: 'Seoul', geo: expect.objectContaining({ kind: 'city', id: 'geonames:7' }) })]);
  });

  it('the article\'s other places decide between a country and a region: Georgia beside Atlanta is the state', () => {
    const text = 'Flu spread in Georgia. Hospitals in Atlanta were full.';
    const georgia = entity('E1', 'GPE', text, ['Georgia'], { country: 'GEO', cameo: 'GEO', wikidata: 'Q230' });
    const atlanta = entity('E2', 'LOC', text, ['Atlanta']);
    const both = resolvePlaces(gaz, { text, entities: [georgia, atlanta], dateline: null }).places;
    expect(both.find((p) => p.entity === 'E1')!.geo).toMatchObject({ kind: 'region', id: 'admin1:US.GA' });
    const alone = resolvePlaces(gaz, { text: 'Flu spread in Georgia.', entities: [entity('E1', 'GPE', 'Flu spread in Georgia.', ['Georgia'], { country: 'GEO', cameo: 'GEO' })], dateline: null }).places;
    expect(alone[0]!.geo).toMatchObject({ kind: 'country', id: 'Q230' });
  });

  it('an unplaced place entity gets a message saying why', () => {
    const text = 'They met in Atlantis.';
    const { places, messages } = resolvePlaces(gaz, { text, entities: [entity('E1', 'LOC', text, ['Atlantis'])], dateline: null });
    expect(places).toEqual([]);
    expect(messages).toEqual([expect.objectContaining({ source: 'geo', rule: 'place-unknown', start: text.indexOf('Atlantis') })]);
  });

  it('the second look takes a large place the recogniser missed, and a country opening an organisation\'s name, but no common word', () => {
    const text = 'Cases rose in Springfield and Paris. The U.S. Centers for Disease Control said Nice weather helped. The GAO agreed.';
    const cdc = entity('E1', 'ORG', text, ['U.S. Centers for Disease Control']);
    const gao = entity('E2', 'ORG', text, ['GAO']);
    const tokens = [...text.matchAll(/[\p{L}.]+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].replace(/\.$/u, m[0] === 'U.S.' ? '.' : '').length, sentence: 0 }));
    const places = secondLook(gaz, { text, entities: [cdc, gao], dateline: null }, tokens, [{ start: 0, end: text.length }]);
    const names = places.flatMap((p) => p.mentions.map((m) => `${m.text}=${p.geo.id}`));
    expect(names).toEqual(expect.arrayContaining(['Paris=geonames:3', 'U.S.=Q30']));
    expect(names.some((n) => n.startsWith('Nice'))).toBe(false);
    expect(names.some((n) => n.startsWith('GAO'))).toBe(false);
    // Note: two Springfields of like size: the name alone does not say which, so the second look leaves it.
    expect(names.some((n) => n.startsWith('Springfield'))).toBe(false);
  });
});
