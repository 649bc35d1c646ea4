import { describe, expect, it } from 'vitest';
import { defaultResources } from '../../../pipeline/resources.js';
import { tagPos, tagPosPlain } from './model.js';

const model = defaultResources().posTagger();

describe('the part-of-speech tagger', () => {
  it('tags a news sentence with Penn Treebank tags', () => {
    const words = ['Russia', 'and', 'Pyongyang', 'signed', 'a', 'mutual', 'defence', 'pact', 'last', 'year', '.'];
    const tags = tagPos(model, { words });
    expect(tags).toEqual(['NNP', 'CC', 'NNP', 'VBD', 'DT', 'JJ', 'NN', 'NN', 'JJ', 'NN', '.']);
  });

  it('tags the same from its caches as from summing every feature', () => {
    for (const sentence of ['Russia will send troops to the border , officials said .', 'The Philippines and France agree that disputes should be resolved .', 'STOCKS FELL ; Kim Jong-un visited a missile factory in 2019 .']) {
      const words = sentence.split(' ');
      expect(tagPos(model, { words })).toEqual(tagPosPlain(model, { words }));
    }
  });
});
