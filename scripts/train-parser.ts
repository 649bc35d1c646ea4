/**
 * Trains the dependency parser of the syntax stage: a greedy arc-hybrid parser with an averaged perceptron,
 * trained with the dynamic oracle (Goldberg and Nivre 2013, with exploration after the first epochs) on the
 * projective sentences of UD English-EWT train, its words tagged by the shipped tagger so that training sees
 * tags like those of run time. Reports UAS and LAS on EWT dev (settings were chosen there; EWT test is not read).
 * Writes `data/models/parser.weights`, weights pruned to keep the file small. Run: `npm run train:parser`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../src/data-dir.js';
import { attachmentScores, predictedTags } from '../eval/parser.js';
import { configurationFeatures, MAX_FEATURES, parserSentence } from '../src/stages/syntax/features.js';
import { decodeParserModel, encodeParserModel } from '../src/stages/syntax/model-file.js';
import { parserModel } from '../src/stages/syntax/parser.js';
import { Configuration, LEFT, MOVES, SHIFT } from '../src/stages/syntax/transitions.js';
import { isProjective, readConllu, type TreebankSentence } from '../src/stages/syntax/treebank.js';
import { KeyedPerceptron } from './lib/keyed-perceptron.js';
import { quantise } from './lib/perceptron.js';

/** Where the model is written (the package's data/models/parser.weights by default). */
const OUT = process.env['OUT'] ?? join(packageRoot(), 'data', 'models', 'parser.weights');
const shared = process.env['WIREGRAPH_SHARED'] ?? join(packageRoot(), '..', 'shared');
const EPOCHS = Number(process.env['EPOCHS'] ?? 12);
/** From this epoch on, the parser follows its own move (when it is not the oracle's) with probability EXPLORE. */
const EXPLORE_FROM = Number(process.env['EXPLORE_FROM'] ?? 2);
const EXPLORE = Number(process.env['EXPLORE'] ?? 0.9);
/** The file's size bound: the smallest pruning threshold (in quantised units) that fits is used. */
const MAX_BYTES = Number(process.env['MAX_BYTES'] ?? 3 * 1024 * 1024 - 64 * 1024);

const ewt = (file: string): TreebankSentence[] => readConllu(join(shared, 'data', 'treebanks', 'UD_English-EWT', file));
const train = ewt('en_ewt-ud-train.conllu').filter((s) => isProjective(s.heads));
const dev = ewt('en_ewt-ud-dev.conllu');
const trainTags = predictedTags(train);
const devTags = predictedTags(dev);
const relations = [...new Set(train.flatMap((s) => s.relations))].sort();
const relationIndex = new Map(relations.map((r, i) => [r, i]));
const relationHashes = parserModel(relations, []).relationHashes;
const width = MOVES.length + relations.length;
const perceptron = new KeyedPerceptron(width);
process.stdout.write(`${train.length} projective training sentences, ${relations.length} relations\n`);

// Note: a fixed sequence per run (a linear congruential one), so that the file is reproducible.
let seed = 7;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const keys = new Uint32Array(MAX_FEATURES);
const moveScores = new Float64Array(width);

/** Sums the live weights of the first n keys into `moveScores`. */
function score(n: number): void {
  moveScores.fill(0);
  for (let k = 0; k < n; k++) {
    const row = perceptron.row(keys[k]!);
    if (row) for (let j = 0; j < width; j++) moveScores[j]! += row[j]!;
  }
}

/** The best-scoring move among those `allowed`. */
function best(allowed: (move: number) => boolean): number {
  let move = -1;
  for (let m = 0; m < MOVES.length; m++) if (allowed(m) && (move < 0 || moveScores[m]! > moveScores[move]!)) move = m;
  return move;
}

/** Moves the first n keys' weights towards label `truth` and away from `guess`. */
function update(n: number, truth: number, guess: number): void {
  for (let k = 0; k < n; k++) {
    perceptron.update(keys[k]!, truth, 1);
    perceptron.update(keys[k]!, guess, -1);
  }
}

