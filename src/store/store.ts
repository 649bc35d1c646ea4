import type { WiregraphDoc } from '../output/wiregraph1.js';
import type { WiregraphError } from '../errors.js';
import type { StoryOptions } from '../stories/index.js';
import type { ArticleSummary as ApiArticleSummary, CopyRole, CorpusOverview, Page, RelatedStory, StoryCopy, StoryCopyDiff, StoryDetail, StoryRef, StorySummary } from '../contract/index.js';
import type { FactFilter, GraphStore } from './graph.js';
import type { FeedStore, InputLedger } from './ingest-state.js';

// Note: what the store hands out to the API is declared once, in src/contract.
export type { CopyRole, CorpusOverview, Page, RelatedStory, StoryCopy, StoryCopyDiff, StoryDetail, StoryRef, StorySummary };

/** A line of an article list: the API's, with the input it came from (which the API does not send). */
export interface ArticleSummary extends ApiArticleSummary {
  readonly source: string;
}

/** One article to store: its `wiregraph/1` document and the input it came from. */
export interface ArticleRecord {
  readonly doc: WiregraphDoc;
  readonly source: string;
}

/**
 * What a batch did. An article is one text (with its layers); a copy is one publication of it (outlet, URL,
 * published time, headline, source). Each record is counted once, in one of the four.
 */
export interface BatchResult {
  /** New articles: texts not stored before, each stored with its first copy and given a story. */
  readonly added: number;
  /** New copies of texts already stored: the same text from another outlet or URL (nothing else is stored again). */
  readonly copies: number;
  /** Records already stored (the same text with the same URL or, without a URL, the same outlet): nothing changed. */
  readonly skipped: number;
  /** Records that could not be stored; each was rolled back alone and the rest of the batch stored. */
  readonly failures: readonly BatchFailure[];
}

/** A record of a batch that could not be stored. */
export interface BatchFailure {
  /** Its index in the batch. */
  readonly index: number;
  readonly error: WiregraphError;
}

/** Options for {@link ArticleStore.addBatch}. */
export interface BatchOptions {
  /** The thresholds that decide whether a new article is a copy or a version of a stored one. */
  readonly story?: Partial<StoryOptions>;
}

/** A copy as {@link ArticleStore.copiesOf} lists it: with the input it came from. */
export interface CopySummary extends StoryCopy {
  readonly source: string;
}

/** Paging options of the stories list. */
export interface StoryPageOptions extends PageOptions {
  /** Only stories with at least this many copies (default 1). */
  readonly minCopies?: number;
}

/** A search hit; `snippet` marks matches with U+E000 (start) and U+E001 (end), see {@link renderSnippet}. */
export interface SearchHit extends ArticleSummary {
  // Note: the API's hit differs (its snippet marked with brackets, its fragments), so this one is the store's own.
  readonly snippet: string;
  readonly score: number;
}

/** Paging options. */
export interface PageOptions {
  readonly limit: number;
  readonly cursor?: string | null;
}

/** Options of the article list: paging, the order, and the filters (see {@link FactFilter}). */
export interface ListOptions extends PageOptions {
  /** `published`: newest publication first, undated last; `ingested` (the default): newest stored first. */
  readonly order?: 'published' | 'ingested';
  readonly filter?: FactFilter;
}

/** Options of a search: paging and the filters (see {@link FactFilter}). */
export interface SearchOptions extends PageOptions {
  readonly filter?: FactFilter;
}

/** The article store. Implementations: `sqlite/`. */
export interface ArticleStore {
  /**
   * Adds records in one transaction, each in a savepoint of its own so that a bad one is rolled back alone.
   * A new text is stored once with its layers, fingerprint and story; the same text again is another copy,
   * or nothing when it is the same record (see {@link BatchResult}).
   */
  addBatch(records: readonly ArticleRecord[], options?: BatchOptions): BatchResult;
  /** One article by id or unique id prefix (at least 4 characters), or null. */
  get(idOrPrefix: string): WiregraphDoc | null;
  /** Articles, newest stored first (or newest published, see {@link ListOptions}), of the filter. */
  list(options: ListOptions): Page<ArticleSummary>;
  /**
   * Full-text search (see `parseSearch`: words ANDed, `OR`, `"a phrase"`, `prefix*`, `-exclusion`), of the filter; any
   * user string is accepted and never raises a query syntax error (a route refuses a malformed one first).
   */
  search(query: string, options: SearchOptions): Page<SearchHit>;
  count(): number;
  /** What the corpus holds: counts, outlets, the span of publication dates, the top entities. */
  overview(): CorpusOverview;
  /** The copies of an article's text (by id or unique prefix) in time order; empty for an unknown article. */
  copiesOf(idOrPrefix: string): readonly CopySummary[];
  /** The story an article (by id or unique prefix) belongs to, or null. */
  storyOf(idOrPrefix: string): StoryRef | null;
  /** Stories, biggest first (most copies, then the newest). */
  stories(options: StoryPageOptions): Page<StorySummary>;
  /** How many stories have at least `minCopies` copies (default 1). */
  storyCount(minCopies?: number): number;
  /**
   * One story with its copies in time order, the originator and each copy's diff (computed from the stored
   * texts, unless `diffs` is false: then `against` is null and `diff` empty), or null.
   */
  story(id: number, options?: { readonly diffs?: boolean }): StoryDetail | null;
  /** The knowledge graph across the stored articles. */
  readonly graph: GraphStore;
  /** Files stored whole, which a re-run of an ingest skips unread; absent where a store keeps none. */
  readonly inputs?: InputLedger;
  /** The state of watched feeds; absent where a store keeps none (then `watch` refuses it). */
  readonly feeds?: FeedStore;
  close(): void;
}

/** Snippet match markers. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * Renders a snippet's match markers with the given strings, escaping the text first when asked.
 * @param snippet - a {@link SearchHit} snippet
 * @param open - what to put before a match
 * @param close - what to put after it
 * @param escape - applied to the text between markers (HTML escaping, say)
 */
export function renderSnippet(snippet: string, open: string, close: string, escape: (s: string) => string = (s) => s): string {
  return snippet
    .split(/([\uE000\uE001])/u)
    .map((part) => (part === MARK_START ? open : part === MARK_END ? close : escape(part)))
    .join('');
}
