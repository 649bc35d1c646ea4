import { featureNamesWithPrefix, hashRange } from './weights.js';

/**
 * Which words stand on each side of a model's word-pair features (`w-1w=left|right`), kept as two bit sets of
 * word hashes: a token's pair is looked up only when its left word is a left side and its right word a right
 * side of some pair. A hash collision only costs a lookup that finds nothing, so predictions do not change.
 * Note: sets of the words themselves held 50,000 strings; the bit sets are 16 KiB each and no string survives.
 */
export interface PairSides {
  /** The hash {@link PairSides.left} and {@link PairSides.right} take; a word's, computed once. */
  hash(word: string): number;
  left(hash: number): boolean;
  right(hash: number): boolean;
}

const BITS = 1 << 17;

/**
 * Reads the sides of the pair features named `prefix + left + separator + right`.
 * @param weights - a model's weights (a file's table or a plain map)
 */
export function pairSides(weights: ReadonlyMap<string, unknown>, prefix: string, separator = '|'): PairSides {
  const left = new Uint32Array(BITS / 32);
  const right = new Uint32Array(BITS / 32);
  const set = (bits: Uint32Array, h: number): void => {
    bits[h >>> 5]! |= 1 << (h & 31);
  };
  for (const name of featureNamesWithPrefix(weights, prefix)) {
    const bar = name.indexOf(separator, prefix.length);
    if (bar < 0) continue;
    set(left, wordHash(name, prefix.length, bar));
    set(right, wordHash(name, bar + separator.length, name.length));
  }
  const has = (bits: Uint32Array, h: number): boolean => (bits[h >>> 5]! & (1 << (h & 31))) !== 0;
  return {
    hash: (word) => wordHash(word, 0, word.length),
    left: (h) => has(left, h),
    right: (h) => has(right, h),
  };
}

function wordHash(text: string, from: number, to: number): number {
  return hashRange(text, from, to) & (BITS - 1);
}
