import { configurationFeatures, hashText, MAX_FEATURES, parserSentence } from './features.js';
import { Configuration, LEFT, MOVES, RIGHT, SHIFT } from './transitions.js';

/**
 * A loaded parser. Each feature key has three move weights (SHIFT, LEFT, RIGHT) and a few relation weights, kept
 * sparse: relations are scored only when a move adds an arc. The keys live in an open-addressing table whose
 * slots hold the key and its move weights side by side, so that a lookup reads one cache line.
 */
export interface ParserModel {
  readonly relations: readonly string[];
  /** The hash of each relation's name, for the features that read a child's relation. */
  readonly relationHashes: Uint32Array;
  /** Slot size − 1 (a power of two less one). */
  readonly mask: number;
  /** Per slot, four 32-bit words: the key (0 for an empty slot), then the SHIFT, LEFT and RIGHT weights. */
  readonly slotKeys: Uint32Array;
  readonly slotWeights: Float32Array;
  /** Per slot, the feature whose relation weights are at `relationStarts[feature]`. */
  readonly slotFeatures: Int32Array;
  /** Where each feature's relation weights start in `relationIds` and `relationWeights` (one more entry than features). */
  readonly relationStarts: Uint32Array;
  readonly relationIds: Uint8Array;
  readonly relationWeights: Float32Array;
}

/** The slot of a key, or -1. */
export function slotOf(model: ParserModel, key: number): number {
  const { mask, slotKeys } = model;
  for (let h = key & mask; ; h = (h + 1) & mask) {
    const k = slotKeys[h * 4]!;
    if (k === key) return h;
    if (k === 0) return -1;
  }
}

/** A feature's weights, for inspection: its move weights, and its relation weights by relation; null when the model lacks it. */
export function weightsOf(model: ParserModel, key: number): { moves: number[]; relations: Record<string, number> } | null {
  const h = slotOf(model, key);
  if (h < 0) return null;
  const f = model.slotFeatures[h]!;
  const relations: Record<string, number> = {};
  for (let p = model.relationStarts[f]!; p < model.relationStarts[f + 1]!; p++) relations[model.relations[model.relationIds[p]!]!] = model.relationWeights[p]!;
  return { moves: Array.from(model.slotWeights.subarray(h * 4 + 1, h * 4 + 4)), relations };
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
  let size = 1;
  while (size < list.length * 2) size <<= 1;
  const mask = size - 1;
  const buffer = new ArrayBuffer(size * 16);
  const slotKeys = new Uint32Array(buffer);
  const slotWeights = new Float32Array(buffer);
  const slotFeatures = new Int32Array(size).fill(-1);
  const starts = new Uint32Array(list.length + 1);
  let pairs = 0;
  for (const [, row] of list) for (let k = MOVES.length; k < MOVES.length + relations.length; k++) if (row[k] !== 0) pairs++;
  const ids = new Uint8Array(pairs);
  const values = new Float32Array(pairs);
  let p = 0;
  list.forEach(([key, row], i) => {
    // Note: key 0 marks an empty slot; the features never make it (see featureKey).
    let h = key & mask;
    while (slotKeys[h * 4] !== 0) h = (h + 1) & mask;
    slotKeys[h * 4] = key;
    slotWeights[h * 4 + 1] = row[SHIFT]!;
    slotWeights[h * 4 + 2] = row[LEFT]!;
    slotWeights[h * 4 + 3] = row[RIGHT]!;
    slotFeatures[h] = i;
    for (let k = 0; k < relations.length; k++) {
      const v = row[MOVES.length + k]!;
      if (v !== 0) {
        ids[p] = k;
        values[p++] = v;
      }
    }
    starts[i + 1] = p;
  });
  return { relations, relationHashes: Uint32Array.from(relations.map(hashText)), mask, slotKeys, slotWeights, slotFeatures, relationStarts: starts, relationIds: ids, relationWeights: values };
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
  const { mask, slotKeys, slotWeights, slotFeatures, relationStarts, relationIds, relationWeights } = model;
  while (!c.done) {
    const n = configurationFeatures(c, s, model.relationHashes, keys);
    let m = 0;
    let shift = 0;
    let left = 0;
    let right = 0;
    for (let k = 0; k < n; k++) {
      const key = keys[k]!;
      let h = key & mask;
      let stored = slotKeys[h * 4]!;
      while (stored !== key && stored !== 0) {
        h = (h + 1) & mask;
        stored = slotKeys[h * 4]!;
      }
      if (stored === 0) continue;
      found[m++] = slotFeatures[h]!;
      shift += slotWeights[h * 4 + 1]!;
      left += slotWeights[h * 4 + 2]!;
      right += slotWeights[h * 4 + 3]!;
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
