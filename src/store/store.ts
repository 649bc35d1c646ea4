import type { WiregraphDoc } from '../output/wiregraph1.js';
import type { GraphStore } from './graph.js';

/** One article to store: its `wiregraph/1` document and the input it came from. */
export interface ArticleRecord {
  readonly doc: WiregraphDoc;
  readonly source: string;
}

/** What a batch did: articles added, and articles skipped because they were already stored. */
export interface BatchResult {
  readonly added: number;
  readonly skipped: number;
}

/** A line of an article list. */
export interface ArticleSummary {
  readonly id: string;
  readonly headline: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly url: string | null;
  readonly source: string;
}

/** A search hit; `snippet` marks matches with U+E000 (start) and U+E001 (end), see {@link renderSnippet}. */
export interface SearchHit extends ArticleSummary {
  readonly snippet: string;
  readonly score: number;
}

/** A page of results and the cursor for the next page (null on the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Paging options. */
export interface PageOptions {
  readonly limit: number;
  readonly cursor?: string | null;
}

/** The article store. Implementations: `sqlite/`. */
export interface ArticleStore {
  /** Adds articles in one transaction; an article already stored (same id) is skipped, not replaced. */
  addBatch(records: readonly ArticleRecord[]): BatchResult;
  /** One article by id or unique id prefix (at least 4 characters), or null. */
  get(idOrPrefix: string): WiregraphDoc | null;
  list(options: PageOptions): Page<ArticleSummary>;
  /** Full-text search; any user string is accepted and never raises a query syntax error. */
  search(query: string, options: PageOptions): Page<SearchHit>;
  count(): number;
  /** The knowledge graph across the stored articles. */
  readonly graph: GraphStore;
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
