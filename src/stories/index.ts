/**
 * Stories: copies and versions of one wire story. Pure functions over article text (no store):
 * fingerprints with lookup keys, a comparison that tells a copy from a version from a different story,
 * the originating agency, a paragraph diff, relatedness of two stories, and an in-memory index.
 */
export { DEFAULT_STORY_OPTIONS, type StoryOptions } from './options.js';
export { fingerprint, type Fingerprint } from './fingerprint.js';
export { encodeFingerprint, decodeFingerprint } from './codec.js';
export { compare, type Comparison, type Relation } from './compare.js';
export { originatorOf, canonicalAgency } from './originator.js';
export { paragraphDiff, type DiffOp } from './diff.js';
export { MemoryStoryIndex } from './memory-index.js';
export { relatedness, relatedParts, relatedKeys, weightedScore, DEFAULT_RELATED_OPTIONS, type Relatedness, type RelatedOptions, type RelatedParts, type RelatedWeights, type RelatedInput, type KeyFrequencies } from './related.js';
export { storyFeatures, type StoryFeatures } from './related-features.js';
