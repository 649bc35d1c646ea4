import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { extractSource, parseDateOption } from '../../api/extract.js';
import { WiregraphError } from '../../errors.js';
import { stagesWithEvents } from '../../pipeline/default.js';
import { createPipeline, type Pipeline } from '../../pipeline/pipeline.js';
import { parseJsonActors } from '../../stages/events/dictionaries/actors.js';
import { errorSchema } from '../schemas.js';

// Note: a pipeline per user dictionary takes a few hundred milliseconds to build, so the last few are kept.
const pipelines = new Map<string, Pipeline>();
const KEPT_PIPELINES = 4;

/** The pipeline that codes events with a user's actors (the JSON actor format), built once per dictionary. */
function pipelineWithActors(actors: readonly unknown[]): Pipeline {
  const json = JSON.stringify(actors);
  const key = createHash('sha256').update(json).digest('hex');
  let pipeline = pipelines.get(key);
  if (!pipeline) {
    const { dictionary, problems } = parseJsonActors(json);
    if (problems[0]) throw new WiregraphError('WG_BAD_DICTIONARY', `actors: ${problems[0].text}`);
    pipeline = createPipeline(stagesWithEvents({ actors: [dictionary] }));
    if (pipelines.size >= KEPT_PIPELINES) pipelines.delete(pipelines.keys().next().value!);
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

/** The largest request body `POST /api/extract` takes. */
export const EXTRACT_BODY_LIMIT = 2 * 1024 * 1024;

/** `POST /api/extract` (also at `POST /extract`): text or HTML in, `wiregraph/1` out; nothing is stored. */
export function registerExtractRoute(app: FastifyInstance): void {
  for (const url of ['/api/extract', '/extract']) registerAt(app, url);
}

function registerAt(app: FastifyInstance, url: string): void {
  app.post<{ Body: { text?: string; html?: string; date?: string; actors?: unknown[] } }>(url, {
    bodyLimit: EXTRACT_BODY_LIMIT,
    schema: {
      summary: 'Extracts one article (plain or wire text, or an HTML page) into wiregraph/1, without storing it',
      hide: url !== '/api/extract',
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          text: { type: 'string', minLength: 1 },
          html: { type: 'string', minLength: 1 },
          date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$' },
          actors: {
            type: 'array',
            maxItems: 5000,
            description: 'Your own actors for the event coder: [{"name", "code", "from"?, "to"?, "synonyms"?}]; a code starting with ~ is an agent',
            items: { type: 'object' },
          },
        },
        oneOf: [{ required: ['text'] }, { required: ['html'] }],
      },
      response: { 400: errorSchema, 422: errorSchema },
    },
  }, async (request, reply) => {
    const { text, html, date, actors } = request.body;
    const bytes = Buffer.from(html ?? text ?? '', 'utf8');
    try {
      const pipeline = actors && actors.length > 0 ? pipelineWithActors(actors) : undefined;
      const [result] = extractSource({ name: html ? 'request.html' : 'request.txt', bytes, contentType: html ? 'text/html' : 'text/plain', url: null }, { kind: html ? 'html' : 'auto', date: parseDateOption(date), maxBytes: EXTRACT_BODY_LIMIT, ...(pipeline ? { pipeline } : {}) });
      if (!result) return reply.status(422).send({ error: { code: 'WG_NO_ARTICLE', message: 'The input held no article.' } });
      if (!result.ok) return reply.status(422).send({ error: { code: result.error.code, message: result.error.message } });
      return result.doc;
    } catch (e) {
      if (e instanceof WiregraphError) return reply.status(422).send({ error: { code: e.code, message: e.message } });
      throw e;
    }
  });
}
