import { describe, expect, it } from 'vitest';
import { cameoOn } from './kb.js';
import type { KbPerson } from './kb-types.js';

const trump: KbPerson = {
  name: 'Donald Trump', qid: 'Q22686', country: 'USA', names: ['Donald Trump'],
  codes: [{ code: 'USAGOV', from: '2017-01-20', to: '2021-01-20' }, { code: 'USAGOV', from: '2025-01-20', to: null }],
};

describe('an office holder is coded for the article date', () => {
  it.each([
    ['2019-06-30', 'USAGOV'],
    ['2022-03-01', 'USAELI'],
    ['2025-09-13T08:28', 'USAGOV'],
    ['2016-12-31', 'USAELI'],
  ])('on %s Trump is %s', (date, code) => {
    expect(cameoOn(trump, date)).toBe(code);
  });

  it('takes the open-ended code when the article has no date', () => {
    expect(cameoOn(trump, null)).toBe('USAGOV');
  });
});
