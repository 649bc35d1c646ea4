import type { Dateline } from '../article/meta.js';
import { MONTH_PATTERN, monthNumber, pad2 } from './months.js';
import { isKnownPlace } from './places.js';
import { cleanSpaces } from './spaces.js';
import { daysInMonth } from './timestamp.js';

const SP = '[ \\t\\u00A0]';
const PLACE = `(\\p{Lu}[\\p{Lu}\\p{M}.'’\\-]*(?:${SP}+\\p{Lu}[\\p{Lu}\\p{M}.'’\\-]*){0,3})`;
const REGION = `(\\p{Lu}[\\p{L}.'’\\-]*(?:${SP}+\\p{Lu}[\\p{L}.'’\\-]*){0,2})`;
const DATE = `(${MONTH_PATTERN})${SP}+(\\d{1,2})(?:,${SP}*(\\d{4}))?`;
const ISO_DATE = '(\\d{4})-(\\d{2})-(\\d{2})';
const CREDITS = '\\(([^()\\n]{1,60})\\)';
// Note: `_` is the dash of the AP and NYT wire feeds of the 1990s (`NAIROBI, Kenya (AP) _`).
const DASH = '(?:--|[-_\\u2013\\u2014\\u2015])';
// Note: tokenised text (`NICE , France`) puts a space before the comma.
const COMMA = `${SP}*,${SP}*`;
const PLACE_REGION = `${PLACE}(?:${COMMA}(?!${MONTH_PATTERN}${SP}+\\d)${REGION})?`;

// Note: the place must be in capitals and the dateline must end in a dash, or the first words of an
// ordinary sentence ("The U.S. (Washington) ...") would be taken for one.
const DASH_DATELINE = new RegExp(`^${PLACE_REGION}(?:${COMMA}${DATE})?${SP}*(?:${CREDITS}${SP}*)?${DASH}${SP}*`, 'u');

// Note: a line holding only a place and a date (`LONDON 1996-08-30`, `BOGOTA, Colombia, Aug 30`) is a
// dateline without a dash, as wire services printed it under the headline.
const LINE_DATELINE = new RegExp(`^${PLACE_REGION}(?:${COMMA}|${SP}+)(?:${ISO_DATE}|${DATE})${SP}*(?=\\n|$)`, 'u');

/**
 * Parses a dateline at the start of a body paragraph: `SEOUL, Sept 13, 2025 (BSS/AFP) -`,
 * `WASHINGTON (Reuters) -`, `PARIS, Sept. 13 (AFP) --`, `KYIV, Ukraine —`, or a line of its own holding a
 * place and a date (`LONDON 1996-08-30`). A dateline with a dash but neither a date nor a credit needs a
 * place (or region) the knowledge base knows, so that `CRICKET - ENGLAND WIN` is no dateline.
 * @param paragraph - the paragraph's text
 * @param offset - where the paragraph starts in the Article's text
 * @param anchor - the article's publication date (`YYYY-MM-DD...`), used to infer a missing year
 * @returns the dateline, or null when the paragraph does not open with one
 */
export function parseDateline(paragraph: string, offset: number, anchor: string | null): Dateline | null {
  return dashDateline(paragraph, offset, anchor) ?? lineDateline(paragraph, offset, anchor);
}

function dashDateline(paragraph: string, offset: number, anchor: string | null): Dateline | null {
  const m = DASH_DATELINE.exec(paragraph);
  if (!m) return null;
  const [whole, place, region, month, day, year, credits] = m;
  const placeText = cleanSpaces(place!);
  if (!/\p{Lu}{2}/u.test(placeText)) return null;
  if (!month && !credits && !isKnownPlace(placeText) && !(region && isKnownPlace(region))) return null;
  const creditList = credits ? splitCredits(credits) : [];
  return {
    place: placeText,
    region: region ? cleanSpaces(region) : null,
    date: month ? datelineDate(monthNumber(month) ?? 0, Number(day), year, anchor) : null,
    credits: creditList,
    originator: creditList.at(-1) ?? null,
    republisher: creditList.length > 1 ? creditList[0]! : null,
    start: offset,
    end: offset + whole.trimEnd().length,
  };
}

function lineDateline(paragraph: string, offset: number, anchor: string | null): Dateline | null {
  const m = LINE_DATELINE.exec(paragraph);
  if (!m) return null;
  const [whole, place, region, isoYear, isoMonth, isoDay, month, day, year] = m;
  const placeText = cleanSpaces(place!);
  if (!/\p{Lu}{2}/u.test(placeText)) return null;
  const date = isoYear ? isoDate(Number(isoYear), Number(isoMonth), Number(isoDay)) : datelineDate(monthNumber(month!) ?? 0, Number(day), year, anchor);
  if (date === null) return null;
  return {
    place: placeText,
    region: region ? cleanSpaces(region) : null,
    date,
    credits: [],
    originator: null,
    republisher: null,
    start: offset,
    end: offset + whole.trimEnd().length,
  };
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function splitCredits(raw: string): string[] {
  return raw
    .split(/\s*(?:\/|,|;|\band\b)\s*/u)
    .map(cleanSpaces)
    .filter((c) => c !== '');
}

/** The dateline's date as TIMEX3; without a printed year, the year of the anchor that keeps the date at or before it. */
function datelineDate(month: number, day: number, year: string | undefined, anchor: string | null): string | null {
  if (month < 1 || day < 1 || day > 31) return null;
  if (year) return day <= daysInMonth(Number(year), month) ? `${year}-${pad2(month)}-${pad2(day)}` : null;
  const a = anchor ? /^(\d{4})-(\d{2})-(\d{2})/u.exec(anchor) : null;
  if (!a) return `XXXX-${pad2(month)}-${pad2(day)}`;
  let y = Number(a[1]);
  const anchorKey = Number(a[2]) * 100 + Number(a[3]);
  // Note: a dateline a few days after the anchor is a late timestamp, not last year's story.
  if (month * 100 + day > anchorKey + 7) y -= 1;
  return `${y}-${pad2(month)}-${pad2(day)}`;
}
