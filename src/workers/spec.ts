import { DEFAULT_STAGES, selectStages, stagesWithEvents } from '../pipeline/default.js';
import { createPipeline, defaultPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { loadActorDictionary, loadVerbDictionary } from '../stages/events/dictionaries/load.js';

/**
 * A pipeline described as data, so that a worker thread can build the same one: the user's dictionary
 * files (`--actors`, `--verbs`), the `--stages` chosen and `--min-confidence`. Empty lists and nothing else set:
 * the default pipeline.
 */
export interface PipelineSpec {
  readonly actors: readonly string[];
  readonly verbs: readonly string[];
  readonly stages?: readonly string[];
  /** `--min-confidence`: the least confidence (0 to 1) an event is kept at (the event stage's `minConfidence`). */
  readonly minConfidence?: number;
}

/** The spec of the default pipeline. */
export const DEFAULT_SPEC: PipelineSpec = Object.freeze({ actors: [], verbs: [] });

/** True when the spec asks for the default pipeline (no dictionaries, every stage). */
export function isDefaultSpec(spec: PipelineSpec): boolean {
  return spec.actors.length === 0 && spec.verbs.length === 0 && spec.stages === undefined && spec.minConfidence === undefined;
}

/**
 * Builds the pipeline a spec describes (the process's shared default one for the default spec).
 * @throws WiregraphError `WG_BAD_DICTIONARY` for a dictionary that cannot be read, `WG_BAD_OPTION` for an unknown stage
 */
export function pipelineFromSpec(spec: PipelineSpec): Pipeline {
  if (isDefaultSpec(spec)) return defaultPipeline();
  const events = spec.actors.length > 0 || spec.verbs.length > 0 || spec.minConfidence !== undefined;
  const minConfidence = spec.minConfidence === undefined ? {} : { minConfidence: spec.minConfidence };
  const stages = events ? stagesWithEvents({ actors: spec.actors.map(loadActorDictionary), verbs: spec.verbs.map(loadVerbDictionary), ...minConfidence }) : DEFAULT_STAGES;
  return createPipeline(spec.stages === undefined ? stages : selectStages(spec.stages, stages));
}

/**
 * Checks a spec without building its pipeline (no model is loaded): every dictionary is read and every
 * stage name known, so that a bad option fails before any work starts.
 * @throws WiregraphError as {@link pipelineFromSpec} does
 */
export function checkSpec(spec: PipelineSpec): void {
  for (const path of spec.actors) loadActorDictionary(path);
  for (const path of spec.verbs) loadVerbDictionary(path);
  if (spec.stages !== undefined) selectStages(spec.stages);
}
