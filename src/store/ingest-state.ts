/** A local file as an ingest found it: the ledger's key. */
export interface InputStamp {
  /** The absolute path. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** A file stored whole: its stamp and how many records it gave. */
export interface LedgerEntry extends InputStamp {
  readonly records: number;
}

/** The files an ingest stored whole, so that a re-run skips them unread (see `ingest --reread`). */
export interface InputLedger {
  /** The entry of a file stored with this very path, size and modification time, or null. */
  find(stamp: InputStamp): LedgerEntry | null;
  /** Records files stored whole (replacing older entries of their paths), in one transaction. */
  record(entries: readonly LedgerEntry[]): void;
}

/** What is kept of a watched feed between polls. */
export interface FeedState {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** When it was last asked (ISO), and what came of it (`200`, `304`, an error code). */
  readonly checkedAt: string | null;
  readonly status: string | null;
}

/** A host's run of errors and the time (ISO) before which none of its feeds is asked again. */
export interface HostState {
  readonly host: string;
  readonly failures: number;
  readonly retryAt: string | null;
}

/** The state of `wiregraph watch`, kept in the store so that a restart goes on where it was. */
export interface FeedStore {
  feed(url: string): FeedState | null;
  saveFeed(state: FeedState): void;
  host(host: string): HostState | null;
  saveHost(state: HostState): void;
  /** Those of `keys` (item ids or links) already ingested from the feed. */
  seen(url: string, keys: readonly string[]): ReadonlySet<string>;
  /** Marks items ingested from the feed (after their batch was stored). */
  markSeen(url: string, keys: readonly string[]): void;
}
