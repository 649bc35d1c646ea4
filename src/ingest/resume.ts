import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isUrl } from '../read/source.js';
import type { InputLedger, InputStamp, LedgerEntry } from '../store/ingest-state.js';

/** An input to read, with its stamp when it is a local file (the ledger's key). */
export interface PlannedInput {
  readonly name: string;
  readonly stamp: InputStamp | null;
}

/** What a re-run need not read again, and what it must. */
export interface ResumePlan {
  readonly read: readonly PlannedInput[];
  /** Files stored whole before, unchanged since (same path, size and modification time). */
  readonly unchanged: readonly LedgerEntry[];
}

/** The stamp of a local file, or null for a URL, standard input, or a path that is not a file. */
export async function stampOf(name: string): Promise<InputStamp | null> {
  if (name === '-' || isUrl(name)) return null;
  const info = await stat(name).catch(() => null);
  return info?.isFile() ? { path: resolve(name), size: info.size, mtimeMs: info.mtimeMs } : null;
}

/**
 * Splits inputs into those to read and those the ledger has stored whole and unchanged (skipped unread).
 * @param ledger - the store's ledger; none (or `reread`) reads everything
 */
export async function planResume(inputs: readonly string[], ledger: InputLedger | undefined, reread: boolean): Promise<ResumePlan> {
  const read: PlannedInput[] = [];
  const unchanged: LedgerEntry[] = [];
  for (const name of inputs) {
    const stamp = await stampOf(name);
    const stored = stamp && ledger && !reread ? ledger.find(stamp) : null;
    if (stored) unchanged.push(stored);
    else read.push({ name, stamp });
  }
  return { read, unchanged };
}

/**
 * Follows the inputs of an ingest until each is stored whole: read to the end, every record committed, none
 * failed. Those are the ones the ledger keeps.
 */
export class InputTracker {
  private readonly open = new Map<string, { stamp: InputStamp | null; records: number; failed: boolean; finished: boolean }>();

  constructor(planned: readonly PlannedInput[]) {
    for (const p of planned) this.open.set(p.name, { stamp: p.stamp, records: 0, failed: false, finished: false });
  }

  /** A record of the input was read (ok or not). */
  counted(input: string, ok: boolean): void {
    const entry = this.open.get(input);
    if (!entry) return;
    entry.records++;
    if (!ok) entry.failed = true;
  }

  /** A record of the input could not be stored. */
  storeFailed(input: string): void {
    const entry = this.open.get(input);
    if (entry) entry.failed = true;
  }

  /** The input was read to the end. */
  finished(input: string): void {
    const entry = this.open.get(input);
    if (entry) entry.finished = true;
  }

  /** All read inputs were read to the end. */
  finishAll(): void {
    for (const entry of this.open.values()) entry.finished = true;
  }

  /**
   * The files now stored whole, once each: call after a commit that holds every record read so far.
   * Note: an input with a record that failed is never kept, so that a re-run reads it again.
   */
  committed(): LedgerEntry[] {
    const done: LedgerEntry[] = [];
    for (const [name, e] of this.open) {
      if (!e.finished) continue;
      if (e.stamp && !e.failed && e.records > 0) done.push({ ...e.stamp, records: e.records });
      this.open.delete(name);
    }
    return done;
  }
}
