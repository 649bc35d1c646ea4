/**
 * The target ranker's training data and its cross-validation on PLV `train`: each PLV sentence runs through the
 * product path (`extractSource`, as `wiregraph extract` does), and every predicate whose source is the gold source
 * gives one training instance, its target candidates labelled by whether they name the gold target.
 */
import { stagesWithEvents } from '../src/pipeline/default.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { unmark, type MarkedSentence } from '../src/stages/events/plover/examples.js';
import type { PloverTyper } from '../src/stages/events/plover/typer.js';
import { linearTargetRanker, targetFeatures, trainTargetWeights, type TargetChooser, type TargetInstance } from '../src/stages/events/targets.js';
import { FOLDS, foldOf } from './plover.js';
import { extractText } from './product.js';

type Range = { start: number; end: number };
const overlaps = (a: Range, b: Range | null): boolean => b !== null && a.start < b.end && b.start < a.end;

/**
 * The training instances of each PLV sentence (by the sentence's place), from the product path with the fold's
 * typer and the fixed order of preference choosing (so what is recorded does not depend on a ranker).
 */
export function targetInstances(sentences: readonly MarkedSentence[], typers: readonly PloverTyper[]): TargetInstance[][] {
  type Recorded = { features: string[][]; targets: Range[][]; source: Range[] };
  let recorded: Recorded[] = [];
  const recorder: TargetChooser = {
    choose(candidates, context) {
      recorded.push({ features: candidates.map((c, i) => targetFeatures(c, i, context)), targets: candidates.map((c) => [...c.group.actors]), source: [...(context.source?.actors ?? [])] });
      return 0;
    },
  };
  const pipelines = typers.map((typer) => createPipeline(stagesWithEvents({ ploverTyper: typer, targetRanker: recorder })));
  return sentences.map((m, k) => {
    recorded = [];
    const gold = unmark(m.marked);
    const { toInput } = extractText(gold.text, { pipeline: pipelines[foldOf(k)]! });
    const at = (r: Range): Range => ({ start: toInput(r.start), end: toInput(r.end) });
    if (!gold.target) return [];
    return recorded
      .filter((x) => x.source.some((a) => overlaps(at(a), gold.source)))
      .map((x) => ({ features: x.features, right: x.targets.map((actors) => actors.some((a) => overlaps(at(a), gold.target))) }));
  });
}

/** A ranker per fold, each trained on the other folds' instances. */
export function foldTargetRankers(instances: readonly TargetInstance[][]): TargetChooser[] {
  return Array.from({ length: FOLDS }, (_, f) => linearTargetRanker(trainTargetWeights(instances.filter((_, k) => foldOf(k) !== f).flat())));
}
