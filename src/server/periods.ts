import type { Granularity, PeriodCount, Timeline } from '../store/graph.js';

/** Months an axis spans at most before the default turns to years. */
export const MAX_MONTHS = 60;

const monthIndex = (period: string): number => Number(period.slice(0, 4)) * 12 + (period.length >= 7 ? Number(period.slice(5, 7)) - 1 : 0);

/** The granularity a timeline takes by default: months over at most five years, else years. */
function defaultGranularity(rows: readonly PeriodCount[]): Granularity {
  if (!rows.some((r) => r.period.length === 7)) return 'year';
  const indexes = rows.map((r) => monthIndex(r.period));
  return Math.max(...indexes) - Math.min(...indexes) < MAX_MONTHS ? 'month' : 'year';
}

/**
 * Puts the store's periods (months, and years for events dated to a year alone or a season) on one axis: by
 * month, the year-only ones go to `unplaced`; by year, every month goes to its year.
 * @param asked - the granularity asked for; by default months over at most five years, else years
 */
export function onOneAxis(rows: readonly PeriodCount[], asked?: Granularity): Timeline {
  const granularity = asked ?? defaultGranularity(rows);
  const periods = new Map<string, { events: number; cooperation: number; conflict: number }>();
  const unplaced = { events: 0, cooperation: 0, conflict: 0 };
  for (const r of rows) {
    const key = granularity === 'year' ? r.period.slice(0, 4) : r.period.length === 7 ? r.period : null;
    const into = key === null ? unplaced : periods.get(key) ?? periods.set(key, { events: 0, cooperation: 0, conflict: 0 }).get(key)!;
    into.events += r.events;
    into.cooperation += r.cooperation;
    into.conflict += r.conflict;
  }
  return { granularity, periods: [...periods].sort((a, b) => a[0].localeCompare(b[0])).map(([period, n]) => ({ period, ...n })), unplaced };
}
