import { describe, expect, it } from 'vitest';
import { encodeWeights } from '../../pipeline/weights.js';
import { arcFeatures, configurationFeatures, MAX_ARC_FEATURES, MAX_FEATURES, parserSentence } from './features.js';
import { encodeTables } from '../../pipeline/tables-file.js';
import { decodeParserModel, encodeParserModel, PARSER_FORMAT } from './model-file.js';
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

  it('refuses another model, another layout version, the weights-file parser of /2 and damaged tables with WG_MODEL_FORMAT', () => {
    const refuses = (bytes: Uint8Array, message: string): void => {
      expect(() => decodeParserModel(bytes, 'parser.tables')).toThrow(expect.objectContaining({ code: 'WG_MODEL_FORMAT', message: expect.stringContaining(message) }));
    };
    refuses(encodeWeights({ format: 'wiregraph-parser/2', generatedBy: 'test', labels: ['LEFT-SHIFT', 'RIGHT-SHIFT', 'nsubj'], scale: 1, precision: 32, extra: {}, weights: {} }), PARSER_FORMAT);
    refuses(encodeTables({ format: 'wiregraph-pos/2', generatedBy: 'test', fields: {} }, {}), 'expected wiregraph-parser/3');
    const good = Buffer.from(encodeParserModel(tinySource()));
    const later = Buffer.from(good);
    later.writeUInt32LE(99, 8);
    refuses(later, 'version 99');
    refuses(good.subarray(0, good.length - 8), 'truncated');
    const model = decodeParserModel(good, 'parser.tables');
    const fields = { relations, moveMask: model.moveMask, arcMask: model.arcMask, moveScale: 1, relationScale: 1 };
    const tables = { moveSlots: model.moveSlots, moveFilter: model.moveFilter, arcSlots: model.arcSlots, arcFilter: model.arcFilter, arcPairs: model.arcPairs };
    refuses(encodeTables({ format: PARSER_FORMAT, generatedBy: 'test', fields: { ...fields, moveMask: model.moveMask * 2 + 1 } }, tables), 'move table');
    refuses(encodeTables({ format: PARSER_FORMAT, generatedBy: 'test', fields }, { ...tables, arcFilter: new Int32Array(3) }), 'filters');
    const { arcPairs: _dropped, ...withoutPairs } = tables;
    refuses(encodeTables({ format: PARSER_FORMAT, generatedBy: 'test', fields }, withoutPairs), 'no arcPairs table');
  });

  it('reads its tables in place: the same arrays the model was built with, no copy', () => {
    const bytes = encodeParserModel(tinySource());
    const model = decodeParserModel(bytes, 'parser.tables');
    expect(model.moveSlots.buffer).toBe(bytes.buffer);
    expect(decodeParserModel(bytes, 'again').moveSlots).toEqual(model.moveSlots);
  });
});
