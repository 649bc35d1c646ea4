/**
 * Fingerprints: a bottom-k sketch of an article's word shingles (the k smallest shingle hashes, a uniform
 * sample of its text that two articles draw alike), and lookup keys (the shingle hashes under a fixed
 * threshold, and the opening words of each paragraph), so that two articles sharing a passage share keys
 * whatever else each of them carries.
 */
import { hashShingle, hashWord, mix32 } from './hash.js';
import { continuesInto, paragraphsOf, plainAnchors, plainOf, plainWords } from './normalise.js';
import { storyOptions, type StoryOptions } from './options.js';

/** What {@link compare} and the store need of one article. */
export interface Fingerprint {
  /** Lookup keys: two articles that may be copies share at least one key. */
  readonly keys: readonly string[];
  /** The smallest distinct shingle hashes, ascending (all of them when there are fewer than the sketch size). */
  readonly sketch: Uint32Array;
  /** How many distinct shingles the article has. */
  readonly shingles: number;
  /** One hash per paragraph, in order (of its normalised words), for paragraph-level comparisons. */
  readonly paragraphs: Uint32Array;
  /** The shingle size the sketch was made with (sketches of different sizes do not compare). */
  readonly shingle: number;
  /** The hash of the first words of each paragraph long enough: lookup keys that a short cut copy keeps. */
  readonly openings: Uint32Array;
  /**
   * The smallest distinct hashes of the text's anchors (numbers and names, {@link anchorsOf}; {@link anchorHash}
   * makes a number's even and a name's odd), ascending: a uniform sample of them, all when there are fewer than
   * the anchor sketch size. Null in a fingerprint stored
   * before anchors were kept (format 2); {@link compare} then decides on shingles alone.
   */
  readonly anchors: Uint32Array | null;
  /** How many distinct anchors the text has (0 when `anchors` is null). */
  readonly anchorCount: number;
}

/** Words of a paragraph's opening key; shorter paragraphs have none. */
export const OPENING_WORDS = 8;

/** The key string of a sampled shingle hash. */
export function keyOf(hash: number): string {
  return hash.toString(36);
}

/** The key string of a paragraph opening's hash (`p` and base 36, apart from the shingle keys). */
export function openingKey(hash: number): string {
  return `p${hash.toString(36)}`;
}

/**
 * The fingerprint of an article's text (its body; a headline given with it only adds a few shingles).
 * @param text - plain text, paragraphs separated by blank lines or line ends
 */
export function fingerprint(text: string, options: Partial<StoryOptions> = {}): Fingerprint {
  const o = storyOptions(options);
  const paragraphs = paragraphsOf(text);
  const paragraphHashes = new Uint32Array(paragraphs.length);
  const openings: number[] = [];
  const wordHashes: number[] = [];
  const anchorHashes = new Set<number>();
  paragraphs.forEach((p, i) => {
    const plain = plainOf(p);
    const words = plainWords(plain);
    for (const a of plainAnchors(plain, i > 0 && continuesInto(paragraphs[i - 1]!), words)) anchorHashes.add(anchorHash(a));
    const from = wordHashes.length;
    for (const w of words) wordHashes.push(hashWord(w));
    const own = Uint32Array.from(wordHashes.slice(from));
    paragraphHashes[i] = hashShingle(own, 0, own.length);
    if (own.length >= OPENING_WORDS) openings.push(hashShingle(own, 0, OPENING_WORDS));
  });
  const distinct = distinctShingles(Uint32Array.from(wordHashes), o.shingle);
  const sketch = distinct.slice(0, o.sketch);
  const openingHashes = Uint32Array.from(new Set(openings));
  const keys = [...keysOf(distinct, o), ...Array.from(openingHashes, openingKey)];
  const anchors = Uint32Array.from(anchorHashes).sort();
  return { keys, sketch, shingles: distinct.length, paragraphs: paragraphHashes, shingle: o.shingle, openings: openingHashes, anchors: anchors.slice(0, o.anchorSketch), anchorCount: anchors.length };
}

/** The hash of an anchor: even for a number (a figure, or a number word marked `#`), odd for a name, so that a sample tells them apart. */
export function anchorHash(anchor: string): number {
  const h = mix32(hashWord(anchor));
  return (/^#|\p{N}/u.test(anchor) ? h & ~1 : h | 1) >>> 0;
}

/** The distinct shingle hashes of a word-hash sequence, ascending; a text shorter than a shingle is one shingle. */
function distinctShingles(words: Uint32Array, size: number): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const count = Math.max(1, words.length - size + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) hashes[i] = hashShingle(words, i, Math.min(size, words.length - i));
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[n++] = hashes[i]!;
  return hashes.slice(0, n);
}

/**
 * The lookup keys: shingle hashes under 2^32 / keyRate (the same shingles are sampled in every article that
 * has them), at most maxKeys of the smallest; an article too short to have one keeps its smallest hash.
 */
function keysOf(sorted: Uint32Array, o: StoryOptions): string[] {
  const limit = 0x100000000 / o.keyRate;
  const keys: string[] = [];
  for (let i = 0; i < sorted.length && keys.length < o.maxKeys && sorted[i]! < limit; i++) keys.push(keyOf(sorted[i]!));
  if (keys.length === 0 && sorted.length > 0) keys.push(keyOf(sorted[0]!));
  return keys;
}
