/**
 * The PLOVER rows of `npm run eval` alone, for trying the typer and the coder quickly: type accuracy given the gold
 * dyad (5-fold CV on PLV `train`), and with `--product` the product path with the fold's typer and target ranker.
 * Usage: node dist/eval/plover-cv.js [--fast] [--confusion] [--product]; `--fast` leaves the typers uncalibrated.
 */
import { sharedPath } from './shared.js';
import { foldTypers, plvCandidates, productEvents, typeAccuracy, confusionLines, typerInputs, writtenExamples } from './plover.js';
import { foldTargetRankers, targetInstances } from './plover-targets.js';

const path = sharedPath('data', 'plover-plv', 'PLV_train.tsv');
if (!path) {
  process.stdout.write('skipped: ../shared/data/plover-plv/PLV_train.tsv is absent\n');
} else {
  const t0 = Date.now();
  const { sentences, candidates } = plvCandidates(path);
  const written = writtenExamples().map(typerInputs().label);
  const typers = foldTypers(candidates, written, !process.argv.includes('--fast'));
  const a = typeAccuracy(candidates, typers);
  process.stdout.write(`type given the gold dyad ${(a.right / a.n).toFixed(3)} (n=${a.n}, NONE first ${a.none}) [${Date.now() - t0} ms]\n`);
  if (process.argv.includes('--confusion')) for (const line of confusionLines(a.confusion)) process.stdout.write(`${line}\n`);
  if (process.argv.includes('--product')) {
    const rankers = foldTargetRankers(targetInstances(sentences, typers));
    const p = productEvents(sentences, typers, rankers);
    const n = p.sentences;
    process.stdout.write(`product: fully right ${(p.fullyRight / n).toFixed(3)}, dyad on one event ${(p.dyadFound / n).toFixed(3)}, type among events ${(p.typeFound / n).toFixed(3)}, events/sentence ${(p.events / n).toFixed(3)} [${Date.now() - t0} ms]\n`);
  }
}
