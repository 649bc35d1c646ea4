import { WiregraphError } from '../../../errors.js';
import { decodeWeights, encodeWeights } from '../../../pipeline/weights.js';
import { isPloverLabel, PLOVER_LABELS, type PloverLabel } from './labels.js';
import type { PloverModel } from './model.js';

/** The model format of the PLOVER typer's weights file. */
export const PLOVER_MODEL_FORMAT = 'wiregraph-plover/1';

/**
 * Writes a typer model in the `wiregraph-weights` binary format: weights quantised to 16-bit integers, zeros
 * left out, the temperature and what it was trained on in the header.
 * @param trainedOn - a line saying what the model was trained on, kept in the header
 */
export function encodePloverModel(model: PloverModel, trainedOn: string): Buffer {
  let max = 0;
  for (const row of model.weights.values()) for (let l = 0; l < row.length; l++) max = Math.max(max, Math.abs(row[l]!));
  const scale = max === 0 ? 1 : max / 32000;
  const weights: Record<string, number[]> = {};
  for (const [name, row] of model.weights) {
    const pairs: number[] = [];
    for (let l = 0; l < row.length; l++) {
      const q = Math.round(row[l]! / scale);
      if (q !== 0) pairs.push(l, q);
    }
    if (pairs.length > 0) weights[name] = pairs;
  }
  return encodeWeights({ format: PLOVER_MODEL_FORMAT, generatedBy: 'scripts/train-plover.ts', labels: model.labels, scale, precision: 32, extra: { temperature: model.temperature, trainedOn }, weights });
}

/**
 * Reads a typer model file.
 * @throws WiregraphError `WG_MODEL_FORMAT` when the file is not a weights file, holds another model, or has labels this version does not know
 */
export function decodePloverModel(bytes: Uint8Array, name: string): PloverModel {
  const { header, table } = decodeWeights(bytes, PLOVER_MODEL_FORMAT, name);
  const labels = header.labels;
  if (labels.length !== PLOVER_LABELS.length || !labels.every((l, k) => isPloverLabel(l) && l === PLOVER_LABELS[k])) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} has the labels ${labels.join(',')}; this version of wiregraph types with ${PLOVER_LABELS.join(',')}. Retrain it (npm run train:plover).`);
  }
  const temperature = Number(header.extra['temperature']);
  if (!(temperature > 0)) throw new WiregraphError('WG_MODEL_FORMAT', `${name} has no softmax temperature; retrain it (npm run train:plover).`);
  return { labels: labels as readonly PloverLabel[], weights: table, temperature };
}
