import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ATTRIBUTION_LABELS, labelFeatures, tokenFeatures, type TaggerDocument } from './features.js';

/** Feature weights, one per label. */
export type TaggerWeights = Map<string, Float32Array>;

/** The tagger's file, `data/models/attribution.json.gz`, written by `scripts/train-attribution.ts`. */
export interface TaggerFile {
  readonly format: 'wiregraph-attribution/1';
  readonly generatedBy: string;
  readonly labels: readonly string[];
  readonly scale: number;
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/** Loads the tagger's weights. */
export function loadTagger(path: string): TaggerWeights {
  const file = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as TaggerFile;
  if (file.format !== 'wiregraph-attribution/1' || file.labels.join() !== ATTRIBUTION_LABELS.join()) throw new Error(`${path} is not an attribution tagger this version reads; run scripts/train-attribution.ts.`);
  const weights: TaggerWeights = new Map();
  for (const [f, pairs] of Object.entries(file.features)) {
    const w = new Float32Array(ATTRIBUTION_LABELS.length);
    for (let i = 0; i < pairs.length; i += 2) w[pairs[i]!] = pairs[i + 1]! * file.scale;
    weights.set(f, w);
  }
  return weights;
}

/** Tags a document greedily, one label per token. */
export function tagAttributions(weights: ReadonlyMap<string, ArrayLike<number>>, doc: TaggerDocument): string[] {
  const statics = tokenFeatures(doc);
  const out: string[] = [];
  const scores = new Float64Array(ATTRIBUTION_LABELS.length);
  for (let i = 0; i < doc.words.length; i++) {
    scores.fill(0);
    for (const f of [...statics[i]!, ...labelFeatures(doc.words[i]!, doc.inQuote[i]!, out[i - 1] ?? 'O', out[i - 2] ?? 'O')]) {
      const w = weights.get(f);
      if (w) for (let k = 0; k < scores.length; k++) scores[k]! += w[k]!;
    }
    let best = 0;
    for (let k = 1; k < scores.length; k++) if (scores[k]! > scores[best]!) best = k;
    out.push(ATTRIBUTION_LABELS[best]!);
  }
  return out;
}
