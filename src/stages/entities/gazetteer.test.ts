import { expect, it } from 'vitest';
import { gazetteerTagger } from './gazetteer.js';

it('tags every list phrase covering a token, with its position in the phrase', () => {
  const tag = gazetteerTagger({ LOC: ['north korea', 'korea'], PER: ['kim jong un'] });
  expect(tag(['Kim', 'Jong', 'Un', 'left', 'North', 'Korea'])).toEqual([['PER-B'], ['PER-I'], ['PER-L'], [], ['LOC-B'], ['LOC-L', 'LOC-U']]);
});

it('does not start a phrase at a lower-case word', () => {
  const tag = gazetteerTagger({ LOC: ['turkey'] });
  expect(tag(['roast', 'turkey', 'in', 'Turkey'])).toEqual([[], [], [], ['LOC-U']]);
});
