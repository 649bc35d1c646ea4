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
 * What one article may cost, checked between stages: once the text is longer than `maxChars` (UTF-16
 * code units), or `maxMs` have passed since its first stage began, the stages left are not run, their
 * layers are output empty, and a message (source `pipeline`, rule `budget-size` or `budget-time`) says
 * which stages were left out. A stage that never returns is stopped only by a worker's deadline
 * (`deadlineMs` of the worker pool).
 */
export interface PipelineBudget {
  readonly maxChars: number;
  readonly maxMs: number;
}

// Note: the stages run at about 35 µs per character (a 100,000-character text takes 3.5 s), so 500,000 characters is some 20 s.
/** The budget every pipeline runs under unless given another. */
export const DEFAULT_BUDGET: PipelineBudget = Object.freeze({ maxChars: 500_000, maxMs: 60_000 });

/** The message for an article whose budget ran out before `stage`, or null while it holds. */
function overBudget(text: string, budget: PipelineBudget, startedAt: number, left: readonly Stage[]): Message | null {
  const names = left.map((s) => s.name).join(', ');
  if (text.length > budget.maxChars) {
    // Note: the message starts where the budget ends, moved back off the middle of a surrogate pair.
    const high = text.charCodeAt(budget.maxChars - 1);
    const start = high >= 0xd800 && high <= 0xdbff ? budget.maxChars - 1 : budget.maxChars;
    return { source: 'pipeline', rule: 'budget-size', text: `the text is ${text.length} characters, over the budget of ${budget.maxChars}: stages not run (their layers empty): ${names}`, start, end: text.length };
  }
  const spent = performance.now() - startedAt;
  if (spent <= budget.maxMs) return null;
  return { source: 'pipeline', rule: 'budget-time', text: `the article took ${Math.round(spent)} ms, over the budget of ${budget.maxMs} ms: stages not run (their layers empty): ${names}`, start: 0, end: text.length };
}

/**
 * Builds a pipeline: checks the stages, then lets each stage take what it needs from the shared resources
 * (read from disk the first time a stage asks, once per process).
 * @param stages - the stages in order; the default list when omitted
 * @param shared - the resources to build from; the process-wide ones (the package's `data/`) when omitted
 * @param budget - what one article may cost (see {@link PipelineBudget})
 */
export function createPipeline(stages: readonly Stage[] = DEFAULT_STAGES, shared: Resources = defaultResources(), budget: PipelineBudget = DEFAULT_BUDGET): Pipeline {
  checkStages(stages);
  const resources = stages.map((stage) => stage.load?.(shared));
  return {
    stages,
    run(article) {
      let current = article;
      const messages: Message[] = [...article.notes];
      const startedAt = performance.now();
      for (const [i, stage] of stages.entries()) {
        const over = overBudget(article.text, budget, startedAt, stages.slice(i));
        if (over) {
          messages.push(over);
          break;
        }
        const output = stage.run(current, resources[i]);
        const given = Object.keys(output.layers).sort().join(',');
        if (given !== [...stage.assigns].sort().join(',')) {
          throw new WiregraphError('WG_PIPELINE_INVALID', `Stage "${stage.name}" declared [${stage.assigns.join(', ')}] but returned [${given}].`);
        }
        current = withLayers(current, output.layers);
        if (output.messages) messages.push(...output.messages);
      }
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
