/** English words the time stage needs. Words only: behaviour lives in the recognisers. */

/** Number words to values. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, couple: 2, dozen: 12,
};

/** Vague quantities: the value of a duration becomes X (`several years` -> PXY). */
export const VAGUE_QUANTITIES = ['several', 'a few', 'few', 'many', 'some', 'a couple of', 'dozens of', 'hundreds of', 'the next few', 'the past few', 'the last few'] as const;

/** Quantities that read as words but have a value (`a couple of years` is two). */
export const WORD_QUANTITIES: Readonly<Record<string, number>> = { 'a couple of': 2, 'couple of': 2 };

/** Time units: TIMEX3 duration letter(s) and how many of the base unit one holds. */
export const UNITS: Readonly<Record<string, { readonly unit: string; readonly time: boolean; readonly factor: number }>> = {
  second: { unit: 'S', time: true, factor: 1 }, minute: { unit: 'M', time: true, factor: 1 }, hour: { unit: 'H', time: true, factor: 1 },
  day: { unit: 'D', time: false, factor: 1 }, night: { unit: 'D', time: false, factor: 1 }, week: { unit: 'W', time: false, factor: 1 },
  fortnight: { unit: 'W', time: false, factor: 2 }, weekend: { unit: 'D', time: false, factor: 2 }, month: { unit: 'M', time: false, factor: 1 },
  quarter: { unit: 'M', time: false, factor: 3 }, year: { unit: 'Y', time: false, factor: 1 }, decade: { unit: 'Y', time: false, factor: 10 },
  century: { unit: 'Y', time: false, factor: 100 }, season: { unit: 'M', time: false, factor: 3 },
};

/** Plural forms of the units. */
export const UNIT_PLURALS: Readonly<Record<string, string>> = { centuries: 'century' };

/** Months (lower-case full names and abbreviations) to numbers. */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Weekdays to ISO numbers. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
};

/** Seasons to TIMEX3 codes. */
export const SEASONS: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

/** Parts of the day to TIMEX3 codes. */
export const PARTS_OF_DAY: Readonly<Record<string, string>> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

/** Ordinals to numbers (for quarters and halves). */
export const ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };

/** Words before a month alone or a year alone that make it a date (`in April`, `since 1990`). */
export const DATE_CUES = [
  'in', 'on', 'since', 'by', 'until', 'till', 'before', 'after', 'from', 'to', 'through', 'during', 'of', 'for', 'early',
  'late', 'mid', 'last', 'next', 'this', 'that', 'each', 'every', 'between', 'and', 'or', 'around', 'circa', 'fiscal',
  'year', 'as', 'at', 'than', 'throughout', 'into', 'about', 'over', 'within', 'against', 'beginning', 'end', 'start', 'ending',
  'the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'due', 'both', 's', 'post', 'pre',
] as const;

/** Words after a bare number that show it is a count of things, not a year (`2019 troops`). */
export const NOT_AFTER_YEAR = ['%', 'percent', 'per', 'people', 'troops', 'soldiers', 'points', 'votes', 'units', 'shares', 'dollars', 'euros', 'tons', 'miles', 'km', 'kilometres', 'kilometers', 'metres', 'meters', 'feet', 'cars', 'jobs', 'times', 'members', 'students', 'cases', 'deaths', 'seats', 'million', 'billion', 'trillion', 'thousand'] as const;

/** Markers of the future in a sentence: a weekday is then the next one, not the last one. */
export const FUTURE_MARKERS = [
  'will', "'ll", 'shall', 'going to', 'plans to', 'plan to', 'planned', 'planning', 'scheduled', 'expected to', 'is to',
  'are to', 'set to', 'next', 'upcoming', 'due to', 'as soon as', 'as early as', 'postponed', 'would be',
] as const;

/** Past-tense verbs that do not end in -ed: with them, a month without a year is the last such month. */
export const PAST_VERBS = [
  'was', 'were', 'had', 'did', 'said', 'bought', 'brought', 'began', 'came', 'made', 'took', 'rose', 'fell', 'won', 'lost',
  'left', 'met', 'sold', 'told', 'went', 'got', 'gave', 'held', 'paid', 'ran', 'saw', 'spent', 'stood', 'struck', 'thought',
  'wrote', 'became', 'built', 'caught', 'chose', 'drove', 'fled', 'flew', 'fought', 'found', 'grew', 'hit', 'kept', 'knew',
  'led', 'meant', 'sent', 'shot', 'spoke', 'stole', 'swore', 'threw', 'understood', 'woke',
] as const;
