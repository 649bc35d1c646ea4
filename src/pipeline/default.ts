import { entitiesStage } from '../stages/entities/stage.js';
import { segmentStage } from '../stages/segment/index.js';
import { timeStage } from '../stages/time/stage.js';
import type { Stage } from './stage.js';

/**
 * The default pipeline, in order. Each entry says why it sits where it does.
 * Layers whose stages are not built yet (quotes, events) are output empty.
 */
export const DEFAULT_STAGES: readonly Stage[] = Object.freeze([
  // Segmentation first: every later stage works on tokens and sentences.
  segmentStage,
  // Entities next: quotes and events name their speakers and actors by entity.
  entitiesStage as Stage,
  // Time after segmentation (it reads sentences for tense); quotes and events date their clauses with it.
  timeStage,
]);
