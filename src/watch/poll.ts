import { extractItems } from '../api/extract.js';
import { WiregraphError, asWiregraphError } from '../errors.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { safeFetch, type FetchOptions } from '../read/fetch.js';
import { readSource } from '../read/read.js';
import { readWhole } from '../read/source.js';
import type { ReadItem } from '../read/types.js';
import type { StoryOptions } from '../stories/index.js';
import type { FeedStore } from '../store/ingest-state.js';
import type { ArticleStore } from '../store/store.js';
import { backedOff, DEFAULT_BACKOFF, failedOnce, type BackoffPolicy } from './backoff.js';

/** Options of one poll. */
export interface PollOptions extends FetchOptions {
  /** The anchor date for items without one. */
  readonly date: string | null;
  /** The cap on the feed's bytes and on one item's. */
  readonly maxBytes: number;
  /** The pipeline (the default one when omitted). */
  readonly pipeline?: Pipeline;
  readonly story?: Partial<StoryOptions>;
  readonly backoff?: BackoffPolicy;
  /** The clock (tests set it). */
  readonly now?: () => Date;
}

/** What one poll of one feed did. */
export interface FeedReport {
  readonly url: string;
  /**
   * `fetched`: read, its new items stored; `not-modified`: a 304; `backed-off`: not asked, its host failed
   * lately; `failed`: the fetch or the feed failed (the host is backed off).
   */
  readonly outcome: 'fetched' | 'not-modified' | 'backed-off' | 'failed';
  /** Items in the feed, and those not ingested before. */
  readonly items: number;
  readonly newItems: number;
  readonly added: number;
  readonly copies: number;
  /** Items that could not be read, extracted or stored. */
  readonly failed: number;
  readonly error: WiregraphError | null;
  /** For `failed` and `backed-off`: when the host is asked again. */
  readonly retryAt: string | null;
}

/** The key of a feed item: its link (or guid), else its text's id. */
function itemKey(item: ReadItem & { ok: true }): string {
  return item.article.meta.url ?? `text:${item.article.id}`;
}

/**
 * Polls one feed: a conditional GET with the validators held (ETag, Last-Modified), then the items not ingested
 * from it before are extracted and stored in one batch, marked seen, and the new validators kept, in that order
 * (a kill between them costs a re-read, never an item). A failure backs its host off (see {@link failedOnce}).
 */
export async function pollFeed(url: string, store: ArticleStore & { readonly feeds: FeedStore }, options: PollOptions): Promise<FeedReport> {
  const now = (options.now ?? (() => new Date()))();
  const host = new URL(url).host;
  const feeds = store.feeds;
  const hostState = feeds.host(host);
  const empty = { url, items: 0, newItems: 0, added: 0, copies: 0, failed: 0, error: null, retryAt: null };
  if (backedOff(hostState, now)) return { ...empty, outcome: 'backed-off', retryAt: hostState!.retryAt };
  const held = feeds.feed(url);
  try {
    const fetched = await safeFetch(url, { ...options, maxFetchBytes: options.maxFetchBytes ?? options.maxBytes, conditional: { etag: held?.etag ?? null, lastModified: held?.lastModified ?? null } });
    const validators = { url, etag: fetched.etag ?? held?.etag ?? null, lastModified: fetched.lastModified ?? held?.lastModified ?? null, checkedAt: now.toISOString() };
    if (hostState && hostState.failures > 0) feeds.saveHost({ host, failures: 0, retryAt: null });
    if (fetched.notModified) {
      feeds.saveFeed({ ...validators, status: '304' });
      return { ...empty, outcome: 'not-modified' };
    }
    const source = await readWhole({ name: url, contentType: fetched.contentType, url: fetched.url, size: fetched.size, chunks: fetched.chunks }, options.maxBytes);
    const report = storeNew(url, readSource(source, { kind: 'feed', date: options.date, maxBytes: options.maxBytes }), store, options);
    feeds.saveFeed({ ...validators, status: '200' });
    return { ...empty, ...report, outcome: 'fetched' };
  } catch (e) {
    const error = asWiregraphError(e, 'WG_FETCH_FAILED', url);
    // Note: a fault of the store is no fault of the host: it stops the watch.
    if (['WG_STORE_BUSY', 'WG_STORE_FULL', 'WG_STORE_UNREADABLE'].includes(error.code)) throw error;
    const next = failedOnce(host, hostState, now, options.backoff ?? DEFAULT_BACKOFF);
    feeds.saveHost(next);
    feeds.saveFeed({ url, etag: held?.etag ?? null, lastModified: held?.lastModified ?? null, checkedAt: now.toISOString(), status: error.code });
    return { ...empty, outcome: 'failed', error, retryAt: next.retryAt };
  }
}

/** Extracts and stores the items not seen before, then marks them seen; counts what was done. */
function storeNew(url: string, items: readonly ReadItem[], store: ArticleStore & { readonly feeds: FeedStore }, options: PollOptions): Pick<FeedReport, 'items' | 'newItems' | 'added' | 'copies' | 'failed'> {
  const readable = items.filter((i): i is ReadItem & { ok: true } => i.ok);
  const seen = store.feeds.seen(url, readable.map(itemKey));
  const fresh = readable.filter((i) => !seen.has(itemKey(i)));
  const extracted = extractItems(fresh, { echoInputIds: false, ...(options.pipeline ? { pipeline: options.pipeline } : {}) });
  const records = extracted.flatMap((r, i) => (r.ok ? [{ doc: r.doc, source: r.input, key: itemKey(fresh[i]!) }] : []));
  const result = records.length > 0 ? store.addBatch(records, options.story ? { story: options.story } : {}) : { added: 0, copies: 0, skipped: 0, failures: [] };
  const failedRecords = new Set(result.failures.map((f) => f.index));
  store.feeds.markSeen(url, records.filter((_, i) => !failedRecords.has(i)).map((r) => r.key));
  const failed = items.length - readable.length + extracted.filter((r) => !r.ok).length + result.failures.length;
  return { items: items.length, newItems: fresh.length, added: result.added, copies: result.copies, failed };
}
