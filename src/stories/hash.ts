/** 32-bit hashing of words and shingles (FNV-1a, then MurmurHash3's finaliser so that every bit is mixed). */

/** FNV-1a over the UTF-16 code units of `s`. */
export function hashWord(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: an avalanche over all bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash of `count` consecutive word hashes from `start`: order matters. */
export function hashShingle(words: Uint32Array, start: number, count: number): number {
  let h = 0x9747b28c;
  for (let i = start; i < start + count; i++) {
    h = Math.imul(h ^ words[i]!, 0x9e3779b1);
    h = (h << 13) | (h >>> 19);
  }
  return mix32(h ^ count);
}
