/** Month names and abbreviations as printed in news, lower-cased, to month numbers. */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

/** Regular-expression source matching any month name or abbreviation, with an optional dot. */
export const MONTH_PATTERN = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

/** The month number (1 to 12) of a month name or abbreviation, or null. */
export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/u, '')] ?? null;
}

/** Zero-pads a number to two digits. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
