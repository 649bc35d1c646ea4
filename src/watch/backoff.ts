import type { HostState } from '../store/ingest-state.js';

/** How long a host that failed is left alone: doubling from `baseMs` per failure in a row, never over `capMs`. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/** One minute, doubling, at most six hours. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 60_000, capMs: 6 * 3_600_000 };

/** The host's state after one more failure at `now`: the wait doubles with each failure in a row, up to the cap. */
export function failedOnce(host: string, previous: HostState | null, now: Date, policy: BackoffPolicy): HostState {
  const failures = (previous?.failures ?? 0) + 1;
  const wait = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures - 1, 40));
  return { host, failures, retryAt: new Date(now.getTime() + wait).toISOString() };
}

/** True while a host is backed off: a retry time still ahead of `now`. */
export function backedOff(state: HostState | null, now: Date): boolean {
  return state?.retryAt != null && Date.parse(state.retryAt) > now.getTime();
}
