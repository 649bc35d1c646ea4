import { PLOVER_LABELS, type PloverLabel } from './labels.js';

/** A linear model over string features: one weight per label for each feature, and a softmax temperature. */
export interface PloverModel {
  readonly labels: readonly PloverLabel[];
  /** feature -> one weight per label */
  readonly weights: ReadonlyMap<string, ArrayLike<number>>;
  /** Scores are divided by this before the softmax that makes them probabilities (fitted on held-out folds). */
  readonly temperature: number;
}

/** One training example: its features and its label. */
export interface PloverExample {
  readonly features: readonly string[];
  readonly label: PloverLabel;
}

/** How {@link trainPlover} runs. */
export interface TrainOptions {
  readonly epochs?: number;
  /** Seed of the shuffle between epochs, so that a model is made again the same. */
  readonly seed?: number;
}

/** The score of each label for a set of features. */
export function scoreFeatures(model: Pick<PloverModel, 'labels' | 'weights'>, features: readonly string[]): Float64Array {
  const scores = new Float64Array(model.labels.length);
  for (const name of features) {
    const row = model.weights.get(name);
    if (!row) continue;
    for (let l = 0; l < scores.length; l++) scores[l]! += row[l]!;
  }
  return scores;
}

/** Softmax of scores divided by a temperature. */
export function probabilities(scores: ArrayLike<number>, temperature: number): Float64Array {
  const out = new Float64Array(scores.length);
  let max = -Infinity;
  for (let l = 0; l < scores.length; l++) max = Math.max(max, scores[l]!);
  let sum = 0;
  for (let l = 0; l < scores.length; l++) sum += out[l] = Math.exp((scores[l]! - max) / temperature);
  for (let l = 0; l < scores.length; l++) out[l]! /= sum;
  return out;
}

/** A small deterministic random generator (mulberry32), for shuffling training examples reproducibly. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains a multi-class averaged perceptron: on each mistake the gold label's weights of the example's features
 * go up and the predicted label's down; the model is the average of the weights over every step (kept lazily,
 * by the step each weight last changed at). The temperature is 1; calibrate it with {@link fitTemperature}.
 */
export function trainPlover(examples: readonly PloverExample[], options: TrainOptions = {}): PloverModel {
  const labels = PLOVER_LABELS;
  const width = labels.length;
  const index = new Map<PloverLabel, number>(labels.map((l, k) => [l, k]));
  const current = new Map<string, Float64Array>();
  const total = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  const rows = (name: string): [Float64Array, Float64Array, Float64Array] => {
    let w = current.get(name);
    if (!w) {
      current.set(name, (w = new Float64Array(width)));
      total.set(name, new Float64Array(width));
      stamp.set(name, new Float64Array(width));
    }
    return [w, total.get(name)!, stamp.get(name)!];
  };
  const next = random(options.seed ?? 1);
  const order = examples.map((_, k) => k);
  let step = 0;
  const live = { labels, weights: current };
  for (let epoch = 0; epoch < (options.epochs ?? 20); epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(next() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    for (const at of order) {
      step++;
      const ex = examples[at]!;
      const scores = scoreFeatures(live, ex.features);
      const gold = index.get(ex.label)!;
      let guess = 0;
      for (let l = 1; l < width; l++) if (scores[l]! > scores[guess]!) guess = l;
      if (guess === gold) continue;
      for (const name of ex.features) {
        const [w, sum, last] = rows(name);
        for (const [l, delta] of [[gold, 1], [guess, -1]] as const) {
          sum[l]! += (step - last[l]!) * w[l]!;
          last[l] = step;
          w[l]! += delta;
        }
      }
    }
  }
  const weights = new Map<string, Float64Array>();
  for (const [name, w] of current) {
    const sum = total.get(name)!;
    const last = stamp.get(name)!;
    const avg = new Float64Array(width);
    let any = false;
    for (let l = 0; l < width; l++) {
      avg[l] = (sum[l]! + (step - last[l]!) * w[l]!) / step;
      if (avg[l] !== 0) any = true;
    }
    if (any) weights.set(name, avg);
  }
  return { labels, weights, temperature: 1 };
}

/**
 * The temperature that makes held-out probabilities most likely (least log loss), by a search over a grid.
 * @param held - per held-out example, its scores and the index of its gold label
 */
export function fitTemperature(held: ReadonlyArray<{ scores: ArrayLike<number>; gold: number }>): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.005; t <= 2000; t *= 1.15) {
    let loss = 0;
    for (const h of held) loss -= Math.log(Math.max(1e-12, probabilities(h.scores, t)[h.gold]!));
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  return best;
}
