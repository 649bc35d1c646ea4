import { entitiesStage } from '../stages/entities/stage.js';
import { segmentStage } from '../stages/segment/index.js';
import { quotesStage } from '../stages/quotes/stage.js';
import { timeStage } from '../stages/time/stage.js';
import type { Stage } from './stage.js';

/**
 * The default pipeline, in order. Each entry says why it sits where it does.
 * Layers whose stages are not built yet (events) are output empty.
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
]);
