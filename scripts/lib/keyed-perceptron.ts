/**
 * An averaged perceptron over integer feature keys (the parser's hashed features), with lazy averaging as in
 * ./perceptron.ts. Each key holds one array: the live weights, their running totals, and when each last changed.
 */
export class KeyedPerceptron {
  readonly #rows = new Map<number, Float64Array>();
  #clock = 0;

  constructor(readonly width: number) {}

  /** Advances the clock by one training step. */
  tick(): void {
    this.#clock++;
  }

  /** The live weights of a key (the first `width` entries of its array), or undefined. */
  row(key: number): Float64Array | undefined {
    return this.#rows.get(key);
  }

  /** Adds delta to a key's weight for a label. */
  update(key: number, label: number, delta: number): void {
    let row = this.#rows.get(key);
    if (!row) this.#rows.set(key, (row = new Float64Array(this.width * 3)));
    const w = this.width;
    row[w + label]! += (this.#clock - row[2 * w + label]!) * row[label]!;
    row[2 * w + label] = this.#clock;
    row[label]! += delta;
  }

  get size(): number {
    return this.#rows.size;
  }

  /** The weights averaged over every step so far, by key. */
  averaged(): Map<number, Float64Array> {
    const out = new Map<number, Float64Array>();
    const w = this.width;
    for (const [key, row] of this.#rows) {
      const avg = new Float64Array(w);
      for (let k = 0; k < w; k++) avg[k] = (row[w + k]! + (this.#clock - row[2 * w + k]!) * row[k]!) / this.#clock;
      out.set(key, avg);
    }
    return out;
  }
}
