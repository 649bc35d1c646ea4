import { describe, expect, it } from 'vitest';
import { createArticle } from '../article/article.js';
import { EMPTY_META } from '../article/meta.js';
import { toWiregraph } from '../output/wiregraph1.js';
import { createPipeline } from './pipeline.js';
import type { Stage } from './stage.js';

const sentences: Stage = { name: 'segment', requires: [], assigns: ['sentences'], run: (a) => ({ layers: { sentences: [{ start: 0, end: a.text.length }] } }) };
const spin = (ms: number): Stage => ({
  name: 'spin',
  requires: ['sentences'],
  assigns: ['timexes'],
  run: () => {
    const until = performance.now() + ms;
    while (performance.now() < until) { /* a stage that takes too long */ }
    return { layers: { timexes: [] } };
  },
});
const quotes: Stage = { name: 'quotes', requires: ['sentences'], assigns: ['quotes'], run: () => ({ layers: { quotes: [] } }) };

describe('the per-article budget', () => {
  it('stops after a stage that ran past the time budget: the layers so far are kept, the rest output empty, a message says so', () => {
    const pipeline = createPipeline([sentences, spin(60), quotes], undefined, { maxChars: 1000, maxMs: 20 });
    const out = pipeline.run(createArticle('A short text.', EMPTY_META));
    expect(out.layers.sentences).toEqual([{ start: 0, end: 13 }]);
    expect(out.layers.timexes).toEqual([]);
    expect(out.layers.quotes).toBeUndefined();
    const [message] = out.layers.messages!;
    expect(message).toMatchObject({ source: 'pipeline', rule: 'budget-time', start: 0, end: 13 });
    expect(message!.text).toContain('quotes');
    expect(toWiregraph(out, { id: null, tokens: false }).quotes).toEqual([]);
  });

  it('runs no stage on a text over the size budget, and points at where the budget ends', () => {
    const pipeline = createPipeline([sentences, quotes], undefined, { maxChars: 10, maxMs: 60_000 });
    const out = pipeline.run(createArticle('A text longer than ten characters.', EMPTY_META));
    expect(out.layers.sentences).toBeUndefined();
    expect(out.layers.messages).toEqual([expect.objectContaining({ source: 'pipeline', rule: 'budget-size', start: 10, end: 34 })]);
  });

  it('never starts the size message inside a surrogate pair', () => {
    const pipeline = createPipeline([sentences], undefined, { maxChars: 5, maxMs: 60_000 });
    const out = pipeline.run(createArticle('abcd😀 and more text', EMPTY_META));
    expect(out.layers.messages![0]!.start).toBe(4);
  });

  it('runs every stage within the budget, with no message', () => {
    const out = createPipeline([sentences, spin(1), quotes], undefined, { maxChars: 1000, maxMs: 5_000 }).run(createArticle('A short text.', EMPTY_META));
    expect(out.layers.quotes).toEqual([]);
    expect(out.layers.messages).toEqual([]);
  });
});
