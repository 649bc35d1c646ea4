import { describe, expect, it } from 'vitest';
import { encodeWeights } from '../../pipeline/weights.js';
import { arcFeatures, configurationFeatures, MAX_ARC_FEATURES, MAX_FEATURES, parserSentence } from './features.js';
import { decodeParserModel, encodeParserModel, MOVE_LABELS, PARSER_FORMAT } from './model-file.js';
import { parse, weightsOf } from './parser.js';
import { Configuration, LEFT, SHIFT } from './transitions.js';

const relations = ['nsubj', 'obj', 'root'];
const sentence = parserSentence(['Russia', 'sent', 'troops'], ['NNP', 'VBD', 'NNS']);

/** The keys of "Russia sent troops" once "Russia" is shifted, and of the arc LEFT makes then. */
function openingKeys(): { move: Uint32Array; arc: Uint32Array } {
  const move = new Uint32Array(MAX_FEATURES);
  const c = new Configuration(3);
  c.apply(SHIFT);
  configurationFeatures(c, sentence, new Uint32Array(relations.length), move);
  const arc = new Uint32Array(MAX_ARC_FEATURES);
  arcFeatures(c, sentence, new Uint32Array(relations.length), LEFT, arc);
  return { move, arc };
}

/** A tiny model: there, the first move feature favours LEFT over SHIFT, and the first arc feature says obj. */
function tinySource(): Parameters<typeof encodeParserModel>[0] {
  const { move, arc } = openingKeys();
  return { generatedBy: 'test', relations, moves: { [move[0]!.toString(36)]: [0, 40], zz: [1, -7] }, arcs: { [arc[0]!.toString(36)]: [1, 10, 0, -4] }, moveScale: 0.5, relationScale: 0.25 };
}

describe('the parser model file', () => {
  it('round-trips weights: moves less SHIFT, relations by their own features, keys found again', () => {
    const model = decodeParserModel(encodeParserModel(tinySource()), 'tiny.weights');
    expect(model.relations).toEqual(relations);
    const { move, arc } = openingKeys();
    expect(weightsOf(model, move[0]!)).toEqual({ moves: [20, 0] });
    expect(weightsOf(model, Number.parseInt('zz', 36))).toEqual({ moves: [0, -3.5] });
    expect(weightsOf(model, arc[0]!)).toEqual({ relations: { obj: 2.5, nsubj: -1 } });
    expect(weightsOf(model, move[1]!)).toEqual({});
  });

  it('parses with the weights it reads: the favoured move, the favoured relation', () => {
    const model = decodeParserModel(encodeParserModel(tinySource()), 'tiny.weights');
    const tree = parse(model, ['Russia', 'sent', 'troops'], ['NNP', 'VBD', 'NNS']);
    expect(tree.heads[0]).toBe(1);
    expect(tree.relations[0]).toBe('obj');
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

  it('refuses another model, another layout version and the first parser format with WG_MODEL_FORMAT', () => {
    const other = encodeWeights({ format: 'wiregraph-pos/2', generatedBy: 'test', labels: ['NN'], scale: 1, precision: 64, extra: {}, weights: { b: [0, 1] } });
    expect(() => decodeParserModel(other, 'pos.weights')).toThrow(expect.objectContaining({ code: 'WG_MODEL_FORMAT', message: expect.stringContaining(PARSER_FORMAT) }));
    const bytes = Buffer.from(encodeParserModel(tinySource()));
    bytes.writeUInt32LE(99, 8);
    expect(() => decodeParserModel(bytes, 'parser.weights')).toThrow(expect.objectContaining({ code: 'WG_MODEL_FORMAT', message: expect.stringContaining('version 99') }));
    const first = encodeWeights({ format: 'wiregraph-parser/1', generatedBy: 'test', labels: ['SHIFT', 'LEFT', 'RIGHT', 'nsubj'], scale: 0.5, precision: 32, extra: {}, weights: {} });
    expect(() => decodeParserModel(first, 'parser.weights')).toThrow(expect.objectContaining({ code: 'WG_MODEL_FORMAT' }));
    const movesLast = encodeWeights({ format: PARSER_FORMAT, generatedBy: 'test', labels: ['nsubj', ...MOVE_LABELS], scale: 1, precision: 32, extra: {}, weights: {} });
    expect(() => decodeParserModel(movesLast, 'parser.weights')).toThrow(expect.objectContaining({ code: 'WG_MODEL_FORMAT' }));
  });
});
