import { addDays, addMonths, dayValue, pad, quarterOf, weekday, weekValue, type Day } from './calendar.js';
import { APPROXIMATOR, MONTH, QUANTITY, UNIT, WEEKDAY, quantityValue, unitOf, wordPattern } from './grammar.js';
import { MONTHS } from './locale/en.js';
import { PARTS_OF_DAY, SEASONS, WEEKDAYS } from './locale/en.js';
import type { Recogniser, TimeContext, TimexValue } from './types.js';

const MODS: Readonly<Record<string, TimexValue['mod']>> = { early: 'START', earlier: 'START', late: 'END', later: 'END', mid: 'MID', 'the end of': 'END', 'the beginning of': 'START', 'the start of': 'START', 'the middle of': 'MID' };

/** The value of the calendar unit that holds a day, at that unit's granularity. */
function unitValue(day: Day, unit: string): string | null {
  switch (unit) {
    case 'day': return dayValue(day);
    case 'week': return weekValue(day);
    case 'weekend': return `${weekValue(day)}-WE`;
    case 'month': return `${day.y}-${pad(day.m)}`;
    case 'quarter': return `${day.y}-Q${quarterOf(day.m)}`;
    case 'year': return String(day.y);
    case 'decade': return String(day.y).slice(0, 3);
    case 'century': return String(day.y).slice(0, 2);
    default: return null;
  }
}

/** The day n units from a day. */
function shift(day: Day, unit: string, n: number): Day {
  switch (unit) {
    case 'day': return addDays(day, n);
    case 'week': case 'weekend': return addDays(day, 7 * n);
    case 'month': { const m = addMonths(day, n); return { y: m.y, m: m.m, d: 1 }; }
    case 'quarter': { const m = addMonths(day, 3 * n); return { y: m.y, m: m.m, d: 1 }; }
    case 'year': return { y: day.y + n, m: day.m, d: 1 };
    case 'decade': return { y: day.y + 10 * n, m: 1, d: 1 };
    case 'century': return { y: day.y + 100 * n, m: 1, d: 1 };
    default: return day;
  }
}

/**
 * The weekday meant in a news sentence: the last one in the past tense, the next one in the future, and the
 * article's own day when it names that day (`Thursday` in a Thursday story is today, whatever the tense).
 */
function weekdayDate(anchor: Day, target: number, future: boolean): Day {
  const today = weekday(anchor);
  return addDays(anchor, future ? (target - today + 7) % 7 : -((today - target + 7) % 7));
}

/**
 * The first day of a TIMEX3 date of a year, month or day (`1995`, `1989-03`, `1989-10-27`), or null when the
 * value is coarser than the unit counted from it (a year says nothing of "the following month").
 */
function referenceDay(value: string | null, unit: string): Day | null {
  const m = value ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/u.exec(value) : null;
  if (!m || (!m[2] && unit !== 'year' && unit !== 'decade' && unit !== 'century') || (!m[3] && (unit === 'week' || unit === 'weekend'))) return null;
  return { y: Number(m[1]), m: Number(m[2] ?? 1), d: Number(m[3] ?? 1) };
}

/** The unit `this`, `last`, `next` (and their synonyms) name, counted from a day: `last year` is the year before. */
export const relativeUnit = (word: string, anchor: Day, unit: string, mod: TimexValue['mod'] | undefined): TimexValue | null => {
  const n = { this: 0, current: 0, last: -1, past: -1, previous: -1, next: 1, coming: 1, following: 1 }[word.toLowerCase()];
  if (n === undefined) return null;
  const value = unitValue(shift(anchor, unit, n), unit);
  return value ? { type: 'DATE', value, ...(mod ? { mod } : {}) } : null;
};

