import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { LABELS } from './labels.js';
import type { FeatureLexicons } from './features.js';
import type { NerModel, Weights } from './model.js';

/** The recogniser's file: `data/models/ner.json.gz`, written by `scripts/train-ner.ts`. */
export interface NerModelFile {
  readonly format: 'wiregraph-ner/1';
  readonly generatedBy: string;
  readonly labels: readonly string[];
  /** Weights are stored as integers; multiply by this to get them back. */
  readonly scale: number;
  readonly lowercase: readonly string[];
  /** feature -> [label index, weight, label index, weight, ...] */
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/**
 * Loads a recogniser file.
 * @param gazetteer - the gazetteer feature function the model was trained with, if any
 */
export function loadNerModel(path: string, gazetteer?: FeatureLexicons['gazetteer']): NerModel {
  const file = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as NerModelFile;
  if (file.format !== 'wiregraph-ner/1' || file.labels.join() !== LABELS.join()) {
    throw new Error(`${path} is not a recogniser this version can read; run scripts/train-ner.ts again.`);
  }
  const weights: Weights = new Map();
  for (const [feature, pairs] of Object.entries(file.features)) {
    const w = new Float32Array(LABELS.length);
    for (let i = 0; i < pairs.length; i += 2) w[pairs[i]!] = pairs[i + 1]! * file.scale;
    weights.set(feature, w);
  }
  return { weights, lexicons: { lowercase: new Set(file.lowercase), ...(gazetteer ? { gazetteer } : {}) } };
}
