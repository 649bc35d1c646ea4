import type { Day } from './calendar.js';

/** TIMEX3 types. */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A normalised time expression, before it gets its span. */
export interface TimexValue {
  readonly type: TimexType;
  readonly value: string;
  readonly mod?: 'START' | 'MID' | 'END' | 'APPROX' | 'LESS_THAN' | 'MORE_THAN';
}

/** What a recogniser's resolve step may read: the anchor and what came before in the article. */
export interface TimeContext {
  /** The article's date (`meta.published`, else the dateline date, else `--date`). */
  readonly anchor: Day | null;
  /** True when the sentence around an offset speaks of the future (`will`, `next`). */
  future(offset: number): boolean;
  /** True when the sentence around an offset is told in the past tense (`bought`, `was`) and not the future. */
  past(offset: number): boolean;
  /** The value of the last DATE resolved before this one in the article, for `a year earlier` after a quarter. */
  readonly lastDate: string | null;
  /**
   * The quarter under discussion (`1989-Q3`): the first the article names, as an earnings report names its
   * quarter in the lead before it compares; `the quarter`, `the latest period`, `that quarter` and `the
   * year-ago quarter` speak of it.
   */
  readonly discussedQuarter: string | null;
}

/** A match found by a recogniser; its value is resolved later, in text order, once overlaps are settled. */
export interface TimexMatch {
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  /** Higher wins an overlap of equal length. */
  readonly priority: number;
  resolve(context: TimeContext): TimexValue | null;
}

/** A recogniser: a pattern and what a match of it means. */
export interface Recogniser {
  readonly name: string;
  readonly pattern: RegExp;
  readonly priority?: number;
  /**
   * What every match contains, found in the lower-cased text: a word beginning with one of some lower-case words
   * of three letters or more, or a plain global pattern (no `i` or `u` flag). The pattern is tried only near its occurrences (see `scanMatches`); absent,
   * the whole text is scanned.
   */
  readonly anchor?: RegExp | readonly string[];
  /** How many word starts (or other offsets a match may start at) a match may begin before its anchor: 0 when it begins at it. */
  readonly reach?: number;
  /** Returns null when the match is not a time after all (a number of troops, a name). */
  resolve(match: RegExpExecArray, context: TimeContext, text: string): TimexValue | null;
}
