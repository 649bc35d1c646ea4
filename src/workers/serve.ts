import { parentPort } from 'node:worker_threads';
import type { AnswerMessage, JobMessage, ReadyMessage } from './pool.js';

/**
 * The worker side of a {@link WorkerPool}: answers each job with `handle`, one at a time, in the order
 * received. A `handle` that throws ends the worker, and the pool answers that job as crashed. It first tells
 * the pool it is ready, so that the pool's deadline for a job never counts the worker's start (its models).
 */
export function serveJobs<Req, Res>(handle: (request: Req) => Res): void {
  if (!parentPort) throw new Error('serveJobs runs in a worker thread.');
  const port = parentPort;
  port.postMessage({ ready: true } satisfies ReadyMessage);
  port.on('message', (message: JobMessage<Req>) => {
    port.postMessage({ id: message.id, response: handle(message.request) } satisfies AnswerMessage<Res>);
  });
}
