/**
 * Pruning of quantised weights (the output of `quantise` in ./perceptron.ts) to fit a model file's size.
 */

/** The bytes a feature takes in a weights file (src/pipeline/weights.ts): its name, two offsets, 3 bytes a weight. */
function featureBytes(name: string, prefix: number, weights: number): number {
  return weights === 0 ? 0 : Buffer.byteLength(name) + prefix + 8 + weights * 3;
}

/** How many weights of a feature reach the threshold. */
function keptWeights(pairs: readonly number[], threshold: number): number {
  let kept = 0;
  for (let k = 1; k < pairs.length; k += 2) if (Math.abs(pairs[k]!) >= threshold) kept++;
  return kept;
}

/**
 * Drops the weights under the smallest threshold (in quantised units) that fits `maxBytes` and leaves at most
 * `maxFeatures` features, and the features left with none.
 * @param prefix - the bytes added to each name in the file
 */
export function pruneToBytes(features: Readonly<Record<string, readonly number[]>>, maxBytes: number, prefix: number, maxFeatures = Infinity): { kept: Record<string, number[]>; threshold: number; bytes: number; features: number } {
  const entries = Object.entries(features);
  const measure = (threshold: number): { bytes: number; count: number } => {
    let bytes = 0;
    let count = 0;
    for (const [name, pairs] of entries) {
      const w = keptWeights(pairs, threshold);
      bytes += featureBytes(name, prefix, w);
      if (w > 0) count++;
    }
    return { bytes, count };
  };
  let threshold = 1;
  for (let m = measure(threshold); m.bytes > maxBytes || m.count > maxFeatures; m = measure(threshold)) threshold = Math.ceil(threshold * 1.1);
  const kept: Record<string, number[]> = {};
  let bytes = 0;
  for (const [name, pairs] of entries) {
    const list: number[] = [];
    for (let k = 0; k < pairs.length; k += 2) if (Math.abs(pairs[k + 1]!) >= threshold) list.push(pairs[k]!, pairs[k + 1]!);
    if (list.length > 0) {
      kept[name] = list;
      bytes += featureBytes(name, prefix, list.length / 2);
    }
  }
  return { kept, threshold, bytes, features: Object.keys(kept).length };
}
