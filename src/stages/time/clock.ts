import { dayValue, pad } from './calendar.js';
import { wordPattern } from './grammar.js';
import type { Recogniser, TimeContext } from './types.js';

/**
 * The day a clock time without its own date falls on: in narrative, the day last named ("was shot on Oct. 23
 * ... at 10 p.m."), else the article's day.
 */
export function clockDay(context: TimeContext): string {
  if (context.lastDate && /^\d{4}-\d{2}-\d{2}$/u.test(context.lastDate)) return context.lastDate;
  return context.anchor ? dayValue(context.anchor) : 'XXXX-XX-XX';
}

/** Clock times: `10:35 a.m.`, `5 p.m. EST`, `08:28`, `noon`, `midnight`; on the anchor's day unless a date follows. */
export const CLOCK: readonly Recogniser[] = [
  {
    name: 'clock-time',
    anchor: /\d\s*[ap]\.?m|\d:\d\d/g,
    reach: 3,
    pattern: wordPattern('(?:around\\s+|about\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)(?:\\s+(?:EST|EDT|CST|PST|GMT|UTC|local\\s+time))?|(\\d{2}):(\\d{2})(?!\\s*[ap]\\.?m)(?:\\s+(?:GMT|UTC))?'),
    resolve: (m, context) => {
      let hour = Number(m[1] ?? m[4]);
      const minute = Number(m[2] ?? m[5] ?? 0);
      const ampm = (m[3] ?? '').toLowerCase();
      if (ampm.startsWith('p') && hour < 12) hour += 12;
      if (ampm.startsWith('a') && hour === 12) hour = 0;
      if (hour > 23 || minute > 59 || (!ampm && m[4] === undefined)) return null;
      return { type: 'TIME', value: `${clockDay(context)}T${pad(hour)}:${pad(minute)}` };
    },
  },
  {
    name: 'midday',
    anchor: ['mid', 'overnight'],
    reach: 0,
    // Note: "at midday", "by mid-afternoon", "overnight losses": the article's day at that time or part of day.
    pattern: wordPattern('midday|mid[-\\s]?(afternoon|morning)|overnight'),
    resolve: (m, { anchor }) => {
      if (!anchor) return null;
      const word = m[0].toLowerCase();
      const time = word === 'midday' ? '12:00' : word === 'overnight' ? 'NI' : m[1]!.toLowerCase() === 'afternoon' ? 'AF' : 'MO';
      return { type: 'TIME', value: `${dayValue(anchor)}T${time}` };
    },
  },
  {
    name: 'noon-midnight',
    anchor: ['noon', 'midnight'],
    reach: 0,
    pattern: wordPattern('noon|midnight'),
    resolve: (m, { anchor }) => ({ type: 'TIME', value: `${anchor ? dayValue(anchor) : 'XXXX-XX-XX'}T${m[0].toLowerCase() === 'noon' ? '12:00' : '24'}` }),
  },
];
