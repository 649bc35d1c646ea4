import { WiregraphError } from '../errors.js';
import type { ArticleStore } from '../store/store.js';
import { readFeedList } from './feeds-file.js';
import { pollFeed, type FeedReport, type PollOptions } from './poll.js';

/** Options of {@link watch}. */
export interface WatchOptions extends PollOptions {
  /** Milliseconds between rounds. */
  readonly everyMs: number;
  /** One round, then return (for cron). */
  readonly once: boolean;
  /** Called with each feed's report as it is polled. */
  readonly onReport?: (report: FeedReport) => void;
  /** Ends the watch after the current feed (a signal from the command line, say). */
  readonly signal?: AbortSignal;
}

/** What a watch did, all rounds together. */
export interface WatchSummary {
  readonly rounds: number;
  readonly polls: number;
  readonly added: number;
  readonly copies: number;
  readonly notModified: number;
  readonly failedPolls: number;
}

/**
 * Polls the feeds of a list (read again each round, so that edits apply) one after another, every `everyMs`,
 * storing new items only; the state (validators, items seen, back-off per host) is kept in the store, so that a
 * restarted watch goes on where it was.
 * @throws WiregraphError `WG_BAD_OPTION` when the store keeps no feed state; a store fault (`WG_STORE_FULL`, ...)
 */
export async function watch(listPath: string, store: ArticleStore, options: WatchOptions): Promise<WatchSummary> {
  const feeds = store.feeds;
  if (!feeds) throw new WiregraphError('WG_BAD_OPTION', 'This store keeps no feed state, so it cannot be watched into; use a SQLite database.');
  const withFeeds = { ...store, feeds };
  let summary: WatchSummary = { rounds: 0, polls: 0, added: 0, copies: 0, notModified: 0, failedPolls: 0 };
  while (!options.signal?.aborted) {
    for (const url of await readFeedList(listPath)) {
      if (options.signal?.aborted) break;
      const report = await pollFeed(url, withFeeds, options);
      options.onReport?.(report);
      summary = {
        ...summary,
        polls: summary.polls + 1,
        added: summary.added + report.added,
        copies: summary.copies + report.copies,
        notModified: summary.notModified + (report.outcome === 'not-modified' ? 1 : 0),
        failedPolls: summary.failedPolls + (report.outcome === 'failed' ? 1 : 0),
      };
    }
    summary = { ...summary, rounds: summary.rounds + 1 };
    if (options.once) break;
    await sleep(options.everyMs, options.signal);
  }
  return summary;
}

/** Waits, or less when the signal fires. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
