/**
 * Trains the part-of-speech tagger the event coder reads: a greedy averaged perceptron over Penn Treebank tags,
 * from the POS column of CoNLL-2003 `eng.train` (Reuters news) and the XPOS column of UD English-EWT train (web
 * text), reporting token accuracy on CoNLL `eng.testa` and EWT dev.
 * Writes `data/models/pos.weights` (the binary weights format of src/pipeline/weights.ts). Run: `npm run train:pos` (reads ../shared/data/conll2003).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/data-dir.js';
import { conllPosSentences, conlluPosSentences } from '../eval/pos.js';
import { staticFeatures, tagFeatures } from '../src/stages/syntax/pos/features.js';
import { encodePosModel, posModel, tagPos } from '../src/stages/syntax/pos/model.js';
import { AveragedPerceptron, quantise } from './lib/perceptron.js';

const shared = process.env['WIREGRAPH_SHARED'] ?? join(packageRoot(), '..', 'shared');
const EPOCHS = Number(process.env['EPOCHS'] ?? 8);
const MIN_COUNT = Number(process.env['MIN_COUNT'] ?? 20);
const MIN_SHARE = Number(process.env['MIN_SHARE'] ?? 0.97);

interface Tagged {
  readonly words: string[];
  readonly tags: string[];
}

const conll = (file: string): Tagged[] => conllPosSentences(join(shared, 'data', 'conll2003', file));
const ewt = (file: string): Tagged[] => conlluPosSentences(join(shared, 'data', 'treebanks', 'UD_English-EWT', file));
const train = [...conll('eng.train'), ...ewt('en_ewt-ud-train.conllu')];
const dev = conll('eng.testa');
const ewtDev = ewt('en_ewt-ud-dev.conllu');
const tags = [...new Set(train.flatMap((s) => s.tags))].sort();
// Note: as in Honnibal's tagger, a word seen 20 times or more with one tag at least 97% of the time is tagged from
// a table, neither scored nor trained on: it is right almost always and costs nothing.
const counts = new Map<string, Map<string, number>>();
for (const s of train) s.words.forEach((w, i) => {
  const byTag = counts.get(w) ?? new Map<string, number>();
  byTag.set(s.tags[i]!, (byTag.get(s.tags[i]!) ?? 0) + 1);
  counts.set(w, byTag);
});
const unambiguous = new Map<string, string>();
for (const [w, byTag] of counts) {
  const total = [...byTag.values()].reduce((a, b) => a + b, 0);
  const [tag, n] = [...byTag].sort((a, b) => b[1] - a[1])[0]!;
  if (total >= MIN_COUNT && n / total >= MIN_SHARE) unambiguous.set(w, tag);
}
const perceptron = new AveragedPerceptron(tags.length);
// Note: a fixed shuffle per epoch (a linear congruential sequence), so that the file is reproducible.
let seed = 7;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const order = train.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const index of order) {
    const s = train[index]!;
    const statics = staticFeatures(s);
    const guesses: string[] = [];
    for (let i = 0; i < s.words.length; i++) {
      const known = unambiguous.get(s.words[i]!);
      if (known) {
        guesses.push(known);
        continue;
      }
      const features = [...statics[i]!, ...tagFeatures(s.words[i]!.toLowerCase(), guesses[i - 1] ?? '<s>', guesses[i - 2] ?? '<s>')];
      const guess = perceptron.learn(features, tags.indexOf(s.tags[i]!));
      // Note: the history features see the tagger's own guesses, as at run time.
      guesses.push(tags[guess]!);
    }
  }
  process.stdout.write(`epoch ${epoch} done\n`);
}
const { scale, features } = quantise(perceptron.averaged());
const restored = new Map(Object.entries(features).map(([f, pairs]) => {
  const w = new Float64Array(tags.length);
  for (let i = 0; i < pairs.length; i += 2) w[pairs[i]!] = pairs[i + 1]! * scale;
  return [f, w] as const;
}));
const model = posModel(tags, restored, unambiguous);
const accuracyOn = (set: readonly Tagged[]): string => {
  let right = 0;
  let total = 0;
  for (const s of set) tagPos(model, s).forEach((t, i) => { total++; if (t === s.tags[i]) right++; });
  return (right / total).toFixed(4);
};
const accuracy = `${accuracyOn(dev)}, EWT dev ${accuracyOn(ewtDev)}`;
const bytes = encodePosModel({ generatedBy: `scripts/train-pos.ts: averaged perceptron, ${EPOCHS} epochs on CoNLL-2003 eng.train POS and UD EWT train XPOS; token accuracy on eng.testa ${accuracy}`, tags, unambiguous: Object.fromEntries(unambiguous), scale, features });
mkdirSync(join(packageRoot(), 'data', 'models'), { recursive: true });
writeFileSync(join(packageRoot(), 'data', 'models', 'pos.weights'), bytes);
process.stdout.write(`wrote data/models/pos.weights: ${Object.keys(features).length} features, ${unambiguous.size} unambiguous words, ${(bytes.length / 1048576).toFixed(2)} MiB; testa token accuracy ${accuracy}\n`);
