// Note: the English locale only; the package's root pulls in every locale (266 modules, 0.2 s of a cold start against 0.07 s).
import * as chrono from 'chrono-node/en';
import { pad, quarterOf } from './calendar.js';
import { DAY, MONTH, MONTH_ANCHOR, YEAR, YEAR_ANCHOR, wordPattern } from './grammar.js';
import { DATE_CUES, MONTHS, NOT_AFTER_YEAR, ORDINALS, SEASONS } from './locale/en.js';
import type { Recogniser, TimeContext, TimexValue } from './types.js';

const monthOf = (raw: string): number => MONTHS[raw.toLowerCase().replace(/\.$/u, '')]!;
const cues = new Set<string>(DATE_CUES);
const notYear = new Set<string>(NOT_AFTER_YEAR);

// Note: a date printed without its year is, in news, the next such date when that is close (within the
// window), or any future one when its clause is in the future tense; else the last one. Measured on TBAQ,
// this is closer to the annotators than the nearest date or the tense alone.
const FUTURE_WINDOW_DAYS = 90;
const MONTH_FUTURE_WINDOW_DAYS = 125;

function pastOrFuture(month: number, day: number, offset: number, context: TimeContext, window: number, toCome = false): number | null {
  const a = context.anchor;
  if (!a) return null;
  const anchorTime = Date.UTC(a.y, a.m - 1, a.d);
  const nextYear = Date.UTC(a.y, month - 1, day) > anchorTime ? a.y : a.y + 1;
  const ahead = (Date.UTC(nextYear, month - 1, day) - anchorTime) / 86_400_000;
  const lastYear = Date.UTC(a.y, month - 1, day) <= anchorTime ? a.y : a.y - 1;
  return ahead <= window || ((toCome || context.future(offset)) && ahead <= 365) ? nextYear : lastYear;
}

/** The year for a month and day printed without one; `effective` before it says the date is to come. */
function yearFor(month: number, day: number, offset: number, context: TimeContext, effective: boolean): number | null {
  return pastOrFuture(month, day, offset, context, FUTURE_WINDOW_DAYS, effective);
}

/** The year for a month printed alone: the anchor's own month is this year's; else as for a date on the 1st. */
function yearForMonth(month: number, offset: number, context: TimeContext): number | null {
  if (context.anchor && month === context.anchor.m) return context.anchor.y;
  // Note: in the past tense, a month more than two months ahead is last year's (a month or two ahead is
  // still often a deadline: "pay down the loan by February").
  const a = context.anchor;
  if (a && (month - a.m + 12) % 12 > 2 && context.past(offset)) return month < a.m ? a.y : a.y - 1;
  return pastOrFuture(month, 1, offset, context, MONTH_FUTURE_WINDOW_DAYS);
}

/**
 * Parses an explicit date with chrono-node, keeping only the components chrono is certain of: a printed
 * year makes a full date, a missing one is inferred from the anchor and the tense.
 */
