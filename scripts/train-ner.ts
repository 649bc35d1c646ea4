/**
 * Trains the name recogniser: an averaged perceptron over BILOU labels with greedy, constrained decoding,
 * from CoNLL-2003 `eng.train`, and reports conlleval F1 on `eng.testa` (the development set) after each epoch.
 * Writes `data/models/ner.weights` (the binary weights format of src/pipeline/weights.ts).
 * Run: `npm run train:ner` (reads ../shared/data/conll2003, data/kb.bin for the gazetteer and data/lexicon/clusters.tsv.gz).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/data-dir.js';
import { newDocContext, remember, staticFeatures, withHistory, type FeatureLexicons } from '../src/stages/entities/ner/features.js';
import { decodeClusters } from '../src/stages/entities/ner/clusters.js';
import { readConll, type ConllSentence } from '../src/stages/entities/ner/conll.js';
import { iob1ToBilou, LABELS } from '../src/stages/entities/ner/labels.js';
import { tagDocument } from '../src/stages/entities/ner/document.js';
import { bestAllowed, score, type NerModel, type Weights } from '../src/stages/entities/ner/model.js';
import { encodeNerModel } from '../src/stages/entities/ner/model-file.js';
import { conllEval } from '../eval/conlleval.js';
import { loadGazetteer } from './lib/gazetteer.js';
import { AveragedPerceptron, quantise } from './lib/perceptron.js';

const shared = process.env['WIREGRAPH_SHARED'] ?? join(packageRoot(), '..', 'shared');
const EPOCHS = Number(process.env['EPOCHS'] ?? 20);

const train = readConll(join(shared, 'data/conll2003/eng.train'));
const dev = readConll(join(shared, 'data/conll2003/eng.testa'));
const gazetteer = loadGazetteer(join(packageRoot(), 'data', 'kb.bin'));
const lowercase = lowercaseLexicon(train);
const clustersPath = join(packageRoot(), 'data', 'lexicon', 'clusters.tsv.gz');
// Note: CLUSTERS=0 trains without the word clusters, to measure what they add.
const clusters = process.env['CLUSTERS'] !== '0' && existsSync(clustersPath) ? decodeClusters(readFileSync(clustersPath), clustersPath) : undefined;
const lexicons: FeatureLexicons = { lowercase, ...(gazetteer ? { gazetteer } : {}), ...(clusters ? { clusters } : {}) };

/** Words seen in lower case in the running text of the training set. */
function lowercaseLexicon(docs: ConllSentence[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const s of doc) s.words.forEach((w, i) => {
    if (i > 0 && /^\p{Ll}/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  });
  return new Set([...counts].filter(([, n]) => n >= 2).map(([w]) => w));
}

const perceptron = new AveragedPerceptron(LABELS.length);

/** The averaged weights, as the recogniser reads them. */
function averaged(): Weights {
  return new Map([...perceptron.averaged()].map(([f, a]) => [f, Float32Array.from(a)]));
}

function trainDocument(doc: readonly ConllSentence[]): void {
  const context = newDocContext(doc.map((s) => s.words));
  const scores = new Float64Array(LABELS.length);
  for (const sentence of doc) {
    const gold = iob1ToBilou(sentence.tags);
    const statics = staticFeatures(sentence.words, lexicons, context);
    const labels: string[] = [];
    const guesses: string[] = [];
    for (let i = 0; i < sentence.words.length; i++) {
      perceptron.tick();
      const prev = labels[i - 1] ?? 'O';
      const features = withHistory(statics[i]!, sentence.words[i]!, prev, labels[i - 2] ?? 'O');
      score(perceptron.weights, features, scores);
      const guess = bestAllowed(scores, prev, i === sentence.words.length - 1);
      const truth = LABELS.indexOf(gold[i]!);
      guesses.push(LABELS[guess]!);
      if (guess !== truth) {
        for (const f of features) {
          perceptron.update(f, truth, 1);
          perceptron.update(f, guess, -1);
        }
      }
      // Note: the next token sees the gold label when it is a legal successor, so early mistakes do not
      // derail a whole sentence during training; at run time the history is the model's own.
      labels.push(LABELS[truth]!);
    }
    // Note: later sentences see the types the model guessed here, not the gold ones, as at run time: a history
    // of gold types taught the model to trust it too much (testa 0.9075 with gold, 0.9099 with guesses).
    guesses.forEach((label, i) => {
      if (label !== 'O' && /^\p{Lu}/u.test(sentence.words[i]!)) remember(context, sentence.words[i]!, label.slice(2));
    });
  }
}

function evaluate(model: NerModel, docs: ConllSentence[][]): ReturnType<typeof conllEval> {
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const doc of docs) {
    gold.push(...doc.map((s) => iob1ToBilou(s.tags)));
    predicted.push(...tagDocument(model, doc.map((s) => s.words)));
  }
  return conllEval(gold, predicted);
}

let seed = 42;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const order = train.map((_, i) => i);
let best = { f1: 0, epoch: 0, weights: new Map() as Weights };
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const started = performance.now();
  for (const i of order) trainDocument(train[i]!);
  const model: NerModel = { weights: averaged(), lexicons };
  const result = evaluate(model, dev);
  process.stdout.write(`epoch ${epoch}: testa F1 ${result.overall.f1.toFixed(4)} (P ${result.overall.precision.toFixed(4)}, R ${result.overall.recall.toFixed(4)}), ${model.weights.size} features, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (result.overall.f1 > best.f1) best = { f1: result.overall.f1, epoch, weights: model.weights };
}

const { scale, features } = quantise(best.weights);
const bytes = encodeNerModel({
  generatedBy: `scripts/train-ner.ts: averaged perceptron, ${best.epoch} epochs on eng.train, testa F1 ${best.f1.toFixed(4)}`,
  scale,
  lowercase: [...lowercase].sort(),
  clusters: clusters !== undefined,
  features,
});
mkdirSync(join(packageRoot(), 'data', 'models'), { recursive: true });
const out = join(packageRoot(), 'data', 'models', 'ner.weights');
writeFileSync(out, bytes);
process.stdout.write(`wrote ${out}: ${Object.keys(features).length} features, ${(bytes.length / 1048576).toFixed(2)} MiB; best epoch ${best.epoch}, testa F1 ${best.f1.toFixed(4)}\n`);
