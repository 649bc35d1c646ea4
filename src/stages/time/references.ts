import { wordPattern } from './grammar.js';
import type { Recogniser } from './types.js';

const REFS: Readonly<Record<string, string>> = {
  now: 'PRESENT_REF', 'right now': 'PRESENT_REF', currently: 'PRESENT_REF', current: 'PRESENT_REF', presently: 'PRESENT_REF', 'at present': 'PRESENT_REF',
  'these days': 'PRESENT_REF', nowadays: 'PRESENT_REF',
  recently: 'PAST_REF', lately: 'PAST_REF', 'the past': 'PAST_REF', formerly: 'PAST_REF',
  'recent years': 'PAST_REF', 'recent months': 'PAST_REF', 'recent weeks': 'PAST_REF', 'recent days': 'PAST_REF', 'recent decades': 'PAST_REF',
  soon: 'FUTURE_REF', 'the future': 'FUTURE_REF', 'the coming years': 'FUTURE_REF', 'the near future': 'FUTURE_REF', 'the near term': 'FUTURE_REF',
  'the short term': 'FUTURE_REF', 'coming months': 'FUTURE_REF', 'coming weeks': 'FUTURE_REF', 'coming quarters': 'FUTURE_REF', 'future quarters': 'FUTURE_REF',
  'a later date': 'FUTURE_REF', 'past years': 'PAST_REF',
};

/** The vague references: `now` -> PRESENT_REF, `recently` -> PAST_REF, `soon` -> FUTURE_REF. */
export const REFERENCES: readonly Recogniser[] = [
  {
    name: 'reference',
    anchor: ['now', 'current', 'recent', 'present', 'late', 'soon', 'futur', 'past', 'formerly', 'these', 'term', 'coming'],
    reach: 3,
    pattern: wordPattern(Object.keys(REFS).sort((a, b) => b.length - a.length).map((k) => k.replace(/ /gu, '\\s+')).join('|')),
    priority: -1,
    resolve: (m, _context, text) => {
      const key = m[0].toLowerCase().replace(/\s+/gu, ' ');
      const next = text.slice(m.index + m[0].length, m.index + m[0].length + 16);
      // Note: "as soon as" is a conjunction, and "current" before most nouns ("current account") is no time.
      if (key === 'soon' && /\bas\s*$/iu.test(text.slice(Math.max(0, m.index - 4), m.index)) && /^\s+as\b/iu.test(next)) return null;
      if (key === 'current' && /^\s+(?:account|accounts|affairs|events|generations?|tense|prices?|president|government|leader|law|system|policy)\b/iu.test(next)) return null;
      return { type: 'DATE', value: REFS[key]! };
    },
  },
];
