import { addDays, dayValue, pad, weekday, weekValue, type Day } from './calendar.js';
import { MONTH, wordPattern } from './grammar.js';
import { MONTHS, NUMBER_WORDS, SEASONS } from './locale/en.js';
import type { Recogniser, TimexValue } from './types.js';

const TENS = '(ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
const UNITS = '(one|two|three|four|five|six|seven|eight|nine)';
const TEENS = '(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
/** A year said in words, as broadcast transcripts print it: `nineteen ninety-six`, `the year two thousand`. */
const SPOKEN_YEAR = `(?:nineteen[-\\s]${TENS}(?:[-\\s]${UNITS})?|(?:the\\s+year\\s+)?two\\s+thousand(?:\\s+and)?(?:\\s+${TEENS})?)`;

const word = (w: string | undefined): number => (w ? NUMBER_WORDS[w.toLowerCase()] ?? 0 : 0);

/** The year of a spoken year's groups (tens, units of the 1900s; the rest of the 2000s), or null. */
function spokenYear(text: string, tens?: string, units?: string, rest?: string): number | null {
  if (tens) return 1900 + word(tens) + word(units);
  // Note: "two thousand" alone is a count ("two thousand people") unless "the year" says it is one.
  if (!rest && !/^the\s+year/iu.test(text)) return null;
  return 2000 + word(rest);
}

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21,
};
const DECADE_WORDS: Readonly<Record<string, string>> = { twenties: '2', thirties: '3', forties: '4', fifties: '5', sixties: '6', seventies: '7', eighties: '8', nineties: '9' };

/** Spoken years, centuries by ordinal, decades in words. */
export const PERIODS: readonly Recogniser[] = [
  {
    name: 'spoken-year',
    anchor: ['nineteen', 'thousand'],
    reach: 7,
    pattern: wordPattern(`(?:(${MONTH})\\s+(?:of\\s+)?|(?:the\\s+)?(spring|summer|autumn|fall|winter)\\s+of\\s+)?${SPOKEN_YEAR}`),
    priority: 1,
    resolve: (m): TimexValue | null => {
      const year = spokenYear(m[0].replace(/^.*?(?=nineteen|the\s+year|two)/iu, ''), m[3], m[4], m[5]);
      if (year === null) return null;
      if (m[1]) return { type: 'DATE', value: `${year}-${pad(MONTHS[m[1].toLowerCase().replace(/\.$/u, '')]!)}` };
      return { type: 'DATE', value: m[2] ? `${year}-${SEASONS[m[2].toLowerCase()]}` : String(year) };
    },
  },
  {
    name: 'century',
    anchor: ['centur'],
    reach: 4,
    // Note: TIMEX3 writes a century by its first two digits: the 20th century (1900-1999) is "19".
    pattern: wordPattern(`(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)|(${Object.keys(ORDINAL_WORDS).join('|')}))[-\\s]century`),
    resolve: (m) => {
      const n = m[1] ? Number(m[1]) : ORDINAL_WORDS[m[2]!.toLowerCase()]!;
      return n >= 1 && n <= 22 ? { type: 'DATE', value: pad(n - 1) } : null;
    },
  },
  {
    name: 'decade-words',
    anchor: Object.keys(DECADE_WORDS),
    reach: 3,
    pattern: wordPattern(`the\\s+(?:(early|mid|late)[-\\s]+)?(${Object.keys(DECADE_WORDS).join('|')})`),
    resolve: (m) => {
      const mod = ({ early: 'START', mid: 'MID', late: 'END' } as const)[(m[1] ?? '').toLowerCase() as 'early'];
      return { type: 'DATE', value: `19${DECADE_WORDS[m[2]!.toLowerCase()]}`, ...(mod ? { mod } : {}) };
    },
  },
];

const DAY_BEFORE_OR_AFTER = /^\s+(?:before|after|earlier|later|ago|that|when|in\s+which|since|-)/iu;

