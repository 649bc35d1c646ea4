import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import { EMPTY_META } from '../../article/meta.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { segmentStage } from '../segment/stage.js';
import { timeStage } from './stage.js';

const pipeline = createPipeline([segmentStage, timeStage]);

// Note: numbers that are not times. Each input must yield no timex at all.
const NOTHING = [
  'The army sent 2019 troops to the border.',
  'Boeing grounded the 737 Max fleet.',
  'The painting sold for $2025 at auction.',
  'Pilots flew the F-35 over the base.',
  'Arsenal won the match 3-1 against Chelsea.',
  'May I ask you a question?',
  'He tried for a second time and failed.',
  'The 6-year-old boy was found safe.',
  'Three-quarters of voters backed the plan.',
  'A quarter of the budget goes to defence.',
  'The Communist Party daily Granma printed the speech.',
  'She won 52 percent of the 1,990 votes cast.',
  'The current account deficit widened.',
  'Call 555-1234 for information.',
  'The index shed 47.3 points to close at 2082.1.',
  'Baker said on ABC News\' "This Week" that the request gave pause.',
  'Gonzalez said on CBS\'s "60 Minutes" that he would go.',
  'He showed a picture from the film "High Noon" to the crowd.',
];

describe('time negative cases: numbers that are not times', () => {
  it.each(NOTHING)('%s', (text) => {
    const found = pipeline.run(createArticle(text, { ...EMPTY_META, published: '2025-09-13', language: 'en' })).layers.timexes;
    expect(found).toEqual([]);
  });
});
