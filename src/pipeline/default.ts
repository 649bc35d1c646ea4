import { entitiesStage } from '../stages/entities/stage.js';
import { segmentStage } from '../stages/segment/index.js';
import type { Stage } from './stage.js';

/**
 * The default pipeline, in order. Each entry says why it sits where it does.
 * Layers whose stages are not built yet (timexes, quotes, events) are output empty.
 */
export const DEFAULT_STAGES: readonly Stage[] = Object.freeze([
  // Segmentation first: every later stage works on tokens and sentences.
  segmentStage,
  // Entities next: quotes and events name their speakers and actors by entity.
  entitiesStage as Stage,
]);
