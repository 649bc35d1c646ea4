import { WiregraphError } from '../../errors.js';
import { decodeTables, encodeTables } from '../../pipeline/tables-file.js';
import { PARSER_TABLES, parserModel, parserModelFromTables, type ParserFields, type ParserModel } from './parser.js';

/**
 * The parser's model format (`data/models/parser.tables`, written by `scripts/train-parser.ts`), a tables file.
 * Note: /3 stores the lookup tables themselves (/2 stored weights, from which each run built them in 0.15 s);
 * /2 scored moves relative to SHIFT and relations with features of their own (/1 scored both from one feature set).
 */
export const PARSER_FORMAT = 'wiregraph-parser/3';

/** The parser's quantised weights as the trainer gives them. */
export interface ParserSource {
  readonly generatedBy: string;
  readonly relations: readonly string[];
  /**
   * Move feature key (base 36) -> [label, weight, ...], labels 0 (LEFT less SHIFT) and 1 (RIGHT less SHIFT).
   * Note: features are hashed keys (src/stages/syntax/features.ts), so their names are numbers.
   */
  readonly moves: Readonly<Record<string, readonly number[]>>;
  /** Relation feature key (base 36) -> [relation index, weight, ...]. */
  readonly arcs: Readonly<Record<string, readonly number[]>>;
  readonly moveScale: number;
  readonly relationScale: number;
}

/** Writes the parser's model file: the tables {@link parserModel} builds from the weights, ready to read in place. */
export function encodeParserModel(source: ParserSource): Buffer {
  const entries = <T>(record: Readonly<Record<string, T>>): Array<[number, T]> => Object.entries(record).map(([key, v]) => [Number.parseInt(key, 36), v]);
  const moves = entries(source.moves).map(([key, pairs]): [number, number, number] => {
    let left = 0;
    let right = 0;
    for (let k = 0; k < pairs.length; k += 2) {
      if (pairs[k] === 0) left = pairs[k + 1]!;
      else if (pairs[k] === 1) right = pairs[k + 1]!;
    }
    return [key, left, right];
  });
  const arcs = entries(source.arcs).map(([key, pairs]): [number, Int16Array] => {
    const row = new Int16Array(source.relations.length);
    for (let k = 0; k < pairs.length; k += 2) row[pairs[k]!] = pairs[k + 1]!;
    return [key, row];
  });
  const model = parserModel({ relations: source.relations, moves, arcs, moveScale: source.moveScale, relationScale: source.relationScale });
  const fields: ParserFields = { relations: model.relations, moveMask: model.moveMask, arcMask: model.arcMask, moveScale: model.moveScale, relationScale: model.relationScale };
  return encodeTables({ format: PARSER_FORMAT, generatedBy: source.generatedBy, fields: { ...fields } }, Object.fromEntries(PARSER_TABLES.map((t) => [t, model[t]])));
}

/**
 * Reads the parser from the bytes of its model file.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not a parser this version reads
 */
export function decodeParserModel(bytes: Uint8Array, name: string): ParserModel {
  const { header, tables } = decodeTables(bytes, PARSER_FORMAT, name);
  const model = parserModelFromTables(header.fields as unknown as ParserFields, tables);
  if (typeof model === 'string') throw new WiregraphError('WG_MODEL_FORMAT', `${name} is not a parser this version reads: ${model}; run npm run train:parser.`);
  return model;
}
