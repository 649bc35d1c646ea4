/** Thresholds and sizes for fingerprints and comparisons; defaults chosen on the development set (README, Stories). */
export interface StoryOptions {
  /** Words per shingle. */
  readonly shingle: number;
  /** Size of the bottom-k sketch: the k smallest shingle hashes kept for comparison (exact below k shingles). */
  readonly sketch: number;
  /** One shingle in `keyRate` (by hash value) becomes a lookup key. */
  readonly keyRate: number;
  /** At most this many lookup keys per article (the smallest hashes among the sampled ones). */
  readonly maxKeys: number;
  /** `newer` is of `older`'s story when at least this share of its shingles is found in `older`... */
  readonly copyContainment: number;
  /** ...or when at least this share of `older` is kept in `newer`... */
  readonly versionContainment: number;
  /** ...and at least this share of `newer` comes from `older` (a digest folding many stories stays out). */
  readonly versionMinimum: number;
  /** Of two articles of one story, `newer` is a version (not a copy) when it keeps `versionContainment` of `older` and at least this share of it is new. */
  readonly versionAdded: number;
  /** Size of the bottom-k sketch of anchors (numbers and names) kept per article. */
  readonly anchorSketch: number;
  /** Of two articles of one story, the one with fewer numbers has at least this share of them in the other (a template filled in with other figures has not)... */
  readonly numberShare: number;
  /** ...and the one with fewer names at least this share of its names... */
  readonly nameShare: number;
  /** ...unless that side misses no more than this many of them (a version may change a figure of its lead). */
  readonly anchorTolerance: number;
}

/** The defaults (tuned on the tuning half of eval/syndication.ts; README, Stories). */
export const DEFAULT_STORY_OPTIONS: StoryOptions = Object.freeze({
  shingle: 4,
  sketch: 256,
  keyRate: 8,
  maxKeys: 64,
  copyContainment: 0.5,
  versionContainment: 0.6,
  versionMinimum: 0.4,
  versionAdded: 0.2,
  anchorSketch: 64,
  numberShare: 0.7,
  nameShare: 0,
  anchorTolerance: 1,
});

/** The defaults with `options` laid over them. */
export function storyOptions(options: Partial<StoryOptions> = {}): StoryOptions {
  return { ...DEFAULT_STORY_OPTIONS, ...options };
}
