import type { Article } from '../article/article.js';
import type { Layers, LayerName, Message } from '../article/layers.js';
import type { Resources } from './resources.js';

/** What a stage's run returns: the layers it assigns, and any positioned messages. */
export interface StageOutput {
  readonly layers: Readonly<Partial<Layers>>;
  readonly messages?: readonly Message[];
}

/**
 * A pipeline stage: reads the layers it `requires`, returns the layers it `assigns`, never edits either.
 * `load` runs when a pipeline is built and its result is passed to every `run`. It reads no file: it takes
 * what it needs from the shared {@link Resources} (loaded once per process) and only derives from them, so
 * that building a pipeline with a user's dictionary is cheap.
 */
export interface Stage<R = unknown> {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  load?(resources: Resources): R;
  run(article: Article, resources: R): StageOutput;
}
