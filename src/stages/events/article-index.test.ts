import { describe, expect, it } from 'vitest';
import type { Entity, Quote, Timex, Token } from '../../article/layers.js';
import { ArticleIndex } from './article-index.js';

const token = (start: number, end: number, sentence: number): Token => ({ start, end, sentence }) as Token;
const mention = (start: number, end: number) => ({ start, end, text: 'x'.repeat(end - start), kind: 'name' as const });
const entity = (id: string, mentions: Array<[number, number]>): Entity => ({ id, type: 'GPE', name: id, links: { wikidata: null, country: null, cameo: null }, role: null, mentions: mentions.map(([s, e]) => mention(s, e)) });
const timex = (start: number, end: number, value: string): Timex => ({ start, end, value, text: value, type: 'DATE' }) as Timex;
const quote = (id: string, start: number, end: number, cue = { start: end + 1, end: end + 5 }): Quote => ({ id, content: { start, end, text: '' }, cue: { ...cue, text: '' } }) as Quote;

describe('ArticleIndex', () => {
  // Two sentences: tokens 0-40 and 50-90.
  const first = [token(0, 10, 0), token(11, 40, 0)];
  const second = [token(50, 60, 1), token(61, 90, 1)];
  const entities = [entity('E1', [[0, 10], [55, 60], [85, 95]]), entity('E2', [[11, 20]]), entity('E3', [[61, 70], [50, 54]])];

  it('gives each sentence the entities with mentions starting in it, each with only those mentions, in order', () => {
    const index = new ArticleIndex(entities, [], []);
    expect(index.entitiesIn(first).map((e) => [e.id, e.mentions.map((m) => m.start)])).toEqual([['E1', [0]], ['E2', [11]]]);
    // Note: a mention that starts in the sentence and runs past it (85-95) is there too, as the callers' own tests decide.
    expect(index.entitiesIn(second).map((e) => [e.id, e.mentions.map((m) => m.start)])).toEqual([['E1', [55, 85]], ['E3', [61, 50]]]);
    expect(index.entitiesIn([])).toEqual([]);
    expect(index.entitiesIn(second)[0]).toMatchObject({ id: 'E1', name: 'E1', type: 'GPE' });
  });

  it('gives the timexes within a sentence, in the layer order', () => {
    const index = new ArticleIndex([], [timex(70, 80, 'B'), timex(5, 9, 'A'), timex(55, 58, 'C'), timex(85, 95, 'D')], []);
    expect(index.timexesIn(second).map((t) => t.value)).toEqual(['B', 'C']);
    expect(index.timexesIn(first).map((t) => t.value)).toEqual(['A']);
  });

  it('names the first quote whose content holds a trigger', () => {
    const index = new ArticleIndex([], [], [quote('Q1', 40, 100), quote('Q2', 0, 60), quote('Q3', 50, 70)]);
    expect(index.quoteAround(55, 60)?.id).toBe('Q1');
    expect(index.quoteAround(10, 20)?.id).toBe('Q2');
    expect(index.quoteAround(95, 101)).toBeNull();
    expect(index.quoteCuedBy(101, 105)?.id).toBe('Q1');
    expect(index.quoteCuedBy(106, 108)).toBeNull();
  });
});
