import { WiregraphError } from '../../errors.js';
import { decodeWeightParts, encodeWeights } from '../../pipeline/weights.js';
import { MAX_RELATIONS, parserModel, type ParserModel } from './parser.js';

/**
 * The parser's model format inside a weights file (`data/models/parser.weights`, written by `scripts/train-parser.ts`).
 * Note: /2 scores moves relative to SHIFT and relations with features of their own (/1 scored both from one feature set).
 */
export const PARSER_FORMAT = 'wiregraph-parser/2';

/** The file's first two labels: the move weights, each less SHIFT's; the relations follow. */
export const MOVE_LABELS = ['LEFT-SHIFT', 'RIGHT-SHIFT'] as const;

/** The prefix of a relation feature's name (a move feature's name is its key alone; `@` is no base-36 digit). */
const ARC_PREFIX = '@';

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

/** Writes the parser's weights file. */
export function encodeParserModel(source: ParserSource): Buffer {
  const weights: Record<string, readonly number[]> = { ...source.moves };
  for (const [name, pairs] of Object.entries(source.arcs)) weights[ARC_PREFIX + name] = pairs.map((v, k) => (k % 2 === 0 ? v + MOVE_LABELS.length : v));
  // Note: the table keeps the integers (scale 1); what a unit weighs is in `extra`, for inspection only.
  const extra = { moveScale: source.moveScale, relationScale: source.relationScale };
  return encodeWeights({ format: PARSER_FORMAT, generatedBy: source.generatedBy, labels: [...MOVE_LABELS, ...source.relations], scale: 1, precision: 32, extra, weights });
}

/**
 * Reads the parser from the bytes of its weights file.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not a parser this version reads
 */
export function decodeParserModel(bytes: Uint8Array, name: string): ParserModel {
  // Note: the parts, not a WeightTable: indexing 300,000 names and making their dense rows took 0.2 s of every cold start.
  const { header, parts } = decodeWeightParts(bytes, PARSER_FORMAT, name);
  if (header.labels.slice(0, MOVE_LABELS.length).join() !== MOVE_LABELS.join() || header.scale !== 1) throw new WiregraphError('WG_MODEL_FORMAT', `${name}: the parser's first labels must be ${MOVE_LABELS.join(', ')}, its weights integers; run npm run train:parser.`);
  const relations = header.labels.slice(MOVE_LABELS.length);
  if (relations.length > MAX_RELATIONS) throw new WiregraphError('WG_MODEL_FORMAT', `${name}: ${relations.length} relations, more than the ${MAX_RELATIONS} the parser keeps apart.`);
  const moves: Array<readonly [number, number, number]> = [];
  const arcs: Array<readonly [number, ArrayLike<number>]> = [];
  const { names, offsets, starts, labels, values } = parts;
  for (let i = 0; i + 1 < offsets.length; i++) {
    const feature = names.slice(offsets[i]!, offsets[i + 1]!);
    if (feature.startsWith(ARC_PREFIX)) {
      const row = new Int16Array(relations.length);
      for (let p = starts[i]!; p < starts[i + 1]!; p++) if (labels[p]! >= MOVE_LABELS.length) row[labels[p]! - MOVE_LABELS.length] = values[p]!;
      arcs.push([Number.parseInt(feature.slice(ARC_PREFIX.length), 36), row]);
      continue;
    }
    let left = 0;
    let right = 0;
    for (let p = starts[i]!; p < starts[i + 1]!; p++) {
      if (labels[p] === 0) left = values[p]!;
      else if (labels[p] === 1) right = values[p]!;
    }
    moves.push([Number.parseInt(feature, 36), left, right]);
  }
  const scaleOf = (key: string): number => (typeof header.extra[key] === 'number' ? (header.extra[key] as number) : 1);
  return parserModel({ relations, moves, arcs, moveScale: scaleOf('moveScale'), relationScale: scaleOf('relationScale') });
}
