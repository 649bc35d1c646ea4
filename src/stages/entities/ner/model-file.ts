import { decodeWeights, encodeWeights } from '../../../pipeline/weights.js';
import { LABELS } from './labels.js';
import type { FeatureLexicons } from './features.js';
import type { NerModel, Weights } from './model.js';
import { WiregraphError } from '../../../errors.js';

/** The recogniser's model format inside a weights file (`data/models/ner.weights`). */
export const NER_FORMAT = 'wiregraph-ner/3';

/** The recogniser's quantised weights as a trainer (or the former JSON file) gives them. */
export interface NerModelSource {
  readonly generatedBy: string;
  /** Weights are stored as integers; multiply by this to get them back. */
  readonly scale: number;
  readonly lowercase: readonly string[];
  /** Whether the model's features read word clusters (`data/lexicon/clusters.tsv.gz`). */
  readonly clusters?: boolean;
  /** feature -> [label index, weight, label index, weight, ...] */
  readonly features: Readonly<Record<string, readonly number[]>>;
}

/** Writes the recogniser's weights file (used by `scripts/train-ner.ts` and `scripts/convert-models.ts`). */
export function encodeNerModel(source: NerModelSource): Buffer {
  return encodeWeights({ format: NER_FORMAT, generatedBy: source.generatedBy, labels: LABELS, scale: source.scale, precision: 32, extra: { lowercase: source.lowercase, clusters: source.clusters ?? false }, weights: source.features });
}

/**
 * Reads a recogniser from the bytes of its weights file.
 * @param gazetteer - the gazetteer feature function the model was trained with, if any
 * @param clusters - the word clusters the model was trained with, if any
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not a recogniser this version reads, or its features read clusters that are not given
 */
export function decodeNerModel(bytes: Uint8Array, name: string, gazetteer?: FeatureLexicons['gazetteer'], clusters?: FeatureLexicons['clusters']): NerModel {
  const { header, table } = decodeWeights(bytes, NER_FORMAT, name);
  if (header.labels.join() !== LABELS.join()) throw new WiregraphError('WG_MODEL_FORMAT', `${name} has other labels than this version's recogniser; run scripts/train-ner.ts again.`);
  const lowercase = header.extra['lowercase'] as readonly string[];
  if (header.extra['clusters'] === true && !clusters) throw new WiregraphError('WG_MODEL_FORMAT', `${name} reads word clusters, and none were given.`);
  const lexicons: FeatureLexicons = { lowercase: new Set(lowercase), ...(gazetteer ? { gazetteer } : {}), ...(header.extra['clusters'] === true && clusters ? { clusters } : {}) };
  return { weights: table as Weights, lexicons };
}
