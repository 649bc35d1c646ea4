/**
 * The extraction worker thread's entry: builds the pipeline described by its `workerData` and answers
 * {@link ExtractJob}s (see `WorkerPool` and `extractInParallel`).
 */
import { workerData } from 'node:worker_threads';
import { extractHandler, type ExtractWorkerData } from './jobs.js';
import { serveJobs } from './serve.js';

serveJobs(extractHandler(workerData as ExtractWorkerData));
