import { MONTH_PATTERN, monthNumber, pad2 } from './months.js';
import { cleanSpaces } from './spaces.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/u;
const TIME = '(\\d{1,2})[:.](\\d{2})(?::\\d{2})?\\s*([ap]\\.?m\\.?)?';
const ZONE = '(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[A-Z]{2,4})?';
const DAY_MONTH = new RegExp(`^(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\s+(${MONTH_PATTERN})\\s+(\\d{4})(?:,?\\s+(?:at\\s+)?${TIME})?\\s*${ZONE}$`, 'iu');
const MONTH_DAY = new RegExp(`^(?:[A-Za-z]{3,9},?\\s+)?(${MONTH_PATTERN})\\s+(\\d{1,2}),?\\s+(\\d{4})(?:,?\\s+(?:at\\s+)?${TIME})?\\s*${ZONE}$`, 'iu');

/**
 * Normalises a printed timestamp to ISO 8601 at minute precision, keeping an offset when one is given:
 * `13 Sep 2025, 08:28` -> `2025-09-13T08:28`; `Sat, 13 Sep 2025 08:28:00 +0900` -> `2025-09-13T08:28+09:00`;
 * `2025-09-13T08:28:00Z` -> `2025-09-13T08:28Z`; `Sept 13, 2025` -> `2025-09-13`.
 * @returns the ISO string, or null when the value is not a timestamp this function knows
 */
export function parseTimestamp(raw: string): string | null {
  const value = cleanSpaces(raw);
  const iso = ISO.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, zone] = iso;
    return build(Number(y), Number(mo), Number(d), h, mi, undefined, zone);
  }
  const dm = DAY_MONTH.exec(value);
  if (dm) {
    const [, d, month, y, h, mi, ampm, zone] = dm;
    return build(Number(y), monthNumber(month!) ?? 0, Number(d), h, mi, ampm, zone);
  }
  const md = MONTH_DAY.exec(value);
  if (md) {
    const [, month, d, y, h, mi, ampm, zone] = md;
    return build(Number(y), monthNumber(month!) ?? 0, Number(d), h, mi, ampm, zone);
  }
  return null;
}

function build(y: number, mo: number, d: number, h?: string, mi?: string, ampm?: string, zone?: string): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const date = `${y}-${pad2(mo)}-${pad2(d)}`;
  if (h === undefined || mi === undefined) return date;
  let hour = Number(h);
  if (ampm) {
    const pm = ampm.toLowerCase().startsWith('p');
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  if (hour > 23 || Number(mi) > 59) return null;
  return `${date}T${pad2(hour)}:${mi}${offset(zone)}`;
}

function offset(zone: string | undefined): string {
  if (!zone) return '';
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/u.exec(z);
  if (m) return `${m[1]}${m[2]}:${m[3]}`;
  return NAMED_ZONES[z] ?? '';
}

// Note: only the zones RFC 822 names; other abbreviations are ambiguous (IST, CST) and are dropped.
const NAMED_ZONES: Readonly<Record<string, string>> = {
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00', UT: 'Z',
};

/** Days in a month of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
