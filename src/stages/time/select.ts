import { overlaps } from '../../article/span.js';
import type { TimexMatch, TimexValue } from './types.js';

/** Keeps the longest of overlapping matches (then the higher priority, then the earlier). */
export function removeOverlaps(matches: readonly TimexMatch[]): TimexMatch[] {
  const ranked = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: TimexMatch[] = [];
  for (const m of ranked) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/u;
const DAY_RULES = new Set(['weekday', 'month-day-year', 'day-month-year', 'iso-date', 'deictic-day']);
const TIME_OF_DAY = /T(\d{2}(?::\d{2})?|MO|AF|EV|NI)$/u;

/**
 * Merges a clock time with the day right after it (`5 p.m. EST, Nov. 6`, `10 p.m. Wednesday`), so that
 * one expression gets one value: the day's date with the time's hour. A weekday and the date after it
 * (`Thursday, Jan. 6`) stay two expressions, as TimeML marks them.
 */
export function mergeAdjacent(text: string, matches: readonly TimexMatch[]): TimexMatch[] {
  const out: TimexMatch[] = [];
  for (const m of matches) {
    const last = out.at(-1);
    const gap = last ? text.slice(last.end, m.start) : '';
    const clock = last && (last.rule === 'clock-time' || last.rule === 'noon-midnight');
    if (last && clock && /^\s*,?\s*(?:on\s+)?$/u.test(gap) && DAY_RULES.has(m.rule)) {
      const [first, second] = [last, m];
      out[out.length - 1] = {
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
    } else out.push(m);
  }
  return out;
}
