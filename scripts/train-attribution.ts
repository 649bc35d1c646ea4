/**
 * Trains the attribution tagger: a structured (averaged, Viterbi-decoded) perceptron labelling each token with
 * BIO over source, cue and content, reading the rules' attributions as features, from PolNeAR `train`;
 * reports token accuracy on `dev`. Writes `data/models/attribution.weights` (the binary weights format of
 * src/pipeline/weights.ts). Run: `npm run train:attribution` (reads ../shared/data/polnear).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBrat } from '../eval/polnear.js';
import { createArticle } from '../src/article/article.js';
import { EMPTY_META } from '../src/article/meta.js';
import { packageRoot } from '../src/data-dir.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { entitiesStage } from '../src/stages/entities/stage.js';
import { quoteContext } from '../src/stages/quotes/context.js';
import { taggerInput } from '../src/stages/quotes/learned.js';
import { ruleAttributions } from '../src/stages/quotes/rules.js';
import { ATTRIBUTION_LABELS, tokenFeatures, transitionFeature, type TaggerDocument } from '../src/stages/quotes/tagger/features.js';
import { encodeTagger, tagAttributions, transitionTable, viterbi } from '../src/stages/quotes/tagger/model.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { syntaxStageWith } from '../src/stages/syntax/stage.js';
import { timeStage } from '../src/stages/time/stage.js';
import { quantise } from './lib/perceptron.js';

const shared = process.env['WIREGRAPH_SHARED'] ?? join(packageRoot(), '..', 'shared');
const EPOCHS = Number(process.env['EPOCHS'] ?? 12);
const L = ATTRIBUTION_LABELS.length;
// Note: the tagger reads the tags, not the parse, so nothing is parsed.
const before = createPipeline([segmentStage, entitiesStage, syntaxStageWith({ parse: 'none' }), timeStage]);

interface Example {
  readonly doc: TaggerDocument;
  readonly labels: Uint8Array;
}

/** Gold BIO labels of an article's tokens: later roles (cue, then source) over content, `B-` where a span piece starts. */
function goldLabels(tokens: readonly { start: number; end: number }[], text: string): Uint8Array {
  const gold = readBrat(text);
  const role = new Array<string>(tokens.length).fill('O');
  const begins = new Uint8Array(tokens.length);
  for (const g of gold) {
    for (const [name, spans] of [['CON', g.content], ['CUE', g.cue], ['SRC', g.source]] as const) {
      for (const s of spans) {
        let firstToken = true;
        tokens.forEach((t, i) => {
          if (t.start < s.start || t.end > s.end) return;
          role[i] = name;
          begins[i] = firstToken ? 1 : 0;
          firstToken = false;
        });
      }
    }
  }
  return Uint8Array.from(role, (r, i) => (r === 'O' ? 0 : ATTRIBUTION_LABELS.indexOf(`${begins[i] || i === 0 || role[i - 1] !== r ? 'B' : 'I'}-${r}` as never)));
}

/** Reads a PolNeAR split into tagger documents with gold labels. */
function load(split: string): Example[] {
  const folder = join(shared, 'data', 'polnear', 'data', split);
  return readdirSync(join(folder, 'attributions')).filter((f) => f.endsWith('.ann')).sort().map((file) => {
    const text = readFileSync(join(folder, 'text', file.replace(/(?:_[0-9a-f]{4})?\.ann$/u, '.txt')), 'utf8');
    const ctx = quoteContext(before.run(createArticle(text, { ...EMPTY_META, language: 'en' })));
    const { tokens, doc } = taggerInput(ctx, ruleAttributions(ctx));
    return { doc, labels: goldLabels(tokens, readFileSync(join(folder, 'attributions', file), 'utf8')) };
  });
}

const train = load('train');
const dev = load('dev');
process.stdout.write(`loaded ${train.length} train, ${dev.length} dev documents\n`);

