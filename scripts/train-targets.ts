/**
 * `npm run train:targets`: trains the event coder's target ranker (src/stages/events/targets.ts) on PLV `train`
 * (../shared/data/plover-plv/PLV_train.tsv) through the product path, and writes data/events/targets.json. Each
 * sentence is run with the typer of its cross-validation fold, as `npm run eval` does, so what the ranker learns
 * from is what the shipped coder offers it. Takes a few seconds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldTypers, typerInputs, writtenExamples } from '../eval/plover.js';
import { targetInstances } from '../eval/plover-targets.js';
import { sharedPath } from '../eval/shared.js';
import { packageRoot } from '../src/data-dir.js';
import { readPlv } from '../src/stages/events/plover/examples.js';
import { TARGETS_FORMAT, trainTargetWeights, type TargetModel } from '../src/stages/events/targets.js';

const plvPath = sharedPath('data', 'plover-plv', 'PLV_train.tsv');
if (!plvPath) {
  process.stderr.write('train-targets: ../shared/data/plover-plv/PLV_train.tsv is absent; nothing to train on\n');
  process.exit(1);
}
const started = Date.now();
const { label } = typerInputs();
const sentences = readPlv(readFileSync(plvPath, 'utf8'));
const typers = foldTypers(sentences.map(label), writtenExamples().map(label));
const instances = targetInstances(sentences, typers).flat();
const weights = trainTargetWeights(instances);
const model: TargetModel = {
  format: TARGETS_FORMAT,
  generatedBy: `scripts/train-targets.ts: averaged perceptron ranker, 10 epochs, on ${instances.length} predicates of PLV train (Hu et al., ACL 2024) whose source is the gold source, through the product path`,
  weights: Object.fromEntries([...weights].sort((a, b) => a[0].localeCompare(b[0]))),
};
const out = join(packageRoot(), 'data', 'events', 'targets.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
process.stdout.write(`${out}: ${weights.size} features from ${instances.length} predicates; ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
