/**
 * Trains the dependency parser of the syntax stage: a greedy arc-hybrid parser with an averaged perceptron,
 * trained with the dynamic oracle (Goldberg and Nivre 2013, with exploration after the first epochs) on the
 * projective sentences of UD English-EWT train, its words tagged by the shipped tagger so that training sees
 * tags like those of run time. The move and the arc's relation are learned apart, each with its own features (the
 * relation on the arcs whose head is right). Reports UAS and LAS on EWT dev (settings were chosen there; EWT test
 * is not read). Writes `data/models/parser.tables`, weights pruned to keep the file small. Run: `npm run train:parser`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../src/data-dir.js';
import { attachmentScores, predictedTags } from '../eval/parser.js';
import { arcFeatures, configurationFeatures, MAX_ARC_FEATURES, MAX_FEATURES, parserSentence } from '../src/stages/syntax/features.js';
import { decodeParserModel, encodeParserModel } from '../src/stages/syntax/model-file.js';
import { Configuration, LEFT, MOVES, RIGHT, SHIFT } from '../src/stages/syntax/transitions.js';
import { isProjective, readConllu, type TreebankSentence } from '../src/stages/syntax/treebank.js';
import { KeyedPerceptron } from './lib/keyed-perceptron.js';
import { quantise } from './lib/perceptron.js';
import { pruneToBytes } from './lib/prune-weights.js';

/** Where the model is written (the package's data/models/parser.tables by default). */
const OUT = process.env['OUT'] ?? join(packageRoot(), 'data', 'models', 'parser.tables');
/** Where the unpruned model is written too, when set (for choosing the pruning). */
const FULL_OUT = process.env['FULL_OUT'];
const shared = process.env['WIREGRAPH_SHARED'] ?? join(packageRoot(), '..', 'shared');
const EPOCHS = Number(process.env['EPOCHS'] ?? 12);
/** From this epoch on, the parser follows its own move (when it is not the oracle's) with probability EXPLORE. */
const EXPLORE_FROM = Number(process.env['EXPLORE_FROM'] ?? 2);
const EXPLORE = Number(process.env['EXPLORE'] ?? 0.9);
/**
 * The size bound of what is kept, and the part of it the relation weights may take; the move weights get the rest.
 * Note: measured as the former weights file's bytes (scripts/lib/prune-weights.ts), a budget on the features kept; the
 * tables file those features make is a little larger (3.3 MiB for 118,173 move and 36,452 relation features).
 */
const MAX_BYTES = Number(process.env['MAX_BYTES'] ?? 3 * 1024 * 1024 - 64 * 1024);
const ARC_BYTES = Number(process.env['ARC_BYTES'] ?? 768 * 1024);
/** The most move features kept (their table's size is what parsing time depends on most). */
const MAX_MOVE_FEATURES = Number(process.env['MAX_MOVE_FEATURES'] ?? Infinity);

const ewt = (file: string): TreebankSentence[] => readConllu(join(shared, 'data', 'treebanks', 'UD_English-EWT', file));
const train = ewt('en_ewt-ud-train.conllu').filter((s) => isProjective(s.heads));
const dev = ewt('en_ewt-ud-dev.conllu');
const trainTags = predictedTags(train);
const devTags = predictedTags(dev);
const relations = [...new Set(train.flatMap((s) => s.relations))].sort();
const relationIndex = new Map(relations.map((r, i) => [r, i]));
const relationHashes = decodeParserModel(encodeParserModel({ generatedBy: '', relations, moves: {}, arcs: {}, moveScale: 1, relationScale: 1 }), 'empty').relationHashes;
const moves = new KeyedPerceptron(MOVES.length);
const arcs = new KeyedPerceptron(relations.length);
process.stdout.write(`${train.length} projective training sentences, ${relations.length} relations\n`);

// Note: a fixed sequence per run (a linear congruential one), so that the file is reproducible.
let seed = 7;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const keys = new Uint32Array(MAX_FEATURES);
const arcKeys = new Uint32Array(MAX_ARC_FEATURES);
const moveScores = new Float64Array(MOVES.length);
const relationScores = new Float64Array(relations.length);

/** Sums the live weights of the first n keys into `out`. */
function score(p: KeyedPerceptron, list: Uint32Array, n: number, out: Float64Array): void {
  out.fill(0);
  for (let k = 0; k < n; k++) {
    const row = p.row(list[k]!);
    if (row) for (let j = 0; j < out.length; j++) out[j]! += row[j]!;
  }
}

