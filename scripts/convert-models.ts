/**
 * Converts the recogniser, the part-of-speech tagger and the attribution tagger from their former JSON
 * files (`data/models/*.json.gz`, format version 1) to the binary weights files the stages read
 * (`data/models/*.weights`), without retraining: the weights are the same integers and scale, so
 * predictions stay the same. Run with `npm run convert:models`; the training scripts write the binary files
 * themselves. The knowledge base's former `data/kb.json.gz` becomes `data/kb.bin` the same way (the same
 * entries, in the same order).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultDataDir } from '../src/data-dir.js';
import { encodeNerModel } from '../src/stages/entities/ner/model-file.js';
import { encodePosModel } from '../src/stages/syntax/pos/model.js';
import { encodeTagger } from '../src/stages/quotes/tagger/model.js';
import { encodeKbFile } from '../src/stages/entities/kb-file.js';
import type { KbFile } from '../src/stages/entities/kb-types.js';

interface JsonModel {
  readonly format: string;
  readonly generatedBy: string;
  readonly scale: number;
  readonly features: Record<string, number[]>;
  readonly lowercase?: string[];
  readonly tags?: string[];
  readonly unambiguous?: Record<string, string>;
}

const models = join(defaultDataDir(), 'models');
const note = '; converted from the JSON file by scripts/convert-models.ts';
const conversions: ReadonlyArray<readonly [string, string, (m: JsonModel) => Buffer]> = [
  ['ner', 'wiregraph-ner/1', (m) => encodeNerModel({ generatedBy: m.generatedBy + note, scale: m.scale, lowercase: m.lowercase ?? [], features: m.features })],
  ['pos', 'wiregraph-pos/1', (m) => encodePosModel({ generatedBy: m.generatedBy + note, tags: m.tags ?? [], unambiguous: m.unambiguous ?? {}, scale: m.scale, features: m.features })],
  ['attribution', 'wiregraph-attribution/1', (m) => encodeTagger({ generatedBy: m.generatedBy + note, scale: m.scale, features: m.features })],
];
for (const [name, format, encode] of conversions) {
  const from = join(models, `${name}.json.gz`);
  if (!existsSync(from)) {
    process.stdout.write(`skipped ${from}: not there\n`);
    continue;
  }
  const model = JSON.parse(gunzipSync(readFileSync(from)).toString('utf8')) as JsonModel;
  if (model.format !== format) throw new Error(`${from} is ${model.format}, not ${format}`);
  const bytes = encode(model);
  writeFileSync(join(models, `${name}.weights`), bytes);
  process.stdout.write(`wrote ${name}.weights: ${Object.keys(model.features).length} features, ${(bytes.length / 1048576).toFixed(2)} MiB\n`);
}

const kbJson = join(defaultDataDir(), 'kb.json.gz');
if (existsSync(kbJson)) {
  const kb = JSON.parse(gunzipSync(readFileSync(kbJson)).toString('utf8')) as KbFile;
  const bytes = encodeKbFile({ ...kb, generatedBy: kb.generatedBy.includes(note) ? kb.generatedBy : kb.generatedBy + note });
  writeFileSync(join(defaultDataDir(), 'kb.bin'), bytes);
  process.stdout.write(`data/kb.bin: ${(bytes.length / 1048576).toFixed(2)} MiB\n`);
}