/** Trains on one sentence; returns how many of its moves the model got wrong. */
function learnSentence(s: TreebankSentence, tags: readonly string[], explore: boolean): number {
  const sentence = parserSentence(s.words, tags);
  const gold = Int32Array.from([0, ...s.heads.map((h) => h + 1)]);
  const goldRelation = Int32Array.from([-1, ...s.relations.map((r) => relationIndex.get(r)!)]);
  const c = new Configuration(s.words.length);
  let errors = 0;
  while (!c.done) {
    const n = configurationFeatures(c, sentence, relationHashes, keys);
    score(n);
    const costs = MOVES.map((_, m) => (c.legal(m) ? c.cost(m, gold) : Infinity));
    const least = Math.min(...costs);
    const predicted = best((m) => c.legal(m));
    const oracle = best((m) => costs[m] === least);
    perceptron.tick();
    if (costs[predicted] !== least) {
      errors++;
      update(n, oracle, predicted);
    }
    const move = explore && costs[predicted] !== least && random() < EXPLORE ? predicted : oracle;
    let relation = -1;
    if (move !== SHIFT) {
      const dependent = c.stackAt(0);
      const head = move === LEFT ? c.bufferAt(0) : c.stackAt(1);
      let guess = 0;
      for (let r = 1; r < relations.length; r++) if (moveScores[MOVES.length + r]! > moveScores[MOVES.length + guess]!) guess = r;
      relation = guess;
      if (gold[dependent] === head) {
        relation = goldRelation[dependent]!;
        if (guess !== relation) update(n, MOVES.length + relation, MOVES.length + guess);
      }
    }
    c.apply(move, relation);
  }
  return errors;
}

for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const order = train.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const started = performance.now();
  let errors = 0;
  for (const i of order) errors += learnSentence(train[i]!, trainTags[i]!, epoch >= EXPLORE_FROM);
  process.stdout.write(`epoch ${epoch}: ${errors} wrong moves, ${perceptron.size} features, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const averaged = perceptron.averaged();
const full = attachmentScores(parserModel(relations, averaged), dev, devTags);
const { scale, features } = quantise(new Map([...averaged].map(([key, row]) => [key.toString(36), row])));
const fileBytes = (threshold: number): number => {
  let bytes = 0;
  for (const [name, pairs] of Object.entries(features)) {
    let kept = 0;
    for (let k = 1; k < pairs.length; k += 2) if (Math.abs(pairs[k]!) >= threshold) kept++;
    if (kept > 0) bytes += Buffer.byteLength(name) + 8 + kept * 3;
  }
  return bytes;
};
let threshold = 1;
while (fileBytes(threshold) > MAX_BYTES) threshold = Math.ceil(threshold * 1.25);
const pruned: Record<string, number[]> = {};
for (const [name, pairs] of Object.entries(features)) {
  const kept: number[] = [];
  for (let k = 0; k < pairs.length; k += 2) if (Math.abs(pairs[k + 1]!) >= threshold) kept.push(pairs[k]!, pairs[k + 1]!);
  if (kept.length > 0) pruned[name] = kept;
}
const draft = encodeParserModel({ generatedBy: '', relations, scale, features: pruned });
const scores = attachmentScores(decodeParserModel(draft, 'parser.weights'), dev, devTags);
const figures = `EWT dev with predicted tags: UAS ${scores.uas.toFixed(4)}, LAS ${scores.las.toFixed(4)} (unpruned UAS ${full.uas.toFixed(4)}, LAS ${full.las.toFixed(4)})`;
const bytes = encodeParserModel({ generatedBy: `scripts/train-parser.ts: arc-hybrid, averaged perceptron, dynamic oracle, ${EPOCHS} epochs on UD EWT train (projective sentences, the shipped tagger's tags); weights under ${threshold}/30000 of the largest pruned; ${figures}`, relations, scale, features: pruned });
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, bytes);
process.stdout.write(`wrote ${OUT}: ${Object.keys(pruned).length} of ${Object.keys(features).length} features, ${(bytes.length / 1048576).toFixed(2)} MiB; ${figures}; ${Math.round(scores.tokensPerSecond)} tokens/s\n`);
