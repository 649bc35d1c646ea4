import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import { EMPTY_META } from '../../article/meta.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { segmentStage } from '../segment/stage.js';
import { entitiesStage } from './stage.js';

const pipeline = createPipeline([segmentStage, entitiesStage as never]);

// Note: each input must yield no entity at all: common words, numbers and lower-case text only.
const NOTHING = [
  'The quick brown fox jumps over the lazy dog.',
  'It rained on Monday and the streets were wet.',
  'He said they would meet again next week.',
  '2019 troops were sent, costing $2025 million.',
  'Prices rose 3.5 percent in the third quarter.',
  'the president spoke to the minister about the budget.',
  'They met in the morning and left at noon.',
];

describe('entity negative cases: nothing to find', () => {
  it.each(NOTHING)('%s', (text) => {
    expect(pipeline.run(createArticle(text, { ...EMPTY_META, language: 'en' })).layers.entities).toEqual([]);
  });
});