/** The best-scoring move among those `allowed`. */
function best(allowed: (move: number) => boolean): number {
  let move = -1;
  for (let m = 0; m < MOVES.length; m++) if (allowed(m) && (move < 0 || moveScores[m]! > moveScores[move]!)) move = m;
  return move;
}

/** Moves the first n keys' weights towards label `truth` and away from `guess`. */
function update(p: KeyedPerceptron, list: Uint32Array, n: number, truth: number, guess: number): void {
  for (let k = 0; k < n; k++) {
    p.update(list[k]!, truth, 1);
    p.update(list[k]!, guess, -1);
  }
}

/** Learns the relation of the arc `move` makes now (when its head is the gold one) and returns the relation to give it. */
function learnRelation(c: Configuration, sentence: ReturnType<typeof parserSentence>, move: number, gold: Int32Array, goldRelation: Int32Array): number {
  const dependent = c.stackAt(0);
  const head = move === LEFT ? c.bufferAt(0) : c.stackAt(1);
  const n = arcFeatures(c, sentence, relationHashes, move, arcKeys);
  score(arcs, arcKeys, n, relationScores);
  let guess = 0;
  for (let r = 1; r < relations.length; r++) if (relationScores[r]! > relationScores[guess]!) guess = r;
  if (gold[dependent] !== head) return guess;
  arcs.tick();
  const truth = goldRelation[dependent]!;
  if (guess !== truth) update(arcs, arcKeys, n, truth, guess);
  return truth;
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
    score(moves, keys, n, moveScores);
    const costs = MOVES.map((_, m) => (c.legal(m) ? c.cost(m, gold) : Infinity));
    const least = Math.min(...costs);
    const predicted = best((m) => c.legal(m));
    const oracle = best((m) => costs[m] === least);
    moves.tick();
    if (costs[predicted] !== least) {
      errors++;
      update(moves, keys, n, oracle, predicted);
    }
    const move = explore && costs[predicted] !== least && random() < EXPLORE ? predicted : oracle;
    c.apply(move, move === SHIFT ? -1 : learnRelation(c, sentence, move, gold, goldRelation));
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
  process.stdout.write(`epoch ${epoch}: ${errors} wrong moves, ${moves.size} move and ${arcs.size} relation features, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

// Note: only the differences between the moves' scores decide, so each move feature keeps LEFT's and RIGHT's weight less SHIFT's.
const moveWeights = new Map([...moves.averaged()].map(([key, row]) => [key.toString(36), [row[LEFT]! - row[SHIFT]!, row[RIGHT]! - row[SHIFT]!]]));
const movesQ = quantise(moveWeights);
const arcsQ = quantise(new Map([...arcs.averaged()].map(([key, row]) => [key.toString(36), row])));
const model = (m: Record<string, number[]>, a: Record<string, number[]>, generatedBy = ''): Buffer =>
  encodeParserModel({ generatedBy, relations, moves: m, arcs: a, moveScale: movesQ.scale, relationScale: arcsQ.scale });
const full = model(movesQ.features, arcsQ.features);
if (FULL_OUT) writeFileSync(FULL_OUT, full);
const fullScores = attachmentScores(decodeParserModel(full, 'parser.tables'), dev, devTags);
const arcsKept = pruneToBytes(arcsQ.features, ARC_BYTES, 1);
const movesKept = pruneToBytes(movesQ.features, MAX_BYTES - arcsKept.bytes, 0, MAX_MOVE_FEATURES);
const scores = attachmentScores(decodeParserModel(model(movesKept.kept, arcsKept.kept), 'parser.tables'), dev, devTags);
const figures = `EWT dev with predicted tags: UAS ${scores.uas.toFixed(4)}, LAS ${scores.las.toFixed(4)} (unpruned UAS ${fullScores.uas.toFixed(4)}, LAS ${fullScores.las.toFixed(4)})`;
const kept = `${movesKept.features} of ${Object.keys(movesQ.features).length} move features (weights under ${movesKept.threshold}/30000 of the largest pruned), ${arcsKept.features} of ${Object.keys(arcsQ.features).length} relation features (under ${arcsKept.threshold}/30000)`;
const bytes = model(movesKept.kept, arcsKept.kept, `scripts/train-parser.ts: arc-hybrid, averaged perceptron, dynamic oracle, ${EPOCHS} epochs on UD EWT train (projective sentences, the shipped tagger's tags); ${kept}; ${figures}`);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, bytes);
process.stdout.write(`wrote ${OUT}: ${kept}, ${(bytes.length / 1048576).toFixed(2)} MiB; ${figures}; ${Math.round(scores.tokensPerSecond)} tokens/s\n`);
