import { APPROXIMATOR, QUANTITY, UNIT, UNIT_ANCHOR, approximatorMod, durationValue, quantityValue, wordPattern } from './grammar.js';
import { relativeUnit } from './relative.js';
import type { Recogniser } from './types.js';

// Note: bare plural units ("for years") are durations only after these words; elsewhere they are too often not times.
const BARE_UNIT_CUES = /(?:for|over|within|in|after|take|takes|took|taking|spent|lasting|lasted)\s+$/iu;

// Note: a perfect in the clause before a span (`has doubled over`, `have been ... in`): no sentence end after it.
const PERFECT_BEFORE = /\b(?:has|have|had|'ve)\s[^.!?;]*$/iu;

/** Durations (`three years`, `48 hours`, `two more weeks`, `eight trading days`, `the past two months`, `two-year`) and sets (`every week`, `annually`). */
export const DURATIONS: readonly Recogniser[] = [
  {
    name: 'quantity-unit',
    anchor: UNIT_ANCHOR,
    reach: 19,
    pattern: wordPattern(`(?:${APPROXIMATOR}\\s+)?(?:the\\s+(?:(?:first|last|past|next|coming|previous|final|latest)\\s+)?)?(?:(?:first|last|past|next|coming|previous)\\s+)?(?:${QUANTITY}\\s+(?:to|or)\\s+)?(${QUANTITY})[-\\s](?:(?:more|additional|extra|straight|consecutive|trading|business|working)\\s+)?(${UNIT})(\\s+and\\s+a\\s+half)?(?:\\s+or\\s+so)?`),
    resolve: (m, _context, text) => {
      const mod = approximatorMod(m[1]);
      const andAHalf = m[4] ? 0.5 : 0;
      m = Object.assign([m[0], m[2], m[3]], { index: m.index, input: m.input }) as unknown as RegExpExecArray;
      const unit = m[2]!.toLowerCase();
      const following = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      // Note: ages ("a 6-year-old", "52 years old"), fractions ("a quarter", "three-quarters"), the ordinal
      // "a second", and rates after an amount ("100 barrels a day") are not durations.
      if (/^[-\s]old\b/iu.test(following)) return null;
      if (/^quarters?$/u.test(unit) && (/^an?$/iu.test(m[1]!) || /-quarters/iu.test(m[0]))) return null;
      if (/^(?:1\d{3}|20\d{2})$/u.test(m[1]!)) return null;
      if (/^an?$/iu.test(m[1]!) && unit === 'second') return null;
      if (/^an?$/iu.test(m[1]!) && /(?:\d|\b(?:per|cents?|dollars?|barrels|tons|miles))[^.;]{0,25}$/iu.test(text.slice(Math.max(0, m.index - 30), m.index))) return null;
      if (/^\d/u.test(m[1]!) && /[$€£]\s*$/u.test(text.slice(Math.max(0, m.index - 2), m.index))) return null;
      const quantity = quantityValue(m[1]!);
      return { type: 'DURATION', value: durationValue(quantity === null ? null : quantity + andAHalf, m[2]!), ...(mod ? { mod } : {}) };
    },
  },
  {
    name: 'the-past-unit',
    anchor: ['past', 'last', 'next', 'coming'],
    reach: 1,
    pattern: wordPattern('the\\s+(?:past|last|next|coming)\\s+(week|month|year|decade|century|quarter)(?:\\s+or\\s+so)?'),
    // Note: "the past year", "in the last decade", "the next year or so" name the calendar unit before or after
    // the article's, as TimeML marks them (a DATE), unlike "the past three years"; after a perfect ("has doubled
    // over the past decade") they are the span up to now, a DURATION.
    resolve: (m, { anchor }, text) => {
      if (!anchor || PERFECT_BEFORE.test(text.slice(Math.max(0, m.index - 60), m.index))) return { type: 'DURATION', value: durationValue(1, m[1]!) };
      return relativeUnit(/^the\s+(past|last)/iu.test(m[0]) ? 'last' : 'next', anchor, m[1]!.toLowerCase(), undefined);
    },
  },
  {
    name: 'bare-units',
    anchor: ['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries'],
    reach: 0,
    pattern: wordPattern('(seconds|minutes|hours|days|weeks|months|years|decades|centuries)'),
    priority: -1,
    resolve: (m, _context, text) => (BARE_UNIT_CUES.test(text.slice(Math.max(0, m.index - 12), m.index)) ? { type: 'DURATION', value: durationValue(null, m[1]!) } : null),
  },
  {
    name: 'unit-long',
    anchor: /-long/g,
    reach: 3,
    // Note: "a decades-long battle", "their third day-long meeting": an adjective of how long, a DURATION.
    pattern: wordPattern(`(?:(${QUANTITY})-)?(${UNIT})-long`),
    priority: 1,
    resolve: (m) => ({ type: 'DURATION', value: durationValue(m[1] ? quantityValue(m[1]) : /s$/iu.test(m[2]!) ? null : 1, m[2]!) }),
  },
  {
    name: 'a-while',
    anchor: /\ba\s+while/g,
    reach: 0,
    // Note: "for a while", "in a while": a stretch of time of no stated length (the conjunction "while" is no time).
    pattern: wordPattern('(?<=(?:for|in|after)\\s+)a\\s+while'),
    resolve: () => ({ type: 'DURATION', value: 'PXX' }),
  },
  {
    name: 'set-adverb',
    anchor: ['hourly', 'daily', 'nightly', 'weekly', 'monthly', 'annually', 'yearly'],
    reach: 0,
    pattern: wordPattern('(hourly|daily|nightly|weekly|monthly|annually|yearly)'),
    // Note: "the Communist Party daily Granma" names a newspaper; "quarterly" (earnings) is rarely a time in news.
    resolve: (m, _context, text) => /^\s+\p{Lu}/u.test(text.slice(m.index + m[0].length)) || /party\s+$/iu.test(text.slice(Math.max(0, m.index - 7), m.index)) ? null : ({ type: 'SET', value: { hourly: 'PT1H', daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', quarterly: 'P3M', annually: 'P1Y', yearly: 'P1Y' }[m[1]!.toLowerCase()]! }),
  },
  {
    name: 'set-every',
    anchor: ['every', 'each'],
    reach: 0,
    pattern: wordPattern(`(?:every|each)\\s+(?:(${QUANTITY})\\s+)?(${UNIT})`),
    priority: 1,
    resolve: (m) => ({ type: 'SET', value: durationValue(m[1] ? quantityValue(m[1]) : 1, m[2]!) }),
  },
];
