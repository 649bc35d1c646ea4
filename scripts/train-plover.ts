/**
 * `npm run train:plover`: trains the PLOVER typer on PLV `train` (../shared/data/plover-plv/PLV_train.tsv, when
 * present) and the written examples of data/events/plover/ (weighted below PLV), calibrates its confidence on an inner 3-fold split,
 * and writes data/events/plover/plover.weights. Takes about a minute on one core.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { typerInputs, writtenExamples } from '../eval/plover.js';
import { sharedPath } from '../eval/shared.js';
import { packageRoot } from '../src/data-dir.js';
import { readPlv } from '../src/stages/events/plover/examples.js';
import { encodePloverModel } from '../src/stages/events/plover/model-file.js';
import { trainCalibrated, typerExamples } from '../src/stages/events/plover/train.js';

const started = Date.now();
const { table, clusters, label } = typerInputs();
const plvPath = sharedPath('data', 'plover-plv', 'PLV_train.tsv');
if (!plvPath) process.stderr.write('train-plover: ../shared/data/plover-plv/PLV_train.tsv is absent; training on the written examples only\n');
const plv = plvPath ? readPlv(readFileSync(plvPath, 'utf8')).map(label) : [];
const written = writtenExamples().map(label);
const model = trainCalibrated(typerExamples(plv, written, table, clusters));
const trainedOn = `PLV train (${plv.length} sentences; Hu et al., ACL 2024, github.com/snowood1/Zero-Shot-PLOVER) and ${written.length} written examples, weighted below it`;
const bytes = encodePloverModel(model, trainedOn);
const out = join(packageRoot(), 'data', 'events', 'plover', 'plover.weights');
writeFileSync(out, bytes);
process.stdout.write(`${out}: ${model.weights.size} features, ${(bytes.length / 1024).toFixed(0)} KiB, temperature ${model.temperature.toFixed(3)}; ${trainedOn}; ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
