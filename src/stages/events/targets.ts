import { WiregraphError } from '../../errors.js';
import { stem } from './plover/features.js';
import type { ActorGroup } from './sentence.js';
import type { SentenceTree } from './syntax-args.js';

/**
 * Choosing a predicate's target among what its parse offers: a learned linear ranker over the candidates'
 * features (how the parse reaches them, what they are, how far they stand), trained on PLV `train`
 * (`scripts/train-targets.ts`, cross-validated in `npm run eval`).
 *
 * Note: the fixed order it replaces (an entity anywhere under the object first, then the object's phrase) picked
 * `Pakistan` in `condemned the terrorist attack on a church in Pakistan's city of Quetta`, where PLV's annotators,
 * like a reader, take `the terrorist attack`: which of the two is meant depends on the verb, the nouns and the
 * prepositions, which a ranker weighs and an order cannot.
 */

/** One way the parse offers to name a predicate's target. */
export interface TargetCandidate {
  readonly group: ActorGroup;
  /** How the parse reaches it from the predicate: `obj`, `obl:against`, `obj>nmod:of`, `xcomp>obj`. */
  readonly reach: string;
  /**
   * `holding`: an actor group holding the argument's head word; `inside`: one within its phrase; `phrase`: the phrase
   * itself; `mutual`: no target, the coordinated sources acting on each other (`Trump and Putin agreed`).
   */
  readonly kind: 'holding' | 'inside' | 'phrase' | 'mutual';
  /** The argument's head word (token index in the sentence). */
  readonly head: number;
}

/** What a chooser reads of a sentence besides the candidates. */
export interface TargetContext {
  readonly lower: readonly string[];
  readonly tags: readonly string[];
  readonly tree: SentenceTree;
  /** The predicate's token index. */
  readonly predicate: number;
  readonly source: ActorGroup | null;
}

/** Decides which of a predicate's target candidates (never empty) is its target; returns its index. */
export interface TargetChooser {
  choose(candidates: readonly TargetCandidate[], context: TargetContext): number;
}

/** The model file's format (`data/events/targets.json`). */
export const TARGETS_FORMAT = 'wiregraph-targets/1';

/** A learned ranker's weights as its file holds them. */
export interface TargetModel {
  readonly format: string;
  readonly generatedBy: string;
  readonly weights: Readonly<Record<string, number>>;
}

const bucket = (n: number): string => (n <= 1 ? String(n) : n <= 3 ? '2-3' : n <= 6 ? '4-6' : n <= 12 ? '7-12' : '13+');

/** The features of one candidate: strings, each weighed by the ranker. */
export function targetFeatures(c: TargetCandidate, order: number, ctx: TargetContext): string[] {
  const { lower, tags, predicate } = ctx;
  const actor = c.group.actors[0]!;
  const code = actor.code === '---' ? (actor.entity ? 'entity' : 'none') : /^[A-Z]{3}$/u.test(actor.code) ? 'country' : 'coded';
  const verb = stem(lower[predicate]!);
  const head = lower[c.head]!;
  const outer = c.reach.split('>')[0]!;
  return [
    'bias',
    `r=${c.reach}`,
    `k=${c.kind}`,
    `kr=${c.kind}|${c.reach}`,
    `c=${code}`,
    `ck=${code}|${c.kind}`,
    `o=${Math.min(order, 4)}`,
    `t=${tags[c.head]!.slice(0, 3)}`,
    `h=${head}`,
    `hr=${head}|${outer}`,
    `vr=${verb}|${c.reach}`,
    `vk=${verb}|${c.kind}`,
    `d=${bucket(Math.abs(c.head - predicate))}`,
    `side=${c.head < predicate ? 'before' : 'after'}`,
    `w=${bucket(c.group.to - c.group.from + 1)}`,
  ];
}

/** A linear ranker: each candidate's score is the sum of its features' weights; the best wins, the earliest on a tie. */
export function linearTargetRanker(weights: ReadonlyMap<string, number>): TargetChooser {
  return {
    choose(candidates, context) {
      let best = 0;
      let bestScore = -Infinity;
      candidates.forEach((c, i) => {
        let score = 0;
        for (const f of targetFeatures(c, i, context)) score += weights.get(f) ?? 0;
        if (score > bestScore) {
          best = i;
          bestScore = score;
        }
      });
      return best;
    },
  };
}

/**
 * Reads the ranker's file.
 * @throws WiregraphError `WG_MODEL_FORMAT` when it is not a target model this version reads
 */
export function decodeTargetModel(bytes: Uint8Array, name: string): TargetChooser {
  let model: TargetModel;
  try {
    model = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as TargetModel;
  } catch (e) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} is not JSON (${(e as Error).message}); run npm run train:targets.`);
  }
  if (model?.format !== TARGETS_FORMAT || typeof model.weights !== 'object' || model.weights === null) {
    throw new WiregraphError('WG_MODEL_FORMAT', `${name} is not a ${TARGETS_FORMAT} model; run npm run train:targets.`);
  }
  return linearTargetRanker(new Map(Object.entries(model.weights)));
}

/** One predicate as training sees it: its candidates' features and which of them name the gold target. */
export interface TargetInstance {
  readonly features: readonly (readonly string[])[];
  readonly right: readonly boolean[];
}

/**
 * Trains the ranker's weights: an averaged perceptron over the predicates that have a right candidate; on a wrong
 * choice, the best-scoring right candidate's features gain and the chosen one's lose.
 */
export function trainTargetWeights(instances: readonly TargetInstance[], epochs = 10): Map<string, number> {
  const weights = new Map<string, number>();
  const totals = new Map<string, number>();
  const stamps = new Map<string, number>();
  let clock = 0;
  const score = (fs: readonly string[]): number => fs.reduce((sum, f) => sum + (weights.get(f) ?? 0), 0);
  const add = (f: string, delta: number): void => {
    const w = weights.get(f) ?? 0;
    totals.set(f, (totals.get(f) ?? 0) + w * (clock - (stamps.get(f) ?? 0)));
    stamps.set(f, clock);
    weights.set(f, w + delta);
  };
  const usable = instances.filter((x) => x.right.some(Boolean) && x.right.some((r) => !r));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const x of usable) {
      clock++;
      const scores = x.features.map(score);
      const chosen = scores.indexOf(Math.max(...scores));
      if (x.right[chosen]) continue;
      let gold = -1;
      x.right.forEach((r, i) => {
        if (r && (gold < 0 || scores[i]! > scores[gold]!)) gold = i;
      });
      for (const f of x.features[gold]!) add(f, 1);
      for (const f of x.features[chosen]!) add(f, -1);
    }
  }
  const averaged = new Map<string, number>();
  for (const [f, w] of weights) {
    const total = (totals.get(f) ?? 0) + w * (clock - (stamps.get(f) ?? 0));
    const mean = Math.round((total / Math.max(clock, 1)) * 1000) / 1000;
    if (mean !== 0) averaged.set(f, mean);
  }
  return averaged;
}