/** The year, the fiscal or full year, the year's or the month's end: periods named by the article's date. */
export const ANCHORED_PERIODS: readonly Recogniser[] = [
  {
    name: 'the-year',
    anchor: ['year'],
    reach: 4,
    // Note: "the year ended Sept. 30" is a year-long period (a DURATION, as TimeML marks it); "for the year"
    // alone is the article's year, and "the latest fiscal year" the one before it.
    pattern: wordPattern('the\\s+(?:(latest|current|full|same)\\s+)?(?:fiscal\\s+)?year(?![-\\p{L}])'),
    resolve: (m, { anchor }, text) => {
      const next = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      if (/^\s+(?:ended|ending|to\s+date)\b/iu.test(next)) return { type: 'DURATION', value: 'P1Y' };
      if (DAY_BEFORE_OR_AFTER.test(next) || /^\s+\d|^'/u.test(next) || !anchor) return null;
      return { type: 'DATE', value: String(m[1]?.toLowerCase() === 'latest' ? anchor.y - 1 : anchor.y) };
    },
  },
  {
    name: 'period-end',
    anchor: ['end'],
    reach: 4,
    pattern: wordPattern("(?:the\\s+)?(?:year[-\\s]end|year's\\s+end)|the\\s+end\\s+of\\s+the\\s+(year|month)"),
    resolve: (m, { anchor }) => {
      if (!anchor) return null;
      return { type: 'DATE', value: m[1]?.toLowerCase() === 'month' ? `${anchor.y}-${pad(anchor.m)}` : String(anchor.y), mod: 'END' };
    },
  },
  {
    name: 'that-unit',
    anchor: ['that'],
    reach: 2,
    // Note: "later that year", "that same day" name the period of the date last mentioned, not the article's.
    pattern: wordPattern('(?:(?:later|earlier)\\s+)?that\\s+(?:same\\s+)?(year|quarter|month|day)'),
    resolve: (m, { lastDate, discussedQuarter }) => {
      const unit = m[1]!.toLowerCase();
      if (unit === 'quarter' && discussedQuarter) return { type: 'DATE', value: discussedQuarter };
      const d = lastDate ? /^(\d{4})(?:-(\d{2}|Q\d))?(?:-(\d{2}))?/u.exec(lastDate) : null;
      // Note: before any date is known (as when matches are first found) it is a past reference.
      if (!d) return { type: 'DATE', value: 'PAST_REF' };
      if (unit === 'year') return { type: 'DATE', value: d[1]! };
      if (unit === 'quarter' && d[2]) return { type: 'DATE', value: d[2].startsWith('Q') ? `${d[1]}-${d[2]}` : `${d[1]}-Q${Math.ceil(Number(d[2]) / 3)}` };
      if (unit === 'month' && d[2] && !d[2].startsWith('Q')) return { type: 'DATE', value: `${d[1]}-${d[2]}` };
      if (unit === 'day' && d[3]) return { type: 'DATE', value: `${d[1]}-${d[2]}-${d[3]}` };
      return null;
    },
  },
];

const SEASON_START: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** The n-th (1-based; -1 the last) given ISO weekday of a month. */
function nthWeekday(y: number, month: number, isoDay: number, n: number): Day {
  const first = { y, m: month, d: 1 };
  const offset = (isoDay - weekday(first) + 7) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

/** Holidays of fixed rule, by the day they fall on in a year. */
const HOLIDAYS: Readonly<Record<string, (y: number) => Day>> = {
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'election day': (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
  christmas: (y) => ({ y, m: 12, d: 25 }),
  'christmas day': (y) => ({ y, m: 12, d: 25 }),
  "new year's day": (y) => ({ y, m: 1, d: 1 }),
  'independence day': (y) => ({ y, m: 7, d: 4 }),
};

/** The weekend and holidays: the last one before the article's date, or the next when the clause is future. */
export const NAMED_DAYS: readonly Recogniser[] = [
  {
    name: 'the-weekend',
    anchor: ['weekend'],
    reach: 1,
    pattern: wordPattern('the\\s+weekend'),
    resolve: (m, context) => {
      const a = context.anchor;
      if (!a) return null;
      const today = weekday(a);
      // Note: a Saturday or Sunday article's weekend is its own; else the last one, or the next in the future.
      const saturday = today >= 6 ? addDays(a, 6 - today) : context.future(m.index) ? addDays(a, 6 - today) : addDays(a, -(today + 1));
      return { type: 'DATE', value: `${weekValue(saturday)}-WE` };
    },
  },
  {
    name: 'the-season',
    anchor: ['spring', 'summer', 'autumn', 'fall', 'winter'],
    reach: 3,
    // Note: "the summer" with no year is the article's own or the last one; "the fall of Rome" is no season.
    pattern: wordPattern('(?:this\\s+past|the(?:\\s+(?:early|late))?)\\s+(spring|summer|fall|autumn|winter)(?!\\s+of\\b)'),
    resolve: (m, context) => {
      const a = context.anchor;
      if (!a) return null;
      const season = SEASONS[m[1]!.toLowerCase()]!;
      const start = SEASON_START[season]!;
      const year = start <= a.m || context.future(m.index) ? a.y : a.y - 1;
      return { type: 'DATE', value: `${year}-${season}` };
    },
  },
  {
    name: 'holiday',
    // Note: "new year's day" by its "year", two words in.
    anchor: ['thanksgiving', 'christmas', 'election', 'independence', 'year'],
    reach: 2,
    pattern: wordPattern(`(?:(last|next|this)\\s+)?(${Object.keys(HOLIDAYS).sort((x, y) => y.length - x.length).join('|').replace(/ /gu, '\\s+')})(?:\\s+day)?`),
    resolve: (m, context) => {
      const a = context.anchor;
      const rule = HOLIDAYS[m[2]!.toLowerCase().replace(/\s+/gu, ' ')]!;
      if (!a) return null;
      const thisYear = rule(a.y);
      const passed = Date.UTC(thisYear.y, thisYear.m - 1, thisYear.d) <= Date.UTC(a.y, a.m - 1, a.d);
      const word = (m[1] ?? '').toLowerCase();
      // Note: as for a date without its year, a holiday close ahead (within 90 days) is the coming one.
      const coming = passed ? rule(a.y + 1) : thisYear;
      const close = (Date.UTC(coming.y, coming.m - 1, coming.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000 <= 90;
      const future = word === 'next' || (word !== 'last' && (close || context.future(m.index)));
      const day = word === 'this' ? thisYear : future ? (passed ? rule(a.y + 1) : thisYear) : passed ? thisYear : rule(a.y - 1);
      return { type: 'DATE', value: dayValue(day) };
    },
  },
];
