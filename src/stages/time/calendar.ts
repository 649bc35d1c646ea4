/** A calendar day. Months are 1-12. */
export interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Reads the day of an ISO date or date-time (`2025-09-13T08:28`), or null. */
export function parseDay(value: string | null | undefined): Day | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/u.exec(value) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

const asDate = (day: Day): Date => new Date(Date.UTC(day.y, day.m - 1, day.d));
const fromDate = (date: Date): Day => ({ y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() });

/** The day n days after (or before, for negative n) a day. */
export function addDays(day: Day, n: number): Day {
  const date = asDate(day);
  date.setUTCDate(date.getUTCDate() + n);
  return fromDate(date);
}

/** The year and month n months after a day's month. */
export function addMonths(day: Day, n: number): { y: number; m: number } {
  const index = day.y * 12 + (day.m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** Day of the week, 1 = Monday ... 7 = Sunday (ISO). */
export function weekday(day: Day): number {
  return ((asDate(day).getUTCDay() + 6) % 7) + 1;
}

/** The ISO week-year and week number of a day. */
export function isoWeek(day: Day): { y: number; w: number } {
  const date = asDate(day);
  date.setUTCDate(date.getUTCDate() + 4 - weekday(day));
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return { y: date.getUTCFullYear(), w: Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/** Zero-pads to two digits. */
export const pad = (n: number): string => String(n).padStart(2, '0');

/** `2025-09-13`. */
export const dayValue = (day: Day): string => `${day.y}-${pad(day.m)}-${pad(day.d)}`;

/** `2025-W37`. */
export const weekValue = (day: Day): string => {
  const { y, w } = isoWeek(day);
  return `${y}-W${pad(w)}`;
};

/** The quarter (1-4) a month is in. */
export const quarterOf = (month: number): number => Math.ceil(month / 3);
