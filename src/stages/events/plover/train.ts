import type { PloverEntry } from '../dictionaries/plover.js';
import { ploverFeatures, type PloverCandidate } from './features.js';
import { PLOVER_LABELS, type PloverLabel } from './labels.js';
import { fitTemperature, scoreFeatures, trainPlover, type PloverExample, type PloverModel, type TrainOptions } from './model.js';

/** A labelled candidate: what the training script and the evaluation feed the trainer. */
export interface LabelledCandidate {
  readonly id: string;
  readonly label: PloverLabel;
  readonly candidate: PloverCandidate;
}

/** The training examples of labelled candidates: their features, by the CAMEO table. */
export function examplesOf(items: readonly LabelledCandidate[], table: Readonly<Record<string, PloverEntry>>): PloverExample[] {
  return items.map((x) => ({ features: ploverFeatures(x.candidate, table), label: x.label }));
}

/**
 * Trains a typer model and calibrates its confidence: the softmax temperature is fitted on held-out scores of
 * an inner k-fold split of the same examples, then the model is trained on all of them.
 * @param folds - the inner split (3 by default); under 2 leaves the temperature at 1
 */
export function trainCalibrated(examples: readonly PloverExample[], options: TrainOptions & { folds?: number } = {}): PloverModel {
  const folds = options.folds ?? 3;
  const model = trainPlover(examples, options);
  if (folds < 2) return model;
  const held: Array<{ scores: Float64Array; gold: number }> = [];
  for (let f = 0; f < folds; f++) {
    const inner = trainPlover(examples.filter((_, k) => k % folds !== f), options);
    examples.forEach((ex, k) => {
      if (k % folds === f) held.push({ scores: scoreFeatures(inner, ex.features), gold: PLOVER_LABELS.indexOf(ex.label) });
    });
  }
  return { ...model, temperature: fitTemperature(held) };
}
