import type { WordClusters } from '../../entities/ner/clusters.js';
import type { PloverEntry } from '../dictionaries/plover.js';
import { ploverFeatures, type PloverCandidate } from './features.js';
import { NONE, PLOVER_LABELS, type PloverLabel } from './labels.js';
import { fitTemperature, scoreFeatures, trainPlover, type PloverExample, type PloverModel, type TrainOptions } from './model.js';
import { trainSoftmax, type SoftmaxOptions } from './softmax.js';

/** Which learner trains the typer, and its settings. */
export type LearnerOptions = TrainOptions & SoftmaxOptions & { readonly learner?: 'perceptron' | 'softmax' };

/**
 * The typer's learner and settings, chosen by 5-fold cross-validation on PLV `train` (type given the gold dyad):
 * softmax 0.798 against the averaged perceptron's 0.759 on the same features; L2 between 0.01 and 0.03 alike.
 */
export const TYPER_OPTIONS: LearnerOptions = { learner: 'softmax', epochs: 30, l2: 0.03, rate: 0.2 };

/**
 * The examples the typer is trained on: the real labelled sentences at full weight, the written NONE examples
 * (non-events, which real sentences with one event each never give) at {@link WRITTEN_NONE_WEIGHT}, the written
 * event examples at {@link WRITTEN_EVENT_WEIGHT}; all written examples at full weight when there are no real ones.
 */
export function typerExamples(real: readonly LabelledCandidate[], written: readonly LabelledCandidate[], table: Readonly<Record<string, PloverEntry>>, clusters: WordClusters | null = null): Array<PloverExample & { weight?: number }> {
  // Note: by cross-validation the written event examples (plain, templated) at full weight cost 0.02-0.03 on PLV.
  // Note: with no real sentences (../shared absent) the written event examples are all there is to learn from.
  if (real.length === 0) return examplesOf(written, table, clusters);
  // Note: the NONE templates reuse verbs that are events elsewhere (`tourists visited the museum`); at full weight they outvote PLV's few `visited`.
  const weighted = examplesOf(written, table, clusters).map((e) => ({ ...e, weight: e.label === NONE ? WRITTEN_NONE_WEIGHT : WRITTEN_EVENT_WEIGHT }));
  return [...examplesOf(real, table, clusters), ...weighted];
}

/** How much a written NONE example counts against a real sentence. */
export const WRITTEN_NONE_WEIGHT = 0.3;
/** How much a written event example counts: little, for the words PLV lacks (`visited`), not its balance of types. */
export const WRITTEN_EVENT_WEIGHT = 0.1;

/** Trains a model with the learner the options name (softmax unless `perceptron`). */
export function trainModel(examples: ReadonlyArray<PloverExample & { weight?: number }>, options: LearnerOptions = {}): PloverModel {
  return options.learner === 'perceptron' ? trainPlover(examples, options) : trainSoftmax(examples, options);
}

/** A labelled candidate: what the training script and the evaluation feed the trainer. */
export interface LabelledCandidate {
  readonly id: string;
  readonly label: PloverLabel;
  readonly candidate: PloverCandidate;
}

/** The training examples of labelled candidates: their features, by the CAMEO table. */
export function examplesOf(items: readonly LabelledCandidate[], table: Readonly<Record<string, PloverEntry>>, clusters: WordClusters | null = null): PloverExample[] {
  return items.map((x) => ({ features: ploverFeatures(x.candidate, table, clusters), label: x.label }));
}

/**
 * Trains a typer model and calibrates its confidence: the softmax temperature is fitted on held-out scores of
 * an inner k-fold split of the same examples, then the model is trained on all of them.
 * @param folds - the inner split (3 by default); under 2 leaves the temperature at 1
 */
export function trainCalibrated(examples: ReadonlyArray<PloverExample & { weight?: number }>, options: LearnerOptions & { folds?: number } = {}): PloverModel {
  const folds = options.folds ?? 3;
  const model = trainModel(examples, { ...TYPER_OPTIONS, ...options });
  if (folds < 2) return model;
  const held: Array<{ scores: Float64Array; gold: number }> = [];
  for (let f = 0; f < folds; f++) {
    const inner = trainModel(examples.filter((_, k) => k % folds !== f), { ...TYPER_OPTIONS, ...options });
    examples.forEach((ex, k) => {
      if (k % folds === f) held.push({ scores: scoreFeatures(inner, ex.features), gold: PLOVER_LABELS.indexOf(ex.label) });
    });
  }
  return { ...model, temperature: fitTemperature(held) };
}
