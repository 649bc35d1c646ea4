import { describe, expect, it } from 'vitest';
import { encodeWeights } from '../../pipeline/weights.js';
import { configurationFeatures, MAX_FEATURES, parserSentence } from './features.js';
import { decodeParserModel, encodeParserModel, PARSER_FORMAT } from './model-file.js';
import { parse, weightsOf } from './parser.js';
import { Configuration, SHIFT } from './transitions.js';

const relations = ['nsubj', 'obj', 'root'];

/** A tiny model: the first feature of the opening configuration of "Russia sent troops" weighs SHIFT, and one relation. */
function tinySource(): Parameters<typeof encodeParserModel>[0] {
  const keys = new Uint32Array(MAX_FEATURES);
  configurationFeatures(new Configuration(3), parserSentence(['Russia', 'sent', 'troops'], ['NNP', 'VBD', 'NNS']), new Uint32Array(relations.length), keys);
  return { generatedBy: 'test', relations, scale: 0.5, features: { [keys[0]!.toString(36)]: [SHIFT, 40, 3 + 2, 10], zz: [1, -7] } };
}

describe('the parser model file', () => {
  it('round-trips weights: moves dense, relations sparse, keys found again', () => {
    const model = decodeParserModel(encodeParserModel(tinySource()), 'tiny.weights');
    expect(model.relations).toEqual(relations);
    const keys = new Uint32Array(MAX_FEATURES);
    const n = configurationFeatures(new Configuration(3), parserSentence(['Russia', 'sent', 'troops'], ['NNP', 'VBD', 'NNS']), model.relationHashes, keys);
    expect(n).toBeGreaterThan(40);
    expect(weightsOf(model, keys[0]!)).toEqual({ moves: [20, 0, 0], relations: { root: 5 } });
    expect(weightsOf(model, Number.parseInt('zz', 36))).toEqual({ moves: [0, -3.5, 0], relations: {} });
    expect(weightsOf(model, keys[1]!)).toBeNull();
  });

  it('parses with any model into a tree: one head per word, every word reaching the root', () => {
    const model = decodeParserModel(encodeParserModel(tinySource()), 'tiny.weights');
    const tree = parse(model, ['Russia', 'sent', 'troops', '.'], ['NNP', 'VBD', 'NNS', '.']);
    expect(tree.heads).toHaveLength(4);
    for (let i = 0; i < 4; i++) {
      let k = i;
      for (let steps = 0; k !== -1; steps++) {
        expect(steps).toBeLessThan(5);
        k = tree.heads[k]!;
      }
    }
  });

  it('refuses another model and another layout version with WG_MODEL_FORMAT', () => {
    const other = encodeWeights({ format: 'wiregraph-pos/2', generatedBy: 'test', labels: ['NN'], scale: 1, precision: 64, extra: {}, weights: { b: [0, 1] } });
    expect(() => decodeParserModel(other, 'pos.weights')).toThrow(expect.objectContaining({ code: 'WG_MODEL_FORMAT', message: expect.stringContaining(PARSER_FORMAT) }));
    const bytes = Buffer.from(encodeParserModel(tinySource()));
    bytes.writeUInt32LE(99, 8);
    expect(() => decodeParserModel(bytes, 'parser.weights')).toThrow(expect.objectContaining({ code: 'WG_MODEL_FORMAT', message: expect.stringContaining('version 99') }));
    const movesLast = encodeWeights({ format: PARSER_FORMAT, generatedBy: 'test', labels: ['nsubj', 'SHIFT', 'LEFT', 'RIGHT'], scale: 1, precision: 32, extra: {}, weights: {} });
    expect(() => decodeParserModel(movesLast, 'parser.weights')).toThrow(expect.objectContaining({ code: 'WG_MODEL_FORMAT' }));
  });
});
