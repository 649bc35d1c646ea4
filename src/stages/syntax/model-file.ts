import { WiregraphError } from '../../errors.js';
import { decodeWeights, encodeWeights } from '../../pipeline/weights.js';
import { parserModel, type ParserModel } from './parser.js';
import { MOVES } from './transitions.js';

/** The parser's model format inside a weights file (`data/models/parser.weights`, written by `scripts/train-parser.ts`). */
export const PARSER_FORMAT = 'wiregraph-parser/1';

/** The parser's quantised weights as the trainer gives them. */
export interface ParserSource {
  readonly generatedBy: string;
  readonly relations: readonly string[];
  readonly scale: number;
  /**
   * Feature key (base 36) -> [label index, weight, ...]; labels are the moves, then the relations.
   * Note: features are hashed keys (src/stages/syntax/features.ts), so their names are numbers.
   */
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/** Writes the parser's weights file. */
export function encodeParserModel(source: ParserSource): Buffer {
  return encodeWeights({ format: PARSER_FORMAT, generatedBy: source.generatedBy, labels: [...MOVES, ...source.relations], scale: source.scale, precision: 32, extra: {}, weights: source.features });
}

/**
 * Reads the parser from the bytes of its weights file.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not a parser this version reads
 */
export function decodeParserModel(bytes: Uint8Array, name: string): ParserModel {
  const { header, table } = decodeWeights(bytes, PARSER_FORMAT, name);
  if (header.labels.slice(0, MOVES.length).join() !== MOVES.join()) throw new WiregraphError('WG_MODEL_FORMAT', `${name}: the parser's first labels must be its moves (${MOVES.join(', ')}); run npm run train:parser.`);
  const rows = function* (): Generator<readonly [number, ArrayLike<number>]> {
    for (let i = 0; i < table.size; i++) yield [Number.parseInt(table.nameAt(i), 36), table.row(i)];
  };
  return parserModel(header.labels.slice(MOVES.length), rows());
}
