import { PLOVER_LABELS, type PloverLabel } from './labels.js';
import { probabilities, random, scoreFeatures, type PloverExample, type PloverModel } from './model.js';

/** How {@link trainSoftmax} runs. */
export interface SoftmaxOptions {
  readonly epochs?: number;
  /** The L2 penalty on each weight, applied when the weight's feature is seen (sparse regularisation). */
  readonly l2?: number;
  /** AdaGrad's base step. */
  readonly rate?: number;
  /** Seed of the shuffle between epochs, so that a model is made again the same. */
  readonly seed?: number;
}

/**
 * Trains a multinomial logistic regression (softmax over the labels) with an L2 penalty, by stochastic
 * gradient descent with AdaGrad steps. Each example may carry a weight (`weight`, 1 by default) that scales
 * its gradient, so that written examples can count less than real sentences. The temperature is 1.
 */
export function trainSoftmax(examples: ReadonlyArray<PloverExample & { weight?: number }>, options: SoftmaxOptions = {}): PloverModel {
  const labels = PLOVER_LABELS;
  const width = labels.length;
  const index = new Map<PloverLabel, number>(labels.map((l, k) => [l, k]));
  const weights = new Map<string, Float64Array>();
  const squares = new Map<string, Float64Array>();
  for (const ex of examples) {
    for (const name of ex.features) {
      if (weights.has(name)) continue;
      weights.set(name, new Float64Array(width));
      squares.set(name, new Float64Array(width).fill(1e-8));
    }
  }
  const { epochs = 30, l2 = 1e-4, rate = 0.2 } = options;
  const next = random(options.seed ?? 1);
  const order = examples.map((_, k) => k);
  const model = { labels, weights, temperature: 1 };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(next() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    for (const at of order) {
      const ex = examples[at]!;
      const p = probabilities(scoreFeatures(model, ex.features), 1);
      const gold = index.get(ex.label)!;
      const scale = ex.weight ?? 1;
      for (const name of ex.features) {
        const w = weights.get(name)!;
        const g2 = squares.get(name)!;
        for (let l = 0; l < width; l++) {
          const g = scale * (p[l]! - (l === gold ? 1 : 0)) + l2 * w[l]!;
          g2[l]! += g * g;
          w[l]! -= (rate * g) / Math.sqrt(g2[l]!);
        }
      }
    }
  }
  return { labels, weights: pruned(weights), temperature: 1 };
}

/** The weights without the rows that are all but zero, which keeps the model file small. */
function pruned(weights: ReadonlyMap<string, Float64Array>, least = 1e-3): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [name, row] of weights) if (row.some((w) => Math.abs(w) >= least)) out.set(name, row);
  return out;
}