function explicitDate(text: string, offset: number, context: TimeContext, effective = false): TimexValue | null {
  const ref = context.anchor ? new Date(Date.UTC(context.anchor.y, context.anchor.m - 1, context.anchor.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  const [result] = chrono.strict.parse(text, { instant: ref, timezone: 0 });
  if (!result) return null;
  const month = result.start.get('month');
  const day = result.start.get('day');
  if (!month || !day) return null;
  const year = result.start.isCertain('year') ? result.start.get('year') : yearFor(month, day, offset, context, effective);
  const date = `${year ?? 'XXXX'}-${pad(month)}-${pad(day)}`;
  if (result.start.isCertain('hour')) return { type: 'TIME', value: `${date}T${pad(result.start.get('hour')!)}:${pad(result.start.get('minute') ?? 0)}` };
  return { type: 'DATE', value: date };
}

const before = (text: string, index: number): string => (/([\p{L}]+)\W*$/u.exec(text.slice(Math.max(0, index - 20), index))?.[1] ?? '').toLowerCase();
const after = (text: string, index: number): string => (/^\W*([\p{L}%]+)/u.exec(text.slice(index, index + 20))?.[1] ?? '').toLowerCase();

/** Absolute dates: full dates, month and year, month alone, years, decades, quarters, halves, seasons. */
export const ABSOLUTE: readonly Recogniser[] = [
  {
    name: 'iso-date',
    anchor: /\d{4}-\d\d-\d\d/g,
    reach: 0,
    pattern: wordPattern('\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2})?'),
    resolve: (m) => ({ type: m[0].includes('T') ? 'TIME' : 'DATE', value: m[0] }),
  },
  {
    name: 'month-day-year',
    anchor: MONTH_ANCHOR,
    reach: 0,
    pattern: wordPattern(`${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?(?:,?\\s+(?:at\\s+)?\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?)?`),
    priority: 2,
    // Note: "effective Feb. 1" names a change to come (the next Feb. 1 within a year).
    resolve: (m, context, text) => explicitDate(m[0], m.index, context, before(text, m.index) === 'effective'),
  },
  {
    name: 'day-month-year',
    anchor: MONTH_ANCHOR,
    reach: 2,
    pattern: wordPattern(`${DAY}\\s+${MONTH}(?:,?\\s+${YEAR})?(?:,?\\s+\\d{1,2}:\\d{2})?`),
    priority: 2,
    resolve: (m, context) => explicitDate(m[0], m.index, context),
  },
  {
    name: 'month-year',
    anchor: MONTH_ANCHOR,
    reach: 0,
    pattern: wordPattern(`(${MONTH})(?:\\s+of)?,?\\s+(${YEAR})`),
    resolve: (m) => ({ type: 'DATE', value: `${m[2]}-${pad(monthOf(m[1]!))}` }),
  },
  {
    name: 'month-alone',
    anchor: MONTH_ANCHOR,
    reach: 0,
    pattern: wordPattern(`(${MONTH})`, true),
    resolve: (m, context, text) => {
      const word = m[1]!.replace(/\.$/u, '');
      // Note: "May" and "March" are verbs too; like any month alone they need a cue word before them.
      if (!cues.has(before(text, m.index)) || word.length < 3 || (word.length <= 4 && !m[1]!.endsWith('.') && !['May', 'June', 'July'].includes(word))) return null;
      const month = monthOf(m[1]!);
      const year = yearForMonth(month, m.index, context);
      return { type: 'DATE', value: `${year ?? 'XXXX'}-${pad(month)}` };
    },
  },
  {
    name: 'year',
    anchor: YEAR_ANCHOR,
    reach: 2,
    pattern: wordPattern(`(fiscal\\s+(?:year\\s+)?)?(${YEAR})(?!\\s*[-–]\\s*\\d)`),
    resolve: (m, _context, text) => {
      const prev = before(text, m.index);
      const next = after(text, m.index + m[0].length);
      // Note: a number with decimals ("close at 2082.1") or thousands is an amount, not a year.
      if (/[$€£#.,]$/u.test(text.slice(Math.max(0, m.index - 1), m.index)) || notYear.has(next) || /^(?:-|[.,]\d)/u.test(text.slice(m.index + m[0].length))) return null;
      if (!m[1] && !cues.has(prev)) return null;
      return { type: 'DATE', value: m[2]! };
    },
  },
  {
    name: 'decade',
    anchor: /0'?s/g,
    reach: 4,
    pattern: wordPattern(`(?:the\\s+)?(?:(early|mid|late)[-\\s])?(\\d{3})0'?s|(?:the\\s+)?'(\\d)0s`),
    priority: 1,
    resolve: (m) => {
      const decade = m[2] ?? (m[3] ? `19${m[3]}` : null);
      if (!decade) return null;
      const mod = { early: 'START', mid: 'MID', late: 'END' }[(m[1] ?? '').toLowerCase()] as TimexValue['mod'] | undefined;
      return { type: 'DATE', value: decade, ...(mod ? { mod } : {}) };
    },
  },
  {
    name: 'modified-year',
    anchor: YEAR_ANCHOR,
    reach: 5,
    pattern: wordPattern(`(early|mid|late|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of)[-\\s]+(${YEAR})`),
    priority: 1,
    resolve: (m) => {
      const word = m[1]!.toLowerCase();
      const mod = word.includes('end') || word === 'late' ? 'END' : word.includes('mid') ? 'MID' : 'START';
      return { type: 'DATE', value: m[2]!, mod };
    },
  },
  {
    name: 'quarter',
    anchor: ['quarter'],
    reach: 10,
    // Note: TimeML takes "the" with a quarter as a noun ("the third quarter") but not with the adjective
    // ("the third-quarter results" marks "third-quarter").
    pattern: wordPattern(`(?:(this|last|next)\\s+year's\\s+)?(?:(?:the\\s+)?(?:(${YEAR})\\s+)?(?:fiscal\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final)\\s+(?:fiscal\\s+)?quarter|(first|second|third|fourth|1st|2nd|3rd|4th)-quarter)(?:\\s+of\\s+(?:fiscal\\s+)?(${YEAR}))?`),
    priority: 1,
    resolve: (m, context) => {
      const n = ORDINALS[(m[3] ?? m[4])!.toLowerCase()]!;
      const a = context.anchor;
      const relative = m[1] ? { this: 0, last: -1, next: 1 }[m[1].toLowerCase() as 'this'] : null;
      const year = m[5] ?? m[2] ?? (a ? String(relative !== null ? a.y + relative : n > quarterOf(a.m) ? a.y - 1 : a.y) : 'XXXX');
      return { type: 'DATE', value: `${year}-Q${n}` };
    },
  },
  {
    name: 'modified-month',
    anchor: MONTH_ANCHOR,
    reach: 2,
    pattern: wordPattern(`(last|next|this|early|late|mid)[-\\s]+(${MONTH})(?!\\.?\\s+\\d)`),
    priority: 1,
    resolve: (m, context) => {
      const month = monthOf(m[2]!);
      const word = m[1]!.toLowerCase();
      const a = context.anchor;
      const mod = ({ early: 'START', late: 'END', mid: 'MID' } as const)[word as 'early'];
      let year = yearForMonth(month, m.index, context);
      if (a && word === 'last') year = month >= a.m ? a.y - 1 : a.y;
      if (a && word === 'next') year = month <= a.m ? a.y + 1 : a.y;
      if (a && word === 'this') year = a.y;
      return { type: 'DATE', value: `${year ?? 'XXXX'}-${pad(month)}`, ...(mod ? { mod } : {}) };
    },
  },
  {
    name: 'year-quarter',
    anchor: ['quarter', 'period'],
    reach: 2,
    // Note: "the 1988 quarter" is the quarter under discussion, in 1988.
    pattern: wordPattern(`the\\s+(${YEAR})\\s+(?:quarter|period)`),
    priority: 1,
    resolve: (m, context) => {
      const last = context.discussedQuarter ? /-Q(\d)$/u.exec(context.discussedQuarter)?.[1] : undefined;
      return { type: 'DATE', value: last ? `${m[1]}-Q${last}` : m[1]! };
    },
  },
  {
    name: 'half',
    anchor: ['half'],
    reach: 2,
    pattern: wordPattern(`(?:the\\s+)?(first|second)\\s+half(?:\\s+of\\s+(${YEAR}))?`),
    resolve: (m, context) => ({ type: 'DATE', value: `${m[2] ?? context.anchor?.y ?? 'XXXX'}-H${m[1]!.toLowerCase() === 'first' ? 1 : 2}` }),
  },
  {
    name: 'season-year',
    anchor: ['spring', 'summer', 'autumn', 'fall', 'winter'],
    reach: 1,
    pattern: wordPattern(`(?:the\\s+)?(spring|summer|autumn|fall|winter)(?:\\s+of)?\\s+(${YEAR})`),
    resolve: (m) => ({ type: 'DATE', value: `${m[2]}-${SEASONS[m[1]!.toLowerCase()]}` }),
  },
];

