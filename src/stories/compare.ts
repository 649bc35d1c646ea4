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
  const limit = Math.min(coverage(a), coverage(b));
  const x = a.sketch;
  const y = b.sketch;
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

/** The largest hash a sketch knows all shingles under: its last one when truncated, else everything. */
function coverage(f: Fingerprint): number {
  return f.sketch.length < f.shingles ? f.sketch[f.sketch.length - 1]! : 0xffffffff;
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
  return { relation: relationOf(containment, kept, o), containment, similarity, kept };
}

/** Same story when newer is mostly older's text, or keeps most of it; a version when it also adds a share of its own. */
function relationOf(containment: number, kept: number, o: StoryOptions): Relation {
  const keeps = kept >= o.versionContainment && containment >= o.versionMinimum;
  if (containment < o.copyContainment && !keeps) return 'different';
  return keeps && containment <= 1 - o.versionAdded ? 'version' : 'copy';
}
