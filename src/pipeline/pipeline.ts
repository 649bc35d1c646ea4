import { withLayers, type Article } from '../article/article.js';
import type { LayerName, Message } from '../article/layers.js';
import { WiregraphError } from '../errors.js';
import { DEFAULT_STAGES } from './default.js';
import { defaultResources, type Resources } from './resources.js';
import type { Stage } from './stage.js';

/** A checked pipeline with its stages' resources loaded. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Runs every stage in order and adds the collected messages as the `messages` layer. */
  run(article: Article): Article;
}

/**
 * Checks a list of stages once: every required layer is assigned by an earlier stage, no layer is
 * assigned twice, and `messages` is left to the pipeline.
 * @throws WiregraphError `WG_PIPELINE_INVALID` naming the stage and layer at fault
 */
export function checkStages(stages: readonly Stage[]): void {
  const assigned = new Map<LayerName, string>();
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!assigned.has(layer)) {
        throw new WiregraphError('WG_PIPELINE_INVALID', `Stage "${stage.name}" requires layer "${layer}", which no earlier stage assigns; move it after the stage that does.`);
      }
    }
    for (const layer of stage.assigns) {
      if (layer === 'messages') throw new WiregraphError('WG_PIPELINE_INVALID', `Stage "${stage.name}" assigns "messages"; return messages from run() instead.`);
      const owner = assigned.get(layer);
      if (owner) throw new WiregraphError('WG_PIPELINE_INVALID', `Stages "${owner}" and "${stage.name}" both assign layer "${layer}".`);
      assigned.set(layer, stage.name);
    }
  }
}

/**
 * Builds a pipeline: checks the stages, then lets each stage take what it needs from the shared resources
 * (read from disk the first time a stage asks, once per process).
 * @param stages - the stages in order; the default list when omitted
 * @param shared - the resources to build from; the process-wide ones (the package's `data/`) when omitted
 */
export function createPipeline(stages: readonly Stage[] = DEFAULT_STAGES, shared: Resources = defaultResources()): Pipeline {
  checkStages(stages);
  const resources = stages.map((stage) => stage.load?.(shared));
  return {
    stages,
    run(article) {
      let current = article;
      const messages: Message[] = [...article.notes];
      stages.forEach((stage, i) => {
        const output = stage.run(current, resources[i]);
        const given = Object.keys(output.layers).sort().join(',');
        if (given !== [...stage.assigns].sort().join(',')) {
          throw new WiregraphError('WG_PIPELINE_INVALID', `Stage "${stage.name}" declared [${stage.assigns.join(', ')}] but returned [${given}].`);
        }
        current = withLayers(current, output.layers);
        if (output.messages) messages.push(...output.messages);
      });
      return withLayers(current, { messages: messages.sort((a, b) => a.start - b.start) });
    },
  };
}

let built: Pipeline | null = null;

/** The default pipeline, built once per process. */
export function defaultPipeline(): Pipeline {
  built ??= createPipeline();
  return built;
}
