import type { WordClusters } from '../../entities/ner/clusters.js';
import type { PloverEntry } from '../dictionaries/plover.js';
import { ploverFeatures, type PloverCandidate } from './features.js';
import { stem } from './stem.js';
import { NONE, type PloverLabel } from './labels.js';
import { probabilities, scoreFeatures, type PloverModel } from './model.js';

/** The learned PLOVER typer: a model, and the CAMEO-to-PLOVER table and word clusters its features read. */
export interface PloverTyper {
  readonly model: PloverModel;
  readonly table: Readonly<Record<string, PloverEntry>>;
  /** The recogniser's word clusters, or null for a model trained without them. */
  readonly clusters: WordClusters | null;
}

/** What the typer decides for one candidate predicate. */
export interface PloverDecision {
  /** The most probable label: an event type, or NONE for a predicate that is no event. */
  readonly label: PloverLabel;
  /** The probability of `label`. */
  readonly confidence: number;
  /** The most probable event type (never NONE), for when the predicate is known to be an event. */
  readonly type: PloverLabel;
  /** The probability of `type`. */
  readonly typeConfidence: number;
}

/** A typer over a model, the CAMEO-to-PLOVER table and (for a model trained with them) the word clusters. */
export function createPloverTyper(model: PloverModel, table: Readonly<Record<string, PloverEntry>>, clusters: WordClusters | null = null): PloverTyper {
  return { model, table, clusters };
}

/** Types one candidate predicate; its probabilities come from the model's calibrated softmax. */
export function typeCandidate(typer: PloverTyper, candidate: PloverCandidate): PloverDecision {
  const { model } = typer;
  const p = probabilities(scoreFeatures(model, ploverFeatures(candidate, typer.table, typer.clusters)), model.temperature);
  let best = 0;
  let bestType = -1;
  for (let l = 0; l < p.length; l++) {
    if (p[l]! > p[best]!) best = l;
    if (model.labels[l] !== NONE && (bestType < 0 || p[l]! > p[bestType]!)) bestType = l;
  }
  return { label: model.labels[best]!, confidence: p[best]!, type: model.labels[bestType]!, typeConfidence: p[bestType]! };
}

/**
 * True when a decision makes an event: NONE is not sure (see {@link NONE_CERTAINTY}) and the best type's
 * confidence reaches the threshold.
 * @param threshold - the least confidence an event is kept at (0 keeps every typed event)
 */
export function isEvent(decision: PloverDecision, threshold = 0): boolean {
  // Note: a predicate is taken for no event only when the typer is sure of it; an unsure NONE keeps the best type.
  if (decision.label === NONE && decision.confidence >= NONE_CERTAINTY) return false;
  return decision.typeConfidence >= threshold;
}

/** Per model, whether each word (lower-cased) is a trigger it has seen: its stem has a `v=` feature. */
const triggers = new WeakMap<PloverModel, Map<string, boolean>>();
/** The model asked last and its words, ahead of the map: a process mostly asks of one. */
let lastModel: PloverModel | null = null;
let lastTriggers: Map<string, boolean> | undefined;

/**
 * True when the typer's model knows the word's stem as a trigger (the feature `v=` of it has weights): a verb it
 * never saw as one is left out by the learned recogniser. Note: remembered per word, as the coder asks of every verb.
 */
export function knowsTrigger(typer: PloverTyper, word: string): boolean {
  let known = typer.model === lastModel ? lastTriggers : triggers.get(typer.model);
  if (!known) triggers.set(typer.model, (known = new Map()));
  lastModel = typer.model;
  lastTriggers = known;
  let answer = known.get(word);
  if (answer === undefined) {
    if (known.size >= 100_000) known.clear();
    known.set(word, (answer = typer.model.weights.has(`v=${stem(word)}`)));
  }
  return answer;
}

/** How probable NONE must be for the typer to drop a predicate the dictionary codes. */
export const NONE_CERTAINTY = 0.5;
