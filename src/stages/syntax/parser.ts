import { configurationFeatures, hashText, MAX_FEATURES, parserSentence } from './features.js';
import { Configuration, LEFT, MOVES, RIGHT, SHIFT } from './transitions.js';

/**
 * A loaded parser. Each feature key has three move weights (SHIFT, LEFT, RIGHT), kept dense, and a few
 * relation weights, kept sparse: relations are scored only when a move adds an arc.
 */
export interface ParserModel {
  readonly relations: readonly string[];
  /** The hash of each relation's name, for the features that read a child's relation. */
  readonly relationHashes: Uint32Array;
  /** The feature index of a key, or -1. */
  indexOf(key: number): number;
  /** Move weights, three per feature. */
  readonly moves: Float32Array;
  /** Where each feature's relation weights start in `relationIds` and `relationWeights` (one more entry than features). */
  readonly relationStarts: Uint32Array;
  readonly relationIds: Uint8Array;
  readonly relationWeights: Float32Array;
}

/** A parse: each word's head (0-based, -1 for the root's dependent) and relation. */
export interface Parse {
  readonly heads: number[];
  readonly relations: string[];
}

/**
 * Builds a model from dense weight rows (a file's or a trainer's): the first three entries of a row weigh the
 * moves, the rest the relations.
 */
export function parserModel(relations: readonly string[], rows: Iterable<readonly [number, ArrayLike<number>]>): ParserModel {
  const list = [...rows];
  const keys = new Uint32Array(list.length);
  const moves = new Float32Array(list.length * MOVES.length);
  const starts = new Uint32Array(list.length + 1);
  let pairs = 0;
  for (const [, row] of list) for (let k = MOVES.length; k < MOVES.length + relations.length; k++) if (row[k] !== 0) pairs++;
  const ids = new Uint8Array(pairs);
  const values = new Float32Array(pairs);
  let p = 0;
  list.forEach(([key, row], i) => {
    keys[i] = key;
    moves[i * 3] = row[SHIFT]!;
    moves[i * 3 + 1] = row[LEFT]!;
    moves[i * 3 + 2] = row[RIGHT]!;
    for (let k = 0; k < relations.length; k++) {
      const v = row[MOVES.length + k]!;
      if (v !== 0) {
        ids[p] = k;
        values[p++] = v;
      }
    }
    starts[i + 1] = p;
  });
  let size = 1;
  while (size < keys.length * 2) size <<= 1;
  const mask = size - 1;
  const slotKeys = new Uint32Array(size);
  const slots = new Int32Array(size).fill(-1);
  keys.forEach((key, i) => {
    let h = key & mask;
    while (slots[h] !== -1) h = (h + 1) & mask;
    slots[h] = i;
    slotKeys[h] = key;
  });
  return {
    relations,
    relationHashes: Uint32Array.from(relations.map(hashText)),
    indexOf(key) {
      for (let h = key & mask; ; h = (h + 1) & mask) {
        const i = slots[h]!;
        if (i === -1 || slotKeys[h] === key >>> 0) return i;
      }
    },
    moves,
    relationStarts: starts,
    relationIds: ids,
    relationWeights: values,
  };
}

/**
 * Parses a sentence greedily: the best legal move at each step, and the best relation for each arc.
 * @param words - the sentence's words as written
 * @param tags - their Penn Treebank tags
 */
export function parse(model: ParserModel, words: readonly string[], tags: readonly string[]): Parse {
  const s = parserSentence(words, tags);
  const c = new Configuration(words.length);
  const keys = new Uint32Array(MAX_FEATURES);
  const found = new Int32Array(MAX_FEATURES);
  const relationScores = new Float64Array(model.relations.length);
  const { moves, relationStarts, relationIds, relationWeights } = model;
  while (!c.done) {
    const n = configurationFeatures(c, s, model.relationHashes, keys);
    let m = 0;
    let shift = 0;
    let left = 0;
    let right = 0;
    for (let k = 0; k < n; k++) {
      const i = model.indexOf(keys[k]!);
      if (i < 0) continue;
      found[m++] = i;
      shift += moves[i * 3]!;
      left += moves[i * 3 + 1]!;
      right += moves[i * 3 + 2]!;
    }
    // Note: RIGHT is always legal until the tree is done; SHIFT and LEFT need a buffer (and LEFT a word on the stack).
    let move = RIGHT;
    let best = c.legal(RIGHT) ? right : -Infinity;
    if (c.legal(LEFT) && left > best) {
      move = LEFT;
      best = left;
    }
    if (c.legal(SHIFT) && (shift > best || best === -Infinity)) move = SHIFT;
    let relation = -1;
    if (move !== SHIFT) {
      relationScores.fill(0);
      for (let k = 0; k < m; k++) {
        const i = found[k]!;
        for (let p = relationStarts[i]!; p < relationStarts[i + 1]!; p++) relationScores[relationIds[p]!]! += relationWeights[p]!;
      }
      relation = 0;
      for (let r = 1; r < relationScores.length; r++) if (relationScores[r]! > relationScores[relation]!) relation = r;
    }
    c.apply(move, relation);
  }
  return {
    heads: Array.from({ length: words.length }, (_, i) => c.heads[i + 1]! - 1),
    relations: Array.from({ length: words.length }, (_, i) => model.relations[c.relations[i + 1]!] ?? 'dep'),
  };
}
