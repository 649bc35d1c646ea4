import { describe, expect, it } from 'vitest';
import { LowerText, scanMatches } from './scan.js';
import { RECOGNISERS } from './stage.js';

const TEXTS = [
  'On Monday, Oct. 26, 1998, at 10:35 a.m. EST, more than four decades ago, the company said its third-quarter profit rose.',
  'The fourth   fiscal\n quarter of 1989, the year-earlier period and the comparable year-ago quarter; last year\'s first quarter.',
  'In the late 1980s and the mid-1990s, the \u2019 90s, the twenties and the 21st century, sales grew 5% annually, every two weeks.',
  'Since early 1990 and the beginning of 2001, the spring of nineteen ninety-four, New Year\'s Day and next Thanksgiving.',
  'He has been “in office for the past twenty-four hours” and the next few days; recently, now and at present, soon.',
  'later that year, that same day, the weekend, the summer, this past winter, the end of the month, by year-end, tonight, midday.',
  'Market summary: May may march in March; 2,082.1 points, 1999-12-31T08:28, 08:28 GMT, a 6-year-old, 52 years old.',
];

describe('scanning near anchors', () => {
  it('finds exactly the matches a scan of the whole text finds, for every recogniser', () => {
    let total = 0;
    for (const text of TEXTS) {
      const lower = new LowerText(text.toLowerCase());
      for (const r of RECOGNISERS) {
        const whole = [...text.matchAll(new RegExp(r.pattern.source, r.pattern.flags))].map((m) => [m.index, m[0]]);
        const near = [...scanMatches(r, text, lower)].map((m) => [m.index, m[0]]);
        expect(near, `${r.name} in ${text}`).toEqual(whole);
        total += whole.length;
      }
    }
    expect(total).toBeGreaterThan(50);
  });

  it('scans the whole text when there is no lower-cased copy to search', () => {
    const [year] = RECOGNISERS.filter((r) => r.name === 'year');
    expect([...scanMatches(year!, 'in 1998 and 2001', null)].map((m) => m[0])).toEqual(['1998', '2001']);
  });
});