const MIN_CUE = Number(process.env['MIN_CUE'] ?? 2);
const CUE_SHARE = Number(process.env['CUE_SHARE'] ?? 0.1);
/** The words that head a gold cue at least MIN_CUE times and in at least CUE_SHARE of their uses. */
function cueLexicon(examples: readonly Example[]): string[] {
  const seen = new Map<string, [number, number]>();
  for (const { doc, labels } of examples) {
    doc.words.forEach((w, i) => {
      const c = seen.get(w.toLowerCase()) ?? [0, 0];
      c[0]++;
      if (ATTRIBUTION_LABELS[labels[i]!] === 'B-CUE') c[1]++;
      seen.set(w.toLowerCase(), c);
    });
  }
  return [...seen].filter(([, [all, cue]]) => cue >= MIN_CUE && cue / all >= CUE_SHARE).map(([w]) => w).sort();
}
const lexicon = cueLexicon(train);
const cues = new Set(lexicon);
process.stdout.write(`${lexicon.length} cue words\n`);

// Note: features are numbered once; weights, their running totals and stamps live in flat arrays.
const ids = new Map<string, number>();
const idOf = (f: string): number => {
  let id = ids.get(f);
  if (id === undefined) ids.set(f, (id = ids.size));
  return id;
};
const transitionIds = ATTRIBUTION_LABELS.map((l) => idOf(transitionFeature(l)));
const encoded = train.map((e) => tokenFeatures(e.doc, cues).map((fs) => Int32Array.from(fs, idOf)));
let weights = new Float64Array(ids.size * L);
let totals = new Float64Array(ids.size * L);
let stamps = new Float64Array(ids.size * L);
let clock = 0;
const update = (id: number, label: number, delta: number): void => {
  const k = id * L + label;
  totals[k]! += (clock - stamps[k]!) * weights[k]!;
  stamps[k] = clock;
  weights[k]! += delta;
};
const asMap = (w: Float64Array): Map<string, Float64Array> => new Map([...ids].map(([f, id]) => [f, w.subarray(id * L, id * L + L)]));

for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  let errors = 0;
  const live = asMap(weights);
  train.forEach((example, d) => {
    clock++;
    const feats = encoded[d]!;
    const n = feats.length;
    const emission = new Float64Array(n * L);
    for (let i = 0; i < n; i++) for (const id of feats[i]!) for (let k = 0; k < L; k++) emission[i * L + k]! += weights[id * L + k]!;
    const guess = viterbi(emission, transitionTable(live), n);
    for (let i = 0; i < n; i++) {
      const g = example.labels[i]!;
      const p = guess[i]!;
      const gp = i > 0 ? example.labels[i - 1]! : 0;
      const pp = i > 0 ? guess[i - 1]! : 0;
      if (g !== p) {
        errors++;
        for (const id of feats[i]!) {
          update(id, g, 1);
          update(id, p, -1);
        }
      }
      if (g !== p || gp !== pp) {
        update(transitionIds[gp]!, g, 1);
        update(transitionIds[pp]!, p, -1);
      }
    }
  });
  process.stdout.write(`epoch ${epoch}: ${errors} token errors\n`);
}
clock++;
const averaged = new Float64Array(weights.length);
for (let k = 0; k < weights.length; k++) averaged[k] = (totals[k]! + (clock - stamps[k]!) * weights[k]!) / clock;
weights = totals = stamps = new Float64Array(0);
const model = { weights: asMap(averaged), cues };
let right = 0;
let total = 0;
for (const { doc, labels } of dev) {
  tagAttributions(model, doc).forEach((t, i) => {
    total++;
    if (t === ATTRIBUTION_LABELS[labels[i]!]) right++;
  });
}
const { scale, features } = quantise(model.weights);
const accuracy = (right / total).toFixed(4);
const bytes = encodeTagger({ generatedBy: `scripts/train-attribution.ts: structured averaged perceptron (BIO, Viterbi), ${EPOCHS} epochs on PolNeAR train; dev token accuracy ${accuracy}`, scale, features, cues: lexicon });
mkdirSync(join(packageRoot(), 'data', 'models'), { recursive: true });
writeFileSync(join(packageRoot(), 'data', 'models', 'attribution.weights'), bytes);
process.stdout.write(`wrote data/models/attribution.weights: ${Object.keys(features).length} features, ${(bytes.length / 1048576).toFixed(2)} MiB; dev token accuracy ${accuracy}\n`);
