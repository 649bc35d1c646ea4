import { describe, expect, it } from 'vitest';
import { claimKey, contentWords, datesClose, nearlySameContent, sideKey, speakerKey } from './fact-match.js';

const words = contentWords;

describe('matching quotes of one story', () => {
  it('reads content as words, without case, accents, punctuation or quote marks', () => {
    expect(words('\u201cWe will NOT bow,\u201d  to Café-terror.')).toEqual(['we', 'will', 'not', 'bow', 'to', 'cafe', 'terror']);
  });

  it('takes the same words, a typo, and a clause cut at the end as nearly the same', () => {
    const quote = words('We will rebuild every house they destroy, and we will not bow to terror');
    expect(nearlySameContent(quote, words('"We will rebuild every house they destroy, and we will not bow to terror,"'))).toBe(true);
    expect(nearlySameContent(quote, words('We will rebuild every home they destroy, and we will not bow to terror'))).toBe(true);
    expect(nearlySameContent(quote, words('We will rebuild every house they destroy'))).toBe(true);
  });

  it('keeps apart another quote, and a fragment much shorter than the quote', () => {
    const quote = words('We will rebuild every house they destroy, and we will not bow to terror');
    expect(nearlySameContent(quote, words('Every Patriot battery we receive saves a city from darkness'))).toBe(false);
    expect(nearlySameContent(quote, words('we will not'))).toBe(false);
    expect(nearlySameContent([], quote)).toBe(false);
    expect(nearlySameContent([], [])).toBe(true);
  });

  it('keys a speaker by entity, else by normalised name, else as nobody named', () => {
    expect(speakerKey(12, 'Zelenskyy')).toBe('e:12');
    expect(speakerKey(null, 'The Port Authority')).toBe(speakerKey(null, 'port authority'));
    expect(speakerKey(null, null)).toBe('-');
  });
});

describe('matching events of one story', () => {
  it('takes dates as close when unknown, one inside the other, or at most two days apart', () => {
    expect(datesClose(null, '2025-10-06')).toBe(true);
    expect(datesClose('2025-10', '2025-10-06')).toBe(true);
    expect(datesClose('2025-10-06', '2025-10-08')).toBe(true);
    expect(datesClose('2025-10-31', '2025-11-01')).toBe(true);
    expect(datesClose('2025-10-06', '2025-10-09')).toBe(false);
    expect(datesClose('2025-10', '2025-11')).toBe(false);
  });

  it('keys a side by its entities (else codes), in any order', () => {
    expect(sideKey([{ entity: 3, code: 'RUS' }, { entity: 1, code: 'UKR' }])).toBe(sideKey([{ entity: 1, code: 'UKR' }, { entity: 3, code: 'RUSMIL' }]));
    expect(sideKey([{ entity: null, code: 'RUSMIL' }])).not.toBe(sideKey([{ entity: null, code: 'UKRMIL' }]));
  });

  it('gives the same claim key for the same parts only', () => {
    expect(claimKey('quote', 'e:1', 'we will')).toBe(claimKey('quote', 'e:1', 'we will'));
    expect(claimKey('quote', 'e:1', 'we will')).not.toBe(claimKey('quote', 'e:1w', 'e will'));
  });
});
