/**
 * How a newer article relates to an older one, from their sketches: the share of each one's shingles found
 * in the other (containment), estimated on the hashes both sketches know in full.
 */
import { WiregraphError } from '../errors.js';
import type { Fingerprint } from './fingerprint.js';
import { storyOptions, type StoryOptions } from './options.js';

/** `copy`: newer is mostly older's text (cut, retitled, lightly edited); `version`: newer keeps most of older and adds or rewrites a share of its own; else `different`. */
export type Relation = 'copy' | 'version' | 'different';

/** The relation with the figures it was decided on. */
export interface Comparison {
  readonly relation: Relation;
  /** Share of newer's shingles found in older. */
  readonly containment: number;
  /** Jaccard similarity of the two shingle sets. */
  readonly similarity: number;
  /** Share of older's shingles kept in newer. */
  readonly kept: number;
  /** How many of the numbers and names of one were found in the other; null when a fingerprint has no anchors stored. */
  readonly anchors: AnchorShares | null;
}

/** Anchors kept: of the side with fewer numbers (names), the share found in the other, and how many it has in the sample. */
export interface AnchorShares {
  readonly numbers: number;
  readonly numberCount: number;
  readonly names: number;
  readonly nameCount: number;
}

/** Shingle counts in the shared sample: of each side and of both. */
export interface Overlap {
  readonly newer: number;
  readonly older: number;
  readonly both: number;
}

/**
 * Counts the sketch hashes of each side under the threshold both sketches cover (the smaller of their
 * largest hashes, when a sketch is truncated), and those in both: a uniform sample of both shingle sets.
 */
export function overlap(a: Fingerprint, b: Fingerprint): Overlap {
  return sampleOverlap(a.sketch, a.shingles, b.sketch, b.shingles);
}

/**
 * {@link overlap} of two bottom-k samples, each with the count of distinct hashes it was drawn from; with
 * `parity`, of the hashes with that low bit only (a uniform sample of that kind).
 */
function sampleOverlap(x: Uint32Array, xCount: number, y: Uint32Array, yCount: number, parity?: 0 | 1): Overlap {
  const limit = Math.min(coverage(x, xCount), coverage(y, yCount));
  if (parity !== undefined) return sampleOverlap(x.filter((h) => (h & 1) === parity && h <= limit), 0, y.filter((h) => (h & 1) === parity && h <= limit), 0);
  let i = 0;
  let j = 0;
  let na = 0;
  let nb = 0;
  let both = 0;
  while (i < x.length && x[i]! <= limit && j < y.length && y[j]! <= limit) {
    if (x[i] === y[j]) { both++; na++; nb++; i++; j++; }
    else if (x[i]! < y[j]!) { na++; i++; }
    else { nb++; j++; }
  }
  while (i < x.length && x[i]! <= limit) { na++; i++; }
  while (j < y.length && y[j]! <= limit) { nb++; j++; }
  return { newer: na, older: nb, both };
}

/** The anchors both fingerprints keep, numbers and names apart; null when either was stored without anchors. */
export function anchorShares(a: Fingerprint, b: Fingerprint): AnchorShares | null {
  if (a.anchors === null || b.anchors === null) return null;
  const numbers = sampleOverlap(a.anchors, a.anchorCount, b.anchors, b.anchorCount, 0);
  const names = sampleOverlap(a.anchors, a.anchorCount, b.anchors, b.anchorCount, 1);
  const share = (o: Overlap, smaller: number): number => (smaller === 0 ? 1 : o.both / smaller);
  const fewerNumbers = Math.min(numbers.newer, numbers.older);
  const fewerNames = Math.min(names.newer, names.older);
  return { numbers: share(numbers, fewerNumbers), numberCount: fewerNumbers, names: share(names, fewerNames), nameCount: fewerNames };
}

/** The largest hash a sketch knows all shingles under: its last one when truncated, else everything. */
function coverage(sample: Uint32Array, count: number): number {
  return sample.length < count ? sample[sample.length - 1]! : 0xffffffff;
}

/**
 * How `newer` relates to `older`, an article already stored.
 * @throws WiregraphError WG_FINGERPRINT when the two were made with different shingle sizes
 */
export function compare(newer: Fingerprint, older: Fingerprint, options: Partial<StoryOptions> = {}): Comparison {
  if (newer.shingle !== older.shingle) {
    throw new WiregraphError('WG_FINGERPRINT', `fingerprints of ${newer.shingle}- and ${older.shingle}-word shingles do not compare; fingerprint both again with the same options`);
  }
  const o = storyOptions(options);
  const n = overlap(newer, older);
  const containment = n.newer === 0 ? 0 : n.both / n.newer;
  const kept = n.older === 0 ? 0 : n.both / n.older;
  const union = n.newer + n.older - n.both;
  const similarity = union === 0 ? 0 : n.both / union;
  const anchors = anchorShares(newer, older);
  const relation = relationOf(containment, kept, o);
  return { relation: anchors !== null && templated(anchors, o) ? 'different' : relation, containment, similarity, kept, anchors };
}

/** Same story when newer is mostly older's text, or keeps most of it; a version when it also adds a share of its own. */
function relationOf(containment: number, kept: number, o: StoryOptions): Relation {
  const keeps = kept >= o.versionContainment && containment >= o.versionMinimum;
  if (containment < o.copyContainment && !keeps) return 'different';
  return keeps && containment <= 1 - o.versionAdded ? 'version' : 'copy';
}

/**
 * True when two texts share words but not their figures or names: one template filled in for another company,
 * date or amount. A real copy keeps the numbers and names of the shorter text (an outlet adds a few names of its own).
 */
function templated(a: AnchorShares, o: StoryOptions): boolean {
  const misses = (share: number, count: number, least: number): boolean => share < least && Math.round((1 - share) * count) > o.anchorTolerance;
  return misses(a.numbers, a.numberCount, o.numberShare) || misses(a.names, a.nameCount, o.nameShare);
}
