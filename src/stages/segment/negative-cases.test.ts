import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import { EMPTY_META } from '../../article/meta.js';
import { segmentStage } from './stage.js';

// Note: every input here must stay ONE sentence. Each line is a place a naive splitter breaks.
const ONE_SENTENCE = [
  'Mr. Smith met Gen. Jones at noon.',
  'Mrs. Clinton and Dr. Fauci spoke.',
  'The talks began on Sept. 13 in Geneva.',
  'PARIS, Sept. 13 (AFP) -- France will act.',
  'The law took effect on Jan. 27, 2017 nationwide.',
  'The U.S. Navy said it would respond.',
  'Officials in the U.K. and the U.S. agreed.',
  'George W. Bush spoke to J. R. R. Tolkien fans.',
  'Growth slowed to 3.5 percent from 4.1 percent.',
  'Shares of Apple Inc. rose 2 percent.',
  'He lives on Baker St. in London.',
  'The vote was 7-2 at 10 a.m. on Monday.',
  '"Is it over?" he asked.',
  '"Stop!" she shouted at them.',
  'She said "no." and then left.',
  'The fund holds $1.2 billion.',
  'Prices rose 0.5 pct, the No. 2 official said.',
  'Lt. Col. Ivanov and Sgt. Lee arrived.',
  'He cited Smith et al. in the report.',
  'The report (see p. 4) was leaked.',
];

describe('segmentation negative cases: no sentence break', () => {
  it.each(ONE_SENTENCE)('%s', (text) => {
    const sentences = segmentStage.run(createArticle(text, EMPTY_META), undefined).layers.sentences ?? [];
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([text]);
  });

  it.each(['', '   ', '\n\n'])('produces no sentence and no token for blank text %j', (text) => {
    const out = segmentStage.run({ ...createArticle('x', EMPTY_META), text }, undefined);
    expect(out.layers.sentences).toEqual([]);
    expect(out.layers.tokens).toEqual([]);
  });

  it.each(["It's the farmers' market.", 'He said it was 5" long.'])('finds no quotation in apostrophes or inch marks: %s', (text) => {
    const out = segmentStage.run(createArticle(text, EMPTY_META), undefined);
    expect(out.layers.quotations?.filter((q) => q.closed)).toEqual([]);
  });
});

it('does not split inside a spaced ellipsis', () => {
  const text = 'The peace endeavors in the region . . . and beyond.';
  expect(segmentStage.run(createArticle(text, EMPTY_META), undefined).layers.sentences).toHaveLength(1);
});
