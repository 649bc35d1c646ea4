/**
 * Trains the attribution tagger: an averaged perceptron labelling each token O, SRC, CUE or CON, from PolNeAR
 * `train`, reporting token accuracy on `dev`. Writes `data/models/attribution.weights` (the binary weights format of src/pipeline/weights.ts).
 * Run: `npm run train:attribution` (reads ../shared/data/polnear).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBrat } from '../eval/polnear.js';
import { createArticle } from '../src/article/article.js';
import { EMPTY_META } from '../src/article/meta.js';
import { packageRoot } from '../src/data-dir.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { ATTRIBUTION_LABELS, labelFeatures, tokenFeatures, type TaggerDocument } from '../src/stages/quotes/tagger/features.js';
import { encodeTagger } from '../src/stages/quotes/tagger/model.js';
import { AveragedPerceptron, quantise } from './lib/perceptron.js';

const shared = process.env['WIREGRAPH_SHARED'] ?? join(packageRoot(), '..', 'shared');
const EPOCHS = Number(process.env['EPOCHS'] ?? 6);
const segment = createPipeline([segmentStage]);

/** Reads a PolNeAR split into tagger documents with gold labels. */
function load(split: string): Array<TaggerDocument & { labels: string[] }> {
  const folder = join(shared, 'data', 'polnear', 'data', split);
  return readdirSync(join(folder, 'attributions')).filter((f) => f.endsWith('.ann')).sort().map((file) => {
    const text = readFileSync(join(folder, 'text', file.replace(/(?:_[0-9a-f]{4})?\.ann$/u, '.txt')), 'utf8');
    const gold = readBrat(readFileSync(join(folder, 'attributions', file), 'utf8'));
    const article = segment.run(createArticle(text, { ...EMPTY_META, language: 'en' }));
    const tokens = article.layers.tokens ?? [];
    const quotations = (article.layers.quotations ?? []).filter((q) => q.closed);
    const labels = tokens.map(() => 'O');
    for (const g of gold) {
      for (const [role, spans] of [['CON', g.content], ['CUE', g.cue], ['SRC', g.source]] as const) {
        for (const s of spans) tokens.forEach((t, i) => { if (t.start >= s.start && t.end <= s.end) labels[i] = role; });
      }
    }
    return {
      words: tokens.map((t) => text.slice(t.start, t.end)),
      sentence: tokens.map((t) => t.sentence),
      inQuote: tokens.map((t) => quotations.some((q) => t.start > q.start && t.end < q.end)),
      labels,
    };
  });
}

const perceptron = new AveragedPerceptron(ATTRIBUTION_LABELS.length);

const train = load('train');
const dev = load('dev');
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (const doc of train) {
    const statics = tokenFeatures(doc);
    for (let i = 0; i < doc.words.length; i++) {
      const features = [...statics[i]!, ...labelFeatures(doc.words[i]!, doc.inQuote[i]!, doc.labels[i - 1] ?? 'O', doc.labels[i - 2] ?? 'O')];
      perceptron.learn(features, ATTRIBUTION_LABELS.indexOf(doc.labels[i] as (typeof ATTRIBUTION_LABELS)[number]));
    }
  }
  process.stdout.write(`epoch ${epoch} done\n`);
}
const averaged = perceptron.averaged();
const { tagAttributions } = await import('../src/stages/quotes/tagger/model.js');
let right = 0;
let total = 0;
for (const doc of dev) {
  const tags = tagAttributions(averaged, doc);
  tags.forEach((t, i) => { total++; if (t === doc.labels[i]) right++; });
}
const { scale, features } = quantise(averaged);
const bytes = encodeTagger({ generatedBy: `scripts/train-attribution.ts: averaged perceptron, ${EPOCHS} epochs on PolNeAR train; dev token accuracy ${(right / total).toFixed(4)}`, scale, features });
mkdirSync(join(packageRoot(), 'data', 'models'), { recursive: true });
writeFileSync(join(packageRoot(), 'data', 'models', 'attribution.weights'), bytes);
process.stdout.write(`wrote data/models/attribution.weights: ${Object.keys(features).length} features, ${(bytes.length / 1048576).toFixed(2)} MiB; dev token accuracy ${(right / total).toFixed(4)}\n`);
