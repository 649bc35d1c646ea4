import { WiregraphError } from '../errors.js';
import { entitiesStage } from '../stages/entities/stage.js';
import { geoStage } from '../stages/geo/stage.js';
import { segmentStage } from '../stages/segment/index.js';
import { quotesStage } from '../stages/quotes/stage.js';
import { timeStage } from '../stages/time/stage.js';
import { syntaxStage } from '../stages/syntax/stage.js';
import { eventsStage, eventsStageWith, type EventOptions } from '../stages/events/stage.js';
import type { Stage } from './stage.js';

/**
 * The default pipeline, in order. Each entry says why it sits where it does.
 */
export const DEFAULT_STAGES: readonly Stage[] = Object.freeze([
  // Segmentation first: every later stage works on tokens and sentences.
  segmentStage,
  // Entities next: quotes and events name their speakers and actors by entity.
  entitiesStage as Stage,
  // Geo after entities: it places their GPE and LOC entities; the output gives events the points of their places.
  geoStage as Stage,
  // Syntax after entities (its parse filter counts the actors' mentions in a sentence); events read its tags.
  syntaxStage as Stage,
  // Time after segmentation (it reads sentences for tense); quotes and events date their clauses with it.
  timeStage,
  // Quotes last: speakers are entities (with coreference), and a statement's date is a timex.
  quotesStage as Stage,
  // Events last: actors are entities, dates are timexes, and an event known only from a statement points to its quote.
  eventsStage as Stage,
]);

/** The default stages with the event coder configured: user dictionaries, PETRARCH's conventions. */
export function stagesWithEvents(options: EventOptions): readonly Stage[] {
  return DEFAULT_STAGES.map((stage) => (stage === eventsStage ? (eventsStageWith(options) as Stage) : stage));
}

/** The names `--stages` accepts, in pipeline order. */
export const STAGE_NAMES: readonly string[] = DEFAULT_STAGES.map((stage) => stage.name);

/**
 * The stages that `--stages` names, with every stage they need (the one assigning each layer they
 * require), in pipeline order: `quotes` brings `segment`, `entities`, `syntax` (its tagger reads the tags) and `time` along. Only these stages'
 * resources are loaded, so `--stages segment` starts without the recogniser's or the coder's models;
 * `none` alone runs no stage (the readers' text and meta only).
 * @param names - stage names from {@link STAGE_NAMES}, or `none`
 * @param stages - the full list to choose from, in order
 * @throws WiregraphError `WG_BAD_OPTION` for a name that is not a stage
 */
export function selectStages(names: readonly string[], stages: readonly Stage[] = DEFAULT_STAGES): Stage[] {
  if (names.length === 1 && names[0] === 'none') return [];
  const unknown = names.filter((name) => !stages.some((stage) => stage.name === name));
  if (unknown.length > 0) {
    throw new WiregraphError('WG_BAD_OPTION', `--stages ${unknown.join(',')}: no such stage; choose from ${stages.map((s) => s.name).join(', ')}, or none.`);
  }
  const chosen = new Set(names);
  for (let i = stages.length - 1; i >= 0; i--) {
    if (!chosen.has(stages[i]!.name)) continue;
    for (const layer of stages[i]!.requires) {
      const owner = stages.find((stage) => stage.assigns.includes(layer));
      if (owner) chosen.add(owner.name);
    }
  }
  return stages.filter((stage) => chosen.has(stage.name));
}