// Note: "today's world", "today's youth", "the people of tomorrow" speak of an age, not of a day: no timex.
const GENERIC_DAY = /^['’]s\s+(?:(?:personal|young|modern)\s+)?(?:world|youth|society|generations?|young|children|kids|standards|economy|computers|technology|families|culture)\b/iu;

/** The words of "the ... quarter" that name the quarter under discussion (with no word: "the quarter"). */
const THE_QUARTER_DISCUSSED = new Set(['latest', 'most recent', 'current', 'same']);

/** Relative dates: today, weekdays, this/last/next unit, N units ago, the year-earlier period. */
export const RELATIVE: readonly Recogniser[] = [
  {
    name: 'deictic-day',
    anchor: ['today', 'yesterday', 'tomorrow'],
    reach: 1,
    pattern: wordPattern('(?:(early|late|earlier|later)\\s+)?(today|yesterday|tomorrow)(?:\\s+(morning|afternoon|evening|night))?'),
    resolve: (m, { anchor }, text) => {
      if (GENERIC_DAY.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40)) || /\bof\s+$/iu.test(text.slice(Math.max(0, m.index - 4), m.index))) return null;
      if (!anchor) return { type: 'DATE', value: m[2]!.toLowerCase() === 'today' ? 'PRESENT_REF' : 'XXXX-XX-XX' };
      const day = addDays(anchor, { today: 0, yesterday: -1, tomorrow: 1 }[m[2]!.toLowerCase() as 'today']);
      const mod = m[1] ? ({ early: 'START', late: 'END' } as const)[m[1].toLowerCase() as 'early'] : undefined;
      return m[3] ? { type: 'TIME', value: `${dayValue(day)}T${PARTS_OF_DAY[m[3].toLowerCase()]}` } : { type: 'DATE', value: dayValue(day), ...(mod ? { mod } : {}) };
    },
  },
  {
    name: 'part-of-today',
    anchor: ['tonight', 'morning', 'afternoon', 'evening', 'night'],
    reach: 3,
    pattern: wordPattern('tonight|this\\s+(morning|afternoon|evening)|last\\s+night|(?:later|earlier)\\s+this\\s+(morning|afternoon|evening)'),
    resolve: (m, { anchor }) => {
      if (!anchor) return null;
      const lower = m[0].toLowerCase();
      const part = lower === 'tonight' ? 'NI' : lower.startsWith('last') ? 'NI' : PARTS_OF_DAY[(m[1] ?? m[2])!.toLowerCase()]!;
      return { type: 'TIME', value: `${dayValue(lower.startsWith('last') ? addDays(anchor, -1) : anchor)}T${part}` };
    },
  },
  {
    name: 'weekday',
    anchor: ['monday', 'tuesday', 'wednesday', 'thurs', 'friday', 'saturday', 'sunday'],
    reach: 3,
    pattern: wordPattern(`(?:([Ll]ast|[Nn]ext|[Tt]his|the\\s+previous|the\\s+following|this\\s+coming)\\s+)?(${WEEKDAY})(?:\\s+(morning|afternoon|evening|night))?`, true),
    resolve: (m, context) => {
      const target = WEEKDAYS[m[2]!.toLowerCase()]!;
      if (!context.anchor) return { type: 'DATE', value: `XXXX-WXX-${target}` };
      const word = (m[1] ?? '').toLowerCase().replace(/\s+/gu, ' ');
      const future = word === 'next' || word === 'the following' || word === 'this coming' || (word !== 'last' && word !== 'the previous' && context.future(m.index));
      // Note: "the previous Friday" and "the following Monday" count from the date last mentioned (narrative
      // time), "last Wednesday" and "next Wednesday" never name the reference day itself.
      const reference = word.startsWith('the ') ? referenceDay(context.lastDate, 'week') ?? context.anchor : context.anchor;
      let day = weekdayDate(reference, target, future);
      if (word && word !== 'this' && day.d === reference.d && day.m === reference.m) day = addDays(day, future ? 7 : -7);
      // Note: TIMEX3 gives a day's part its code ("Thursday evening" is a TIME, 1998-02-12TEV). TimeBank does so
      // for every evening and afternoon, but for only half of its mornings and nights, which it often leaves
      // out of the span ("Friday" night): with those coded too, TBAQ value F1 drops 0.0016, so they stay days.
      const part = m[3] && /^(?:evening|afternoon)$/iu.test(m[3]) ? PARTS_OF_DAY[m[3].toLowerCase()] : undefined;
      return part ? { type: 'TIME', value: `${dayValue(day)}T${part}` } : { type: 'DATE', value: dayValue(day) };
    },
  },
  {
    name: 'this-last-next-unit',
    anchor: ['week', 'month', 'quarter', 'year', 'decade', 'centur'],
    reach: 6,
    pattern: wordPattern('(?:(early|earlier|late|later|mid|sometime|the\\s+end\\s+of|the\\s+beginning\\s+of|the\\s+start\\s+of|the\\s+middle\\s+of)[-\\s]+)?(this|last|next|(?:the\\s+)?current|coming|(?:the\\s+)?previous|(?:the\\s+)?following)\\s+(week|weekend|month|quarter|year|decade|century)'),
    resolve: (m, { anchor, lastDate }) => {
      if (!anchor) return null;
      // Note: "the following year", "the previous month" count from the date last mentioned when there is one.
      const fromLast = /^the\s+(?:previous|following)/iu.test(m[2]!) ? referenceDay(lastDate, m[3]!.toLowerCase()) : null;
      return relativeUnit(m[2]!.replace(/^the\s+/iu, ''), fromLast ?? anchor, m[3]!.toLowerCase(), m[1] ? MODS[m[1].toLowerCase().replace(/\s+/gu, ' ')] : undefined);
    },
  },
  {
    name: 'month-relative-year',
    anchor: ['year'],
    reach: 3,
    pattern: wordPattern(`(${MONTH})\\s+(this|last|next)\\s+year`),
    priority: 1,
    resolve: (m, { anchor }) => {
      if (!anchor) return null;
      const year = anchor.y + { this: 0, last: -1, next: 1 }[m[2]!.toLowerCase() as 'this'];
      return { type: 'DATE', value: `${year}-${pad(MONTHS[m[1]!.toLowerCase().replace(/\.$/u, '')]!)}` };
    },
  },
  {
    name: 'the-unit-of-reference',
    anchor: ['quarter', 'period'],
    reach: 3,
    pattern: wordPattern('the\\s+(latest|most\\s+recent|last|past|previous|current|same)\\s+(?:quarter|period)|the\\s+quarter'),
    resolve: (m, { anchor, discussedQuarter }) => {
      if (!anchor) return null;
      const word = (m[1] ?? 'latest').toLowerCase().replace(/\s+/gu, ' ');
      // Note: in an earnings report "the quarter", "the latest period" are the quarter under discussion, the one
      // last named ("the third quarter ... in the quarter"); "the last quarter" counts back from the article.
      if (discussedQuarter && THE_QUARTER_DISCUSSED.has(word)) return { type: 'DATE', value: discussedQuarter };
      const back = word === 'current' || word === 'same' ? 0 : -1;
      return { type: 'DATE', value: `${shift(anchor, 'quarter', back).y}-Q${quarterOf(shift(anchor, 'quarter', back).m)}` };
    },
  },
  {
    name: 'units-ago',
    anchor: ['ago', 'earlier', 'from', 'hence'],
    reach: 12,
    // Note: TimeML keeps "ago" and "earlier" in the span but not "later" or "before" ("three days later" marks "three days").
    pattern: wordPattern(`(?:${APPROXIMATOR}\\s+)?(${QUANTITY})\\s+(${UNIT})\\s+(ago|earlier|from\\s+now|hence)`),
    priority: 1,
    resolve: (m, context) => unitsAgo(m[2]!, m[3]!, m[4]!, context),
  },
  {
    name: 'year-earlier',
    anchor: ['year'],
    reach: 3,
    pattern: wordPattern('(?:the\\s+)?(?:comparable\\s+)?year-(?:earlier|ago)\\s+(?:(first|second|third|fourth)\\s+)?(?:quarter|period)|year-(?:earlier|ago)'),
    resolve: (m, context) => {
      const ordinal = m[1] ? { first: 1, second: 2, third: 3, fourth: 4 }[m[1].toLowerCase() as 'first'] : null;
      if (ordinal && context.anchor) return { type: 'DATE', value: `${context.anchor.y - 1 - (ordinal > quarterOf(context.anchor.m) ? 1 : 0)}-Q${ordinal}` };
      // Note: "the year-ago quarter" is the quarter under discussion, a year before.
      const discussed = context.discussedQuarter ? /^(\d{4})-(Q\d)$/u.exec(context.discussedQuarter) : null;
      if (discussed && /quarter|period/iu.test(m[0])) return { type: 'DATE', value: `${Number(discussed[1]) - 1}-${discussed[2]}` };
      return unitsAgo('a', 'year', 'earlier', context);
    },
  },
  {
    name: 'season',
    anchor: ['spring', 'summer', 'autumn', 'fall', 'winter'],
    reach: 1,
    pattern: wordPattern('(this|last|next)\\s+(spring|summer|autumn|fall|winter)'),
    resolve: (m, { anchor }) => {
      if (!anchor) return null;
      const n = { this: 0, last: -1, next: 1 }[m[1]!.toLowerCase() as 'this'];
      return { type: 'DATE', value: `${anchor.y + n}-${SEASONS[m[2]!.toLowerCase()]}` };
    },
  },
];

/**
 * `three years ago`, `a year earlier`: the anchor shifted at the unit's granularity. After a quarter (the
 * usual case in earnings reports), `a year earlier` is that quarter a year before.
 */
function unitsAgo(quantity: string, unitWord: string, direction: string, context: TimeContext): TimexValue | null {
  const unit = unitOf(unitWord);
  const n = quantityValue(quantity) ?? null;
  const sign = /ago|earlier|before/iu.test(direction) ? -1 : 1;
  const discussedQuarter = context.lastDate ? /^(\d{4})-Q(\d)$/u.exec(context.lastDate) : null;
  if (unit === 'year' && n === 1 && discussedQuarter) return { type: 'DATE', value: `${Number(discussedQuarter[1]) + sign}-Q${discussedQuarter[2]}` };
  if (!context.anchor) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
  if (n === null) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF' };
  const value = unitValue(shift(context.anchor, unit, sign * n), unit === 'hour' || unit === 'minute' ? 'day' : unit);
  return value ? { type: 'DATE', value } : null;
}
