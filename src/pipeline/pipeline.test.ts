import { describe, expect, it } from 'vitest';
import { createArticle, withLayers } from '../article/article.js';
import { EMPTY_META } from '../article/meta.js';
import { checkStages, createPipeline } from './pipeline.js';
import type { Stage } from './stage.js';
import { codeOf } from '../test-support/errors.js';

const stage = (name: string, requires: Stage['requires'], assigns: Stage['assigns'], layers: object = {}): Stage => ({
  name, requires, assigns, run: () => ({ layers }),
});


describe('checkStages', () => {
  it('refuses a stage that requires a layer no earlier stage assigns', () => {
    expect(codeOf(() => checkStages([stage('quotes', ['sentences'], ['quotes'])]))).toBe('WG_PIPELINE_INVALID');
  });

  it('refuses two stages assigning the same layer', () => {
    expect(codeOf(() => checkStages([stage('a', [], ['tokens']), stage('b', [], ['tokens'])]))).toBe('WG_PIPELINE_INVALID');
  });

  it('refuses a stage that assigns messages itself', () => {
    expect(codeOf(() => checkStages([stage('a', [], ['messages'])]))).toBe('WG_PIPELINE_INVALID');
  });

  it('accepts the default pipeline', () => {
    expect(() => createPipeline()).not.toThrow();
  });
});

describe('running a pipeline', () => {
  it('refuses a stage that returns other layers than it declared', () => {
    const pipeline = createPipeline([stage('liar', [], ['tokens'], { sentences: [] })]);
    expect(codeOf(() => pipeline.run(createArticle('Text.', EMPTY_META)))).toBe('WG_PIPELINE_INVALID');
  });

  it('loads each stage resource once, however many articles run', () => {
    let loads = 0;
    const counting: Stage<number> = { name: 'c', requires: [], assigns: ['entities'], load: () => ++loads, run: () => ({ layers: { entities: [] } }) };
    const pipeline = createPipeline([counting as Stage]);
    for (let i = 0; i < 5; i++) pipeline.run(createArticle(`Text ${i}.`, EMPTY_META));
    expect(loads).toBe(1);
  });

  it('never edits the article it was given', () => {
    const article = createArticle('One. Two.', EMPTY_META);
    const out = createPipeline().run(article);
    expect(article.layers).toEqual({});
    expect(out.layers.sentences).toHaveLength(2);
    expect(Object.isFrozen(out)).toBe(true);
  });

  it('collects stage messages into the messages layer', () => {
    const out = createPipeline().run(createArticle('"Open quote never closed.', EMPTY_META));
    expect(out.layers.messages).toMatchObject([{ source: 'segment', rule: 'unclosed-quote' }]);
  });
});

it('withLayers refuses to replace a layer', () => {
  const article = withLayers(createArticle('x', EMPTY_META), { tokens: [] });
  expect(codeOf(() => withLayers(article, { tokens: [] }))).toBe('WG_LAYER_REASSIGNED');
});
