import { expect, it } from 'vitest';
import { gazetteerTagger } from './gazetteer.js';

/** The tags of each token, an untagged one (which has no array) as none. */
const tagsOf = (tags: ReadonlyArray<string[] | undefined>): string[][] => Array.from(tags, (t) => t ?? []);

it('tags every list phrase covering a token, with its position in the phrase', () => {
  const tag = gazetteerTagger({ LOC: ['north korea', 'korea'], PER: ['kim jong un'] });
  expect(tagsOf(tag(['Kim', 'Jong', 'Un', 'left', 'North', 'Korea']))).toEqual([['PER-B'], ['PER-I'], ['PER-L'], [], ['LOC-B'], ['LOC-L', 'LOC-U']]);
});

it('does not start a phrase at a lower-case word', () => {
  const tag = gazetteerTagger({ LOC: ['turkey'] });
  expect(tagsOf(tag(['roast', 'turkey', 'in', 'Turkey']))).toEqual([[], [], [], ['LOC-U']]);
});
