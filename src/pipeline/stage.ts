import type { Article } from '../article/article.js';
import type { Layers, LayerName, Message } from '../article/layers.js';

/** What a stage's run returns: the layers it assigns, and any positioned messages. */
export interface StageOutput {
  readonly layers: Readonly<Partial<Layers>>;
  readonly messages?: readonly Message[];
}

/**
 * A pipeline stage: reads the layers it `requires`, returns the layers it `assigns`, never edits either.
 * `load` runs once per process, when the pipeline is built, and its result is passed to every `run`.
 */
export interface Stage<R = unknown> {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  load?(): R;
  run(article: Article, resources: R): StageOutput;
}
