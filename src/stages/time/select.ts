import { overlaps, type Span } from '../../article/span.js';
import type { TimexMatch, TimexValue } from './types.js';

/** Keeps the longest of overlapping matches (then the higher priority, then the earlier). */
export function removeOverlaps(matches: readonly TimexMatch[]): TimexMatch[] {
  const ranked = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept = new DisjointSpans();
  const out: TimexMatch[] = [];
  for (const m of ranked) {
    if (kept.overlapsSpan(m)) continue;
    kept.add(m);
    out.push(m);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Spans no two of which overlap (as {@link overlaps} says), sorted by start, answering whether a new span
 * overlaps any of them by binary search instead of a scan over all. Spans of no width are kept apart: one
 * overlaps only a span holding its offset strictly inside, so they may sit anywhere among the others.
 */
class DisjointSpans {
  /** The spans of some width, sorted by start; being disjoint, their ends rise too. */
  private readonly wide: Span[] = [];
  /** The offsets of the spans of no width, sorted. */
  private readonly points: number[] = [];

  overlapsSpan(span: Span): boolean {
    // Note: of the wide spans starting before `span.end`, the last ends furthest; it overlaps when it ends after `span.start`.
    const before = countBelow(this.wide, span.end, (s) => s.start);
    if (before > 0 && overlaps(this.wide[before - 1]!, span)) return true;
    const point = countBelow(this.points, span.start + 1, (p) => p);
    return point < this.points.length && this.points[point]! < span.end;
  }

  add(span: Span): void {
    if (span.end > span.start) this.wide.splice(countBelow(this.wide, span.start, (s) => s.start), 0, span);
    else this.points.splice(countBelow(this.points, span.start, (p) => p), 0, span.start);
  }
}

/** The number of leading items whose key is below `bound`, in a list sorted by that key. */
function countBelow<T>(list: readonly T[], bound: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]!) < bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/u;
const DAY_RULES = new Set(['weekday', 'month-day-year', 'day-month-year', 'iso-date', 'deictic-day']);
const TIME_OF_DAY = /T(\d{2}(?::\d{2})?|MO|AF|EV|NI)$/u;

const WEEKDAY_THEN_DATE = /^,?\s*$/u;

/**
 * Merges a clock time with the day right after it (`5 p.m. EST, Nov. 6`, `10 p.m. Wednesday`), so that
 * one expression gets one value: the day's date with the time's hour. A weekday and the date right after
 * it (`Monday, Oct. 26`) are one expression too, as TimeML marks them, valued by the date.
 */
export function mergeAdjacent(text: string, matches: readonly TimexMatch[]): TimexMatch[] {
  const out: TimexMatch[] = [];
  for (const m of matches) {
    const last = out.at(-1);
    const gap = last ? text.slice(last.end, m.start) : '';
    const clock = last && (last.rule === 'clock-time' || last.rule === 'noon-midnight');
    if (last && clock && /^\s*,?\s*(?:on\s+)?$/u.test(gap) && DAY_RULES.has(m.rule)) out[out.length - 1] = clockOnDay(last, m);
    else if (last && last.rule === 'weekday' && WEEKDAY_THEN_DATE.test(gap) && (m.rule === 'month-day-year' || m.rule === 'day-month-year')) {
      out[out.length - 1] = { ...m, start: last.start, rule: `weekday+${m.rule}` };
    } else out.push(m);
  }
  return out;
}

/** One expression of a clock time and the day after it. */
function clockOnDay(first: TimexMatch, second: TimexMatch): TimexMatch {
  return {
    start: first.start,
    end: second.end,
    rule: `${first.rule}+${second.rule}`,
    priority: Math.max(first.priority, second.priority),
    resolve(context): TimexValue | null {
      const a = first.resolve(context);
      const b = second.resolve(context);
      if (!a || !b) return a ?? b;
      const day = b.value.slice(0, 10);
      const time = TIME_OF_DAY.exec(a.value)?.[1];
      if (!DAY_VALUE.test(day)) return a;
      return time ? { type: 'TIME', value: `${day}T${time}` } : b;
    },
  };
}

const COMMON_TIME_WORD = /^(?:this|last|next|today|tonight|tomorrow|yesterday|now|noon|midnight|week|weeks|month|months|year|years|day|days|hour|hours|minute|minutes|decade|decades|century|morning|evening|night)$/iu;

/**
 * True when a match is part of a title or a name (ABC's "This Week", CBS's "60 Minutes", "High Noon", VOA
 * Today): a common time word in it is capitalised though it does not start a sentence.
 */
export function inTitle(text: string, match: { start: number; end: number }): boolean {
  const words = [...text.slice(match.start, match.end).matchAll(/\p{L}+/gu)];
  return words.some((w, i) => {
    if (!/^\p{Lu}/u.test(w[0]) || !COMMON_TIME_WORD.test(w[0])) return false;
    if (i > 0) return true;
    const before = text.slice(Math.max(0, match.start - 40), match.start).replace(/[\s"'`“”‘’(]+$/u, '');
    return before !== '' && !/[.!?:;\n]$/u.test(before) && !/[.!?]["'”’`]+$/u.test(before);
  });
}
