import { Worker } from 'node:worker_threads';
import { WiregraphError } from '../errors.js';

/** Options for a {@link WorkerPool}. */
export interface PoolOptions<Req, Res> {
  /** The worker script (a compiled `.js` file; see {@link workerScript}). */
  readonly script: URL;
  /** Passed to every worker as `workerData`. */
  readonly workerData: unknown;
  /** The most workers; they are started one by one, as the work needs them. */
  readonly size: number;
  /** The most jobs sent to one worker before it answers (its queue), so that a free worker never waits on the main thread. */
  readonly perWorker: number;
  /** The most jobs waiting for a worker; a job over it is refused with `WG_BUSY`. Unbounded when omitted. */
  readonly maxWaiting?: number;
  /** The answer for a job whose worker ended while running it (a crash, an out-of-memory). */
  readonly onCrash: (request: Req, reason: string) => Res;
  /**
   * The most milliseconds one job may run (counted from when its worker is ready and starts it): past it the
   * worker is ended, the job answered with `onDeadline`, the jobs behind it sent again. No limit when omitted.
   */
  readonly deadlineMs?: number;
  /** The answer for a job that ran past `deadlineMs` (`onCrash` when omitted). */
  readonly onDeadline?: (request: Req, ms: number) => Res;
}

/** A job on its way: what it asks and how to answer its caller. */
interface Job<Req, Res> {
  readonly id: number;
  readonly request: Req;
  readonly resolve: (response: Res) => void;
}

/** One worker and the jobs it holds, in the order it runs them. */
interface Slot<Req, Res> {
  readonly worker: Worker;
  readonly jobs: Array<Job<Req, Res>>;
  failure: string | null;
  /** Whether the worker said it is ready (its pipeline built): the deadline of its first job counts from then. */
  ready: boolean;
  /** The deadline of the job the worker is running, if armed. */
  timer: NodeJS.Timeout | null;
  timedOut: boolean;
}

/** The message to a worker and its answer (see `serveJobs`). */
export interface JobMessage<Req> { readonly id: number; readonly request: Req }
/** A worker's answer to one {@link JobMessage}. */
export interface AnswerMessage<Res> { readonly id: number; readonly response: Res }
/** What a worker sends once, when it is ready to run jobs. */
export interface ReadyMessage { readonly ready: true }

/**
 * A pool of worker threads that each run jobs one at a time, in the order sent. Each job's promise is
 * resolved with its answer, never rejected (except `WG_BUSY`, when `maxWaiting` jobs already wait): a
 * worker that ends while running a job answers that job with `onCrash`, the jobs it held behind it go
 * back to the front of the queue, and a new worker takes its place.
 */
export class WorkerPool<Req, Res> {
  private readonly slots: Array<Slot<Req, Res>> = [];
  private readonly waiting: Array<Job<Req, Res>> = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions<Req, Res>) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new WiregraphError('WG_BAD_OPTION', `A worker pool needs at least one worker, not ${options.size}.`);
  }

  /** How many jobs are waiting for a worker or running. */
  get pending(): number {
    return this.waiting.length + this.slots.reduce((n, slot) => n + slot.jobs.length, 0);
  }

  /**
   * Runs one job on a free worker.
   * @throws WiregraphError `WG_BUSY` (as a rejection) when `maxWaiting` jobs already wait
   */
  run(request: Req): Promise<Res> {
    if (this.closed) return Promise.reject(new WiregraphError('WG_BUSY', 'The worker pool is closed.'));
    const max = this.options.maxWaiting;
    if (max !== undefined && this.waiting.length >= max && !this.hasRoom()) {
      return Promise.reject(new WiregraphError('WG_BUSY', `${this.pending} extractions are running or waiting; retry in a moment.`));
    }
    return new Promise<Res>((resolve) => {
      this.waiting.push({ id: this.nextId++, request, resolve });
      this.dispatch();
    });
  }

  /** Ends every worker; jobs still waiting or running are answered with `onCrash`. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) this.disarm(slot);
    for (const job of [...this.waiting.splice(0), ...slots.flatMap((slot) => slot.jobs.splice(0))]) job.resolve(this.options.onCrash(job.request, 'the worker pool was closed'));
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private hasRoom(): boolean {
    return this.slots.length < this.options.size || this.slots.some((slot) => slot.jobs.length < this.options.perWorker);
  }

  /** Sends waiting jobs to the least busy workers, starting a worker when every running one is full. */
  private dispatch(): void {
    while (this.waiting.length > 0 && !this.closed) {
      let slot = this.slots.reduce<Slot<Req, Res> | null>((best, s) => (best === null || s.jobs.length < best.jobs.length ? s : best), null);
      // Note: another worker starts only when every running one is full, so a few articles never pay for a second model load.
      if ((slot === null || slot.jobs.length >= this.options.perWorker) && this.slots.length < this.options.size) slot = this.start();
      if (slot === null || slot.jobs.length >= this.options.perWorker) return;
      const job = this.waiting.shift()!;
      slot.jobs.push(job);
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, request: job.request } satisfies JobMessage<Req>);
      if (slot.jobs.length === 1) this.arm(slot);
    }
  }

  /** Starts the deadline of the job a ready worker runs now (its first). */
  private arm(slot: Slot<Req, Res>): void {
    const ms = this.options.deadlineMs;
    if (ms === undefined || !slot.ready || slot.jobs.length === 0) return;
    this.disarm(slot);
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      slot.failure = `it ran past the deadline of ${ms} ms`;
      void slot.worker.terminate();
    }, ms);
    // Note: the timer keeps nothing alive by itself; the worker, referenced while it holds jobs, does.
    slot.timer.unref();
  }

  private disarm(slot: Slot<Req, Res>): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
  }

  private start(): Slot<Req, Res> {
    const worker = new Worker(this.options.script, { workerData: this.options.workerData });
    const slot: Slot<Req, Res> = { worker, jobs: [], failure: null, ready: false, timer: null, timedOut: false };
    worker.on('message', (message: AnswerMessage<Res> | ReadyMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        this.arm(slot);
        return;
      }
      this.disarm(slot);
      const index = slot.jobs.findIndex((job) => job.id === message.id);
      if (index < 0) return;
      const [job] = slot.jobs.splice(index, 1);
      job!.resolve(message.response);
      // Note: a worker is referenced only while it holds jobs, so that an idle one never keeps the process alive.
      if (slot.jobs.length === 0) slot.worker.unref();
      else this.arm(slot);
      this.dispatch();
    });
    worker.on('error', (error) => {
      slot.failure = error.message;
    });
    worker.on('exit', (code) => this.replace(slot, slot.failure ?? `the worker exited with code ${code}`));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  /** A worker ended: its current job is answered as crashed, the jobs behind it wait again. */
  private replace(slot: Slot<Req, Res>, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    this.disarm(slot);
    const [current, ...rest] = slot.jobs.splice(0);
    this.waiting.unshift(...rest);
    const { onDeadline, deadlineMs } = this.options;
    if (current) current.resolve(slot.timedOut && onDeadline && deadlineMs !== undefined ? onDeadline(current.request, deadlineMs) : this.options.onCrash(current.request, reason));
    this.dispatch();
  }
}
