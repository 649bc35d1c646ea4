import { createHash } from 'node:crypto';
import type { Article } from '../article/article.js';
import { extractItem, extractSource, type Extracted } from '../api/extract.js';
import { asWiregraphError, WiregraphError, type ErrorCode } from '../errors.js';
import type { WiregraphDoc } from '../output/wiregraph1.js';
import { stagesWithEvents } from '../pipeline/default.js';
import { createPipeline, type Pipeline } from '../pipeline/pipeline.js';
import { parseJsonActors } from '../stages/events/dictionaries/actors.js';
import type { InputKind, ReadItem, Source } from '../read/types.js';
import { pipelineFromSpec, type PipelineSpec } from './spec.js';

/** What an extraction worker is started with. */
export interface ExtractWorkerData {
  readonly spec: PipelineSpec;
}

/** One article already read (by the main thread), to run through the worker's pipeline. */
export interface ArticleJob {
  readonly kind: 'article';
  readonly input: string;
  readonly inputId: string | null;
  readonly line?: number;
  readonly article: Article;
  readonly tokens: boolean;
  readonly echoInputIds: boolean;
}

/** One raw source (a request body) to read and extract in the worker, optionally with a user's JSON actors. */
export interface SourceJob {
  readonly kind: 'source';
  readonly source: Source;
  readonly options: { readonly kind: InputKind; readonly date: string | null; readonly maxBytes: number };
  /** The user's actors as JSON (the JSON actor format), for the event coder. */
  readonly actors?: string;
}

/** A job for an extraction worker. */
export type ExtractJob = ArticleJob | SourceJob;

/** An {@link Extracted} as it crosses between threads (an error as its code and message). */
export type SentResult =
  | { readonly ok: true; readonly input: string; readonly doc: WiregraphDoc }
  | { readonly ok: false; readonly input: string; readonly inputId: string | null; readonly line?: number; readonly error: { readonly code: ErrorCode; readonly message: string } };

/** The job for one read item (which must be an article; errors are not sent to a worker). */
export function articleJob(item: Extract<ReadItem, { ok: true }>, options: { tokens?: boolean; echoInputIds?: boolean }): ArticleJob {
  return { kind: 'article', input: item.input, inputId: item.inputId ?? null, ...(item.line === undefined ? {} : { line: item.line }), article: item.article, tokens: options.tokens ?? false, echoInputIds: options.echoInputIds ?? true };
}

/** The result sent back for a job whose worker ended while running it. */
export function crashedResult(job: ExtractJob, reason: string): SentResult[] {
  const input = job.kind === 'article' ? job.input : job.source.name;
  const where = job.kind === 'article' ? { inputId: job.inputId, ...(job.line === undefined ? {} : { line: job.line }) } : { inputId: null };
  return [{ ok: false, input, ...where, error: { code: 'WG_WORKER_FAILED', message: `The worker extracting ${input} ended (${reason}); the other articles go on.` } }];
}

/** The result sent back for a job that ran past the worker deadline (its worker was ended). */
export function deadlineResult(job: ExtractJob, ms: number): SentResult[] {
  const input = job.kind === 'article' ? job.input : job.source.name;
  const where = job.kind === 'article' ? { inputId: job.inputId, ...(job.line === undefined ? {} : { line: job.line }) } : { inputId: null };
  return [{ ok: false, input, ...where, error: { code: 'WG_ARTICLE_DEADLINE', message: `Extracting ${input} took longer than ${ms / 1000} s, so its worker was stopped; the other articles go on.` } }];
}

/** Turns a result received from a worker back into an {@link Extracted}. */
export function received(result: SentResult): Extracted {
  if (result.ok) return result;
  const error = new WiregraphError(result.error.code, result.error.message, { input: result.input, line: result.line ?? null });
  return { ...result, error };
}

function sent(result: Extracted): SentResult {
  if (result.ok) return { ok: true, input: result.input, doc: result.doc };
  return { ok: false, input: result.input, inputId: result.inputId, ...(result.line === undefined ? {} : { line: result.line }), error: { code: result.error.code, message: result.error.message } };
}

// Note: a pipeline per user dictionary takes 2 to 3 s to build, so a worker keeps the few used last (an LRU).
const KEPT_PIPELINES = 4;

/**
 * The worker's job handler: builds the spec's pipeline once (at start, so that loading overlaps the
 * first read), then answers each job. A pipeline that cannot be built answers every job with its error.
 */
export function extractHandler(data: ExtractWorkerData): (job: ExtractJob) => SentResult[] {
  let base: Pipeline | WiregraphError;
  try {
    base = pipelineFromSpec(data.spec);
  } catch (e) {
    base = asWiregraphError(e, 'WG_PIPELINE_INVALID', null);
  }
  const withActors = new Map<string, Pipeline>();
  const pipelineFor = (actors: string | undefined): Pipeline => {
    if (base instanceof WiregraphError) throw base;
    if (actors === undefined) return base;
    const key = createHash('sha256').update(actors).digest('hex');
    let pipeline = withActors.get(key);
    // Note: least recently used first out: a hit moves to the end, so a list in steady use is never rebuilt.
    if (pipeline) withActors.delete(key);
    else {
      const { dictionary, problems } = parseJsonActors(actors);
      if (problems[0]) throw new WiregraphError('WG_BAD_DICTIONARY', `actors: ${problems[0].text}`);
      pipeline = createPipeline(stagesWithEvents({ actors: [dictionary] }));
      if (withActors.size >= KEPT_PIPELINES) withActors.delete(withActors.keys().next().value!);
    }
    withActors.set(key, pipeline);
    return pipeline;
  };
  return (job) => {
    const input = job.kind === 'article' ? job.input : job.source.name;
    try {
      if (job.kind === 'article') {
        const item = { ok: true as const, input: job.input, article: refrozen(job.article), inputId: job.inputId, ...(job.line === undefined ? {} : { line: job.line }) };
        return [sent(extractItem(item, pipelineFor(undefined), { tokens: job.tokens, echoInputIds: job.echoInputIds }))];
      }
      const bytes = Buffer.from(job.source.bytes.buffer, job.source.bytes.byteOffset, job.source.bytes.byteLength);
      return extractSource({ ...job.source, bytes }, { ...job.options, pipeline: pipelineFor(job.actors) }).map(sent);
    } catch (e) {
      const error = asWiregraphError(e, 'WG_STAGE_FAILED', input);
      return [{ ok: false, input, inputId: null, error: { code: error.code, message: error.message } }];
    }
  };
}

/** An Article as received (a structured clone, no longer frozen), frozen again as createArticle makes it. */
function refrozen(article: Article): Article {
  return Object.freeze({ ...article, meta: Object.freeze(article.meta), layers: Object.freeze({ ...article.layers }), notes: Object.freeze([...article.notes]) });
}
