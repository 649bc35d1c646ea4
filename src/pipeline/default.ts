import { entitiesStage } from '../stages/entities/stage.js';
import { segmentStage } from '../stages/segment/index.js';
import { quotesStage } from '../stages/quotes/stage.js';
import { timeStage } from '../stages/time/stage.js';
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
