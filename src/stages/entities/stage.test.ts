import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import type { Entity } from '../../article/layers.js';
import { EMPTY_META } from '../../article/meta.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { articleFromText } from '../../read/layout.js';
import { segmentStage } from '../segment/stage.js';
import { entitiesStage } from './stage.js';

const pipeline = createPipeline([segmentStage, entitiesStage as never]);
const seedText = readFileSync(fileURLToPath(new URL('../../../data/sample/seed/bss-2025-09-13-north-korea-arsenal.txt', import.meta.url)), 'utf8');
const seed = pipeline.run(articleFromText(seedText)).layers.entities!;
const entity = (name: string): Entity => {
  const found = seed.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name}: ${seed.map((e) => e.name).join(', ')}`);
  return found;
};
const entitiesOf = (text: string, meta = {}): readonly Entity[] => pipeline.run(createArticle(text, { ...EMPTY_META, language: 'en', ...meta })).layers.entities!;
const typeOf = (entities: readonly Entity[], mention: string): string | undefined => entities.find((e) => e.mentions.some((m) => m.text === mention))?.type;

describe('the seed story', () => {
  it('links Kim Jong Un, with his role, his short name and the description that refers to him', () => {
    const kim = entity('Kim Jong Un');
    expect(kim).toMatchObject({ type: 'PERSON', role: 'North Korean leader', links: { wikidata: 'Q56226', country: 'PRK', cameo: 'PRKGOV' } });
    expect(kim.mentions.filter((m) => m.text === 'Kim')).toHaveLength(5);
    expect(kim.mentions).toContainEqual(expect.objectContaining({ text: 'The North Korean leader', kind: 'nominal' }));
  });

  it('takes every Pyongyang and Moscow as its state, and the dateline SEOUL as the city', () => {
    const northKorea = entity('North Korea');
    expect(northKorea).toMatchObject({ type: 'GPE', links: { wikidata: 'Q423', country: 'PRK' } });
    expect(northKorea.mentions.filter((m) => m.text === 'Pyongyang')).toHaveLength(5);
    expect(entity('Russia').mentions.filter((m) => m.text === 'Moscow')).toHaveLength(2);
    expect(entity('South Korea').mentions.map((m) => m.text)).toEqual(['Seoul']);
    expect(entity('Seoul')).toMatchObject({ type: 'LOC', links: { wikidata: 'Q8684', country: 'KOR' } });
    expect(entity('Beijing').type).toBe('LOC');
  });

  it('resolves "he added" to Hong Min and keeps his role from the apposition', () => {
    expect(entity('Hong Min')).toMatchObject({ type: 'PERSON', role: 'senior analyst at the Korea Institute for National Unification' });
    expect(entity('Hong Min').mentions).toContainEqual(expect.objectContaining({ text: 'he', kind: 'pronoun' }));
  });

  it('finds nationalities as NORP linked to their country, and the agencies of the dateline', () => {
    expect(entity('North Korean')).toMatchObject({ type: 'NORP', links: { country: 'PRK' } });
    expect(entity('North Korean').mentions).toHaveLength(3);
    expect(entity('Agence France-Presse')).toMatchObject({ type: 'ORG', links: { wikidata: 'Q40464', country: 'FRA' } });
    expect(entity('Bangladesh Sangbad Sangstha').links.country).toBe('BGD');
    expect(entity('Korea Institute for National Unification')).toMatchObject({ type: 'ORG', links: { country: 'KOR' } });
  });

  it('takes the region of a dateline as a place too: a country as its state, a state of the US as a place', () => {
    const kyiv = pipeline.run(articleFromText('KYIV, Ukraine — Russian drones struck the city overnight, officials said.')).layers.entities!;
    expect(kyiv.find((e) => e.name === 'Ukraine')).toMatchObject({ type: 'GPE', links: { country: 'UKR' } });
    const milwaukee = pipeline.run(articleFromText('Brewers win\n\nMILWAUKEE, Wisconsin (AP) - The Brewers beat the Cubs 4-2 on Friday.')).layers.entities!;
    expect(milwaukee.find((e) => e.name === 'Wisconsin')?.type).toBe('LOC');
  });

  it('codes office holders for the article date', () => {
    expect(entity('Donald Trump').links.cameo).toBe('USAGOV');
    expect(entity('Vladimir Putin').links.cameo).toBe('RUSGOV');
  });
});

describe('capitals: state when acting, place when a place', () => {
  it.each([
    ['Moscow said on Monday it would respond.', 'Moscow', 'GPE'],
    ['Officials in Moscow said on Monday it would respond.', 'Moscow', 'LOC'],
    ['Kim flew to Beijing for talks.', 'Beijing', 'LOC'],
    ['Washington and Beijing agreed to resume talks.', 'Beijing', 'GPE'],
  ])('%s', (text, mention, type) => {
    expect(typeOf(entitiesOf(text), mention)).toBe(type);
  });
});

describe('bad input', () => {
  it('skips a non-English article with a message', () => {
    const out = pipeline.run(createArticle('Le président Emmanuel Macron a déclaré que la France soutient l’Ukraine.', { ...EMPTY_META, language: 'fr' }));
    expect(out.layers.entities).toEqual([]);
    expect(out.layers.messages).toContainEqual(expect.objectContaining({ source: 'entities', rule: 'not-english' }));
  });

  it.each([
    ['no letters', '123 456 -- 789 !!! ... 2025'],
    ['a very long token', `Token ${'x'.repeat(5000)} here.`],
    ['symbols', '$$$ %%% ### @@@ ^^^'],
  ])('finds nothing in %s and does not throw', (_name, text) => {
    expect(entitiesOf(text)).toEqual([]);
  });

  it('reads all-caps wire copy without inventing names from every word', () => {
    const entities = entitiesOf('NORTH KOREA TO BOOST NUCLEAR ARSENAL, CONVENTIONAL MILITARY: STATE MEDIA\n\nSEOUL (AFP) - NORTH KOREA SAID ON SATURDAY IT WOULD EXPAND ITS ARSENAL.');
    expect(entities.find((e) => e.name === 'North Korea')?.type).toBe('GPE');
    expect(entities.flatMap((e) => e.mentions.map((m) => m.text))).not.toContain('BOOST');
    expect(entities.length).toBeLessThan(6);
  });
});

describe('one entity per thing in a document', () => {
  it('keeps a title outside a president\'s name and resolves his surname to it; American is the United States', () => {
    const entities = entitiesOf('Markets fell on Monday.\n\nPresident George W. Bush said the plan would work. Later Bush told American workers that the plan would work.');
    const bush = entities.filter((e) => e.mentions.some((m) => m.text.includes('Bush')));
    expect(bush).toHaveLength(1);
    expect(bush[0]).toMatchObject({ type: 'PERSON', name: 'George W. Bush' });
    expect(bush[0]!.mentions.map((m) => m.text)).toEqual(['George W. Bush', 'Bush']);
    expect(entities.some((e) => e.name === 'George W' || e.name.startsWith('President'))).toBe(false);
    expect(entities.find((e) => e.name === 'American')?.links.country).toBe('USA');
  });

  it('takes a chief executive out of the company name the recogniser ran them into', () => {
    const entities = entitiesOf('Apple Computer CEO Steve Jobs said the new phone would sell well. Shares of Apple rose. Apple Computer said sales rose.');
    const jobs = entities.find((e) => e.name === 'Steve Jobs');
    expect(jobs?.type).toBe('PERSON');
    const apple = entities.find((e) => e.mentions.some((m) => m.text === 'Apple Computer'));
    expect(apple?.type).toBe('ORG');
    expect(apple?.mentions.map((m) => m.text)).toContain('Apple');
  });
});
