/** The dateline that opens a wire story's body: `SEOUL, Sept 13, 2025 (BSS/AFP) -`. */
export interface Dateline {
  /** The place as printed, normalised for spaces (`SEOUL`, `KYIV`). */
  readonly place: string;
  /** A region or country printed after the place (`Ukraine` in `KYIV, Ukraine —`), else null. */
  readonly region: string | null;
  /** The dateline's date as TIMEX3 (`2025-09-13`, or `XXXX-09-13` when no year can be inferred), else null. */
  readonly date: string | null;
  /** The credited agencies in printed order (`["BSS", "AFP"]`). */
  readonly credits: readonly string[];
  /** The originating agency: the last credit. */
  readonly originator: string | null;
  /** The outlet that republished the originator's story: the first credit when there are several. */
  readonly republisher: string | null;
  /** Where the dateline sits in `text`, so that later stages can tell it from the body. */
  readonly start: number;
  readonly end: number;
}

/** What a reader knows about an article besides its text. Strings are normalised for odd spaces. */
export interface ArticleMeta {
  readonly outlet: string | null;
  /** ISO 8601 at minute precision (`2025-09-13T08:28`, with the offset when the input gives one), or a date. */
  readonly published: string | null;
  readonly headline: string | null;
  readonly url: string | null;
  /** BCP 47 primary language subtag (`en`). */
  readonly language: string | null;
  readonly authors: readonly string[];
  readonly dateline: Dateline | null;
}

/** Meta with nothing known. */
export const EMPTY_META: ArticleMeta = Object.freeze({
  outlet: null,
  published: null,
  headline: null,
  url: null,
  language: null,
  authors: Object.freeze([]) as readonly string[],
  dateline: null,
});
