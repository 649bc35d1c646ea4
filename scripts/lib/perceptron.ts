/**
 * An averaged perceptron's weights, with lazy averaging: each weight's running total is brought up to date
 * only when the weight changes, so averaging costs nothing per step.
 */
export class AveragedPerceptron {
  /** The live weights: feature -> one weight per label. */
  readonly weights = new Map<string, Float64Array>();
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private clock = 0;

  constructor(private readonly labels: number) {}

  /** Advances the clock by one training step. */
  tick(): void {
    this.clock++;
  }

  /** Adds delta to a feature's weight for a label. */
  update(feature: string, label: number, delta: number): void {
    let w = this.weights.get(feature);
    if (!w) {
      this.weights.set(feature, (w = new Float64Array(this.labels)));
      this.totals.set(feature, new Float64Array(this.labels));
      this.stamps.set(feature, new Float64Array(this.labels));
    }
    const t = this.totals.get(feature)!;
    const s = this.stamps.get(feature)!;
    t[label]! += (this.clock - s[label]!) * w[label]!;
    s[label] = this.clock;
    w[label]! += delta;
  }

  /**
   * One training step: scores the features with the live weights, and when the best label is not the truth,
   * moves the features' weights towards the truth and away from the guess.
   * @returns the guessed label
   */
  learn(features: readonly string[], truth: number): number {
    this.tick();
    const scores = new Float64Array(this.labels);
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let k = 0; k < scores.length; k++) scores[k]! += w[k]!;
    }
    let guess = 0;
    for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[guess]!) guess = k;
    if (guess !== truth) for (const f of features) { this.update(f, truth, 1); this.update(f, guess, -1); }
    return guess;
  }

  /** The weights averaged over every step so far. */
  averaged(): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    for (const [feature, w] of this.weights) {
      const t = this.totals.get(feature)!;
      const s = this.stamps.get(feature)!;
      out.set(feature, w.map((v, k) => (t[k]! + (this.clock - s[k]!) * v) / this.clock));
    }
    return out;
  }
}

// Note: weights are stored as integers up to QUANT in magnitude, relative to the largest weight;
// a feature whose weights all round to 0 is dropped.
const QUANT = 30000;

/** Quantises weights for a model file: `feature -> [label, weight, label, weight, ...]` and the scale back to floats. */
export function quantise(weights: ReadonlyMap<string, ArrayLike<number>>): { scale: number; features: Record<string, number[]> } {
  let largest = 0;
  for (const w of weights.values()) for (let k = 0; k < w.length; k++) largest = Math.max(largest, Math.abs(w[k]!));
  const features: Record<string, number[]> = {};
  for (const [feature, w] of weights) {
    const pairs: number[] = [];
    for (let k = 0; k < w.length; k++) {
      const q = Math.round((w[k]! / largest) * QUANT);
      if (q !== 0) pairs.push(k, q);
    }
    if (pairs.length > 0) features[feature] = pairs;
  }
  return { scale: largest / QUANT, features };
}
