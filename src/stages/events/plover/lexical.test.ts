import { describe, expect, it } from 'vitest';
import { lexicalFeatures } from './lexical.js';

const clusters = { size: 2, get: (w: string): string | undefined => ({ airstrikes: '0110101011110', launched: '1100' })[w] };

describe('the typer\'s bag of the sentence\'s words', () => {
  const c = {
    lower: ['israel', 'said', 'it', 'launched', 'airstrikes', 'on', 'gaza'],
    tags: ['NNP', 'VBD', 'PRP', 'VBD', 'NNS', 'IN', 'NNP'],
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
});
