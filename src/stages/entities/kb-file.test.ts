import { describe, expect, it } from 'vitest';
import { codeOf } from '../../test-support/errors.js';
import { decodeKbFile, encodeKbFile, readKbFile } from './kb-file.js';
import type { KbFile, KbPerson } from './kb-types.js';

const person = (i: number): KbPerson => ({ name: `Person Number${i}`, qid: `Q${i}`, country: i % 2 ? 'FRA' : null, names: [`Person Number${i}`, `P${i}`], codes: [] });
const kb: KbFile = {
  format: 'wiregraph-kb/1',
  generatedBy: 'a test',
  countries: [{ iso3: 'FRA', name: 'France', qid: 'Q142', names: ['France'], demonyms: ['French'], capital: null }],
  people: [...Array.from({ length: 300 }, (_, i) => person(i)), { ...person(7), qid: 'Q-later' }],
  orgs: [],
  cities: [],
  gazetteer: { LOC: ['france'] },
};

describe('the knowledge-base file', () => {
  const bytes = encodeKbFile(kb);

  it('gives back every entry in order', () => {
    expect(readKbFile(bytes)).toEqual(kb);
  });

  it('finds people by normalised full name, the first of a name winning, single words not being keys', () => {
    const { people } = decodeKbFile(bytes, 'kb.bin');
    expect(people.get('person number299')?.qid).toBe('Q299');
    expect(people.get('person number7')?.qid).toBe('Q7');
    expect(people.has('p7')).toBe(false);
    expect(people.size).toBe(301);
  });

  it('refuses another file, another layout and a truncated one with WG_MODEL_FORMAT', () => {
    expect(codeOf(() => decodeKbFile(Buffer.from('{"format":"wiregraph-kb/1"}'), 'kb.bin'))).toBe('WG_MODEL_FORMAT');
    const other = Buffer.from(bytes);
    other.writeUInt32LE(9, 8);
    expect(codeOf(() => decodeKbFile(other, 'kb.bin'))).toBe('WG_MODEL_FORMAT');
    const { people } = decodeKbFile(bytes.subarray(0, bytes.length - 50), 'kb.bin');
    expect(codeOf(() => people.get('person number299'))).toBe('WG_MODEL_FORMAT');
  });
});
