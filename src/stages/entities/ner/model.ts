import { allowedAfter, allowedAtEnd, LABELS } from './labels.js';
import { remember, staticFeatures, withHistory, type DocContext, type FeatureLexicons } from './features.js';

/** Feature weights: feature -> one weight per label (sparse in the file, dense here). */
export type Weights = Map<string, Float32Array>;

/** A trained recogniser: weights, and the lexicons its features read. */
export interface NerModel {
  readonly weights: Weights;
  readonly lexicons: FeatureLexicons;
}

/**
 * Scores every label for one token's features.
 * @param scores - filled in place (length {@link LABELS}.length)
 */
export function score(weights: Weights, features: readonly string[], scores: Float64Array): void {
  scores.fill(0);
  for (const f of features) {
    const w = weights.get(f);
    if (w) for (let k = 0; k < w.length; k++) scores[k]! += w[k]!;
  }
}

/** Picks the best label allowed after `prev` (and, for the last token, one that closes). */
export function bestAllowed(scores: Float64Array, prev: string, last: boolean): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let k = 0; k < LABELS.length; k++) {
    const label = LABELS[k]!;
    if (!allowedAfter(prev, label) || (last && !allowedAtEnd(label))) continue;
    if (scores[k]! > bestScore) [best, bestScore] = [k, scores[k]!];
  }
  return best;
}

/**
 * Tags one sentence greedily, left to right, keeping BILOU well-formed, and records the predicted types
 * in the document context for later sentences.
 * @returns one BILOU label per word
 */
export function tagSentence(model: NerModel, words: readonly string[], context: DocContext): string[] {
  const statics = staticFeatures(words, model.lexicons, context);
  const labels: string[] = [];
  const scores = new Float64Array(LABELS.length);
  for (let i = 0; i < words.length; i++) {
    const prev = labels[i - 1] ?? 'O';
    const features = withHistory(statics[i]!, words[i]!, prev, labels[i - 2] ?? 'O');
    score(model.weights, features, scores);
    labels.push(LABELS[bestAllowed(scores, prev, i === words.length - 1)]!);
  }
  labels.forEach((label, i) => {
    if (label !== 'O' && /^\p{Lu}/u.test(words[i]!)) remember(context, words[i]!, label.slice(2));
  });
  return labels;
}
