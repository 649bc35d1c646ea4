import { describe, expect, it } from 'vitest';
import { lexicalFeatures } from './lexical.js';

const clusters = { size: 2, get: (w: string): string | undefined => ({ airstrikes: '0110101011110', launched: '1100' })[w] };

describe('the typer\'s bag of the sentence\'s words', () => {
  const c = {
    lower: ['israel', 'said', 'it', 'launched', 'airstrikes', 'on', 'gaza'],
    tags: ['NNP', 'VBD', 'PRP', 'VBD', 'NNS', 'IN', 'NNP'],
    trigger: 3,
    source: { from: 0, to: 0 },
    target: { from: 6, to: 6 },
  };

  it('reads the content words outside the source and target, by stem and word cluster', () => {
    const f = lexicalFeatures(c, clusters);
    expect(f).toEqual(['sw=say', 'sw=launch', 'swc=1100', 'sw=airstrik', 'swc=0110101011']);
    expect(f.some((x) => x.includes('israel') || x.includes('gaza'))).toBe(false);
  });

  it('gives the stems alone without clusters', () => {
    expect(lexicalFeatures(c, null)).toEqual(['sw=say', 'sw=launch', 'sw=airstrik']);
  });

  it('keeps to the trigger\'s clause: a comma opening another clause (a verb or `who` after it) ends the bag', () => {
    const parade = {
      lower: ['kim', 'flanked', 'xi', 'at', 'a', 'parade', ',', 'drawing', 'a', 'response', 'from', 'trump', ',', 'who', 'accused', 'them'],
      tags: ['NNP', 'VBD', 'NNP', 'IN', 'DT', 'NN', ',', 'VBG', 'DT', 'NN', 'IN', 'NNP', ',', 'WP', 'VBD', 'PRP'],
      trigger: 1, source: { from: 0, to: 0 }, target: { from: 2, to: 2 },
    };
    expect(lexicalFeatures(parade, null)).toEqual(['sw=flank', 'sw=parad']);
    expect(lexicalFeatures({ ...parade, trigger: 14, source: { from: 11, to: 11 }, target: { from: 15, to: 15 } }, null)).toEqual(['sw=accus']);
  });
});

describe('the bag features remembered per word', () => {
  const sentence = (): { lower: string[]; tags: string[]; trigger: number; source: null; target: null } => ({ lower: ['troops', 'launched', 'airstrikes'], tags: ['NNS', 'VBD', 'NNS'], trigger: 1, source: null, target: null });
  const other = { size: 1, get: (w: string): string | undefined => ({ airstrikes: '0001' })[w] };

  it('keeps each cluster table\'s words apart, and a word\'s tag decides whether it is in the bag', () => {
    expect(lexicalFeatures(sentence(), clusters)).toEqual(['sw=troop', 'sw=launch', 'swc=1100', 'sw=airstrik', 'swc=0110101011']);
    expect(lexicalFeatures(sentence(), other)).toEqual(['sw=troop', 'sw=launch', 'sw=airstrik', 'swc=0001']);
    expect(lexicalFeatures(sentence(), null)).toEqual(['sw=troop', 'sw=launch', 'sw=airstrik']);
    expect(lexicalFeatures({ ...sentence(), tags: ['NNS', 'VBD', 'IN'] }, null)).toEqual(['sw=troop', 'sw=launch']);
  });
});
