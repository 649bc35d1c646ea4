import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { parseDateOption } from '../../api/extract.js';
import { WiregraphError } from '../../errors.js';
import type { ExtractJob, SentResult } from '../../workers/jobs.js';
import { extractPool } from '../../workers/parallel.js';
import type { WorkerPool } from '../../workers/pool.js';
import { DEFAULT_SPEC } from '../../workers/spec.js';
import { errorSchema } from '../schemas.js';

/** How `POST /api/extract` runs its extractions: in a small pool of worker threads, off the event loop. */
export interface ExtractRouteOptions {
  /** Worker threads (default: two, or one on a machine of one or two cores, where the rest serve requests). */
  readonly workers?: number;
  /** Requests that may wait for a worker; one more is answered 503 `WG_BUSY` (default: 8 per worker). */
  readonly maxWaiting?: number;
  /** The worker script (tests); the compiled `extract-worker.js` otherwise. */
  readonly script?: URL;
  /** Milliseconds a request waits for its extraction before a 503 `WG_DEADLINE` (default: {@link EXTRACT_DEADLINE_MS}). */
  readonly deadlineMs?: number;
}

/** How long a request waits for its extraction by default. */
export const EXTRACT_DEADLINE_MS = 30_000;

/** Seconds a client told `WG_BUSY` is asked to wait. */
const RETRY_AFTER_SECONDS = 1;

/** The largest request body `POST /api/extract` takes. */
export const EXTRACT_BODY_LIMIT = 2 * 1024 * 1024;

/** `POST /api/extract` (also at `POST /extract`): text or HTML in, `wiregraph/1` out; nothing is stored. */
export function registerExtractRoute(app: FastifyInstance, options: ExtractRouteOptions = {}): void {
  const workers = options.workers ?? (availableParallelism() > 2 ? 2 : 1);
  let pool: WorkerPool<ExtractJob, SentResult[]> | null = null;
  // Note: the pool (and its models, loaded in each worker) is made on the first extract request, so a server that never extracts never loads them.
  const poolNow = (): WorkerPool<ExtractJob, SentResult[]> => {
    pool ??= extractPool({ size: workers, perWorker: 1, maxWaiting: options.maxWaiting ?? 8 * workers, data: { spec: DEFAULT_SPEC }, ...(options.script ? { script: options.script } : {}) });
    return pool;
  };
  app.addHook('onClose', async () => {
    await pool?.close();
  });
  const deadlineMs = options.deadlineMs ?? EXTRACT_DEADLINE_MS;
  const run = (job: ExtractJob): Promise<SentResult[]> => withDeadline(poolNow().run(job), deadlineMs);
  for (const url of ['/api/extract', '/extract']) registerAt(app, url, run);
}

/**
 * The answer of a job, or a `WG_DEADLINE` rejection once `ms` have passed.
 * Note: the worker goes on with the job until its own per-article budget ends it; the request does not wait for it.
 */
function withDeadline<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new WiregraphError('WG_DEADLINE', `The extraction took longer than ${ms / 1000} s and was given up; send a shorter text, or retry when the server is less busy.`)), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

function registerAt(app: FastifyInstance, url: string, run: (job: ExtractJob) => Promise<SentResult[]>): void {
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
      response: { 400: errorSchema, 422: errorSchema, 503: errorSchema },
    },
  }, async (request, reply) => {
    const { text, html, date, actors } = request.body;
    const bytes = Buffer.from(html ?? text ?? '', 'utf8');
    try {
      const job: ExtractJob = {
        kind: 'source',
        source: { name: html ? 'request.html' : 'request.txt', bytes, contentType: html ? 'text/html' : 'text/plain', url: null },
        options: { kind: html ? 'html' : 'auto', date: parseDateOption(date), maxBytes: EXTRACT_BODY_LIMIT },
        ...(actors && actors.length > 0 ? { actors: JSON.stringify(actors) } : {}),
      };
      const [result] = await run(job);
      if (!result) return reply.status(422).send({ error: { code: 'WG_NO_ARTICLE', message: 'The input held no article.' } });
      if (!result.ok) return reply.status(result.error.code === 'WG_WORKER_FAILED' ? 500 : 422).send({ error: result.error });
      return result.doc;
    } catch (e) {
      if (e instanceof WiregraphError && (e.code === 'WG_BUSY' || e.code === 'WG_DEADLINE')) return reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ error: { code: e.code, message: e.message } });
      if (e instanceof WiregraphError) return reply.status(422).send({ error: { code: e.code, message: e.message } });
      throw e;
    }
  });
}
