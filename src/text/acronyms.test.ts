import { describe, expect, it } from 'vitest';
import { acronymPairs, initialism } from './acronyms.js';

describe('acronyms', () => {
  it('spells the initialism of a name of three capitalised words or more', () => {
    expect(initialism('Korean Central News Agency')).toBe('KCNA');
    expect(initialism("Democratic People's Republic of Korea")).toBe('DPRK');
    expect(initialism('Apple Inc')).toBeNull();
    expect(initialism('United Nations')).toBeNull();
    expect(initialism('ministry of Defence affairs')).toBeNull();
  });

  it('finds the acronyms a text introduces, with the words they stand for', () => {
    expect(acronymPairs('said the state-run Korean Central News Agency (KCNA) on Friday')).toEqual([{ acronym: 'KCNA', expansion: 'Korean Central News Agency' }]);
    expect(acronymPairs('the North Atlantic Treaty Organization (NATO) met')).toEqual([{ acronym: 'NATO', expansion: 'North Atlantic Treaty Organization' }]);
    expect(acronymPairs('the Ministry of Defence (MoD) said')).toEqual([]);
    expect(acronymPairs('he said (AFP) that')).toEqual([]);
  });
});
