import { describe, expect, it } from 'vitest';
import { decodeWeights, encodeWeights, featureNamesWithPrefix, featuresWithPrefix, WEIGHT_FORMAT_VERSION, type WeightSource } from './weights.js';
import { codeOf } from '../test-support/errors.js';

const source: WeightSource = {
  format: 'test-model/1',
  generatedBy: 'weights.test.ts',
  labels: ['O', 'B', 'I'],
  scale: 0.0008008761723836263,
  precision: 32,
  extra: { lowercase: ['the', 'of'] },
  weights: { 'w=Kim': [0, 120, 2, -30000], 'w-1w=of|the': [1, 7], 'w-1w=Zoë|ünï': [2, 30000], 'b': [0, -1] },
};


describe('the binary weights format', () => {
  it('round-trips: every feature comes back with the weights the JSON files gave (integer times scale)', () => {
    for (const precision of [32, 64] as const) {
      const { header, table } = decodeWeights(encodeWeights({ ...source, precision }), 'test-model/1', 'test');
      expect(header).toMatchObject({ generatedBy: 'weights.test.ts', labels: ['O', 'B', 'I'], features: 4, pairs: 5, extra: { lowercase: ['the', 'of'] } });
      expect(table.size).toBe(4);
      const make = precision === 64 ? Float64Array : Float32Array;
      for (const [name, pairs] of Object.entries(source.weights)) {
        const expected = new make(3);
        for (let k = 0; k < pairs.length; k += 2) expected[pairs[k]!] = pairs[k + 1]! * source.scale;
        expect(table.get(name)).toEqual(expected);
      }
      expect(table.get('w=kim')).toBeUndefined();
      expect([...table.keys()]).toEqual(Object.keys(source.weights));
    }
  });

  it('finds features by prefix in file order, non-ASCII names included', () => {
    const { table } = decodeWeights(encodeWeights(source), 'test-model/1', 'test');
    expect(featureNamesWithPrefix(table, 'w-1w=')).toEqual(['w-1w=of|the', 'w-1w=Zoë|ünï']);
    expect(featuresWithPrefix(table, 'w=').map(([name]) => name)).toEqual(['w=Kim']);
    expect(featureNamesWithPrefix(new Map([['w-1w=a|b', 1], ['w=a', 2]]), 'w-1w=')).toEqual(['w-1w=a|b']);
  });

  it('refuses another layout version, another model and a file that is not one, with WG_MODEL_FORMAT', () => {
    const bytes = encodeWeights(source);
    const other = Buffer.from(bytes);
    other.writeUInt32LE(WEIGHT_FORMAT_VERSION + 1, 8);
    expect(codeOf(() => decodeWeights(other, 'test-model/1', 'test'))).toBe('WG_MODEL_FORMAT');
    expect(codeOf(() => decodeWeights(bytes, 'wiregraph-ner/2', 'test'))).toBe('WG_MODEL_FORMAT');
    expect(codeOf(() => decodeWeights(Buffer.from('{"format":"wiregraph-ner/1"}'), 'test-model/1', 'test'))).toBe('WG_MODEL_FORMAT');
    expect(codeOf(() => decodeWeights(bytes.subarray(0, bytes.length - 3), 'test-model/1', 'test'))).toBe('WG_MODEL_FORMAT');
  });

  it('reads a file that does not start on a 4-byte boundary', () => {
    const bytes = encodeWeights(source);
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    expect(decodeWeights(shifted.subarray(1), 'test-model/1', 'test').table.get('b')?.[0]).toBe(Math.fround(-source.scale));
  });
});
