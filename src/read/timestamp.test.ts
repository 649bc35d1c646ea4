import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamp.js';

describe('parseTimestamp normalises printed timestamps to ISO minutes', () => {
  it.each([
    ['\u00A0\u00A013 Sep 2025, 08:28', '2025-09-13T08:28'],
    ['Sat, 13 Sep 2025 08:28:00 +0900', '2025-09-13T08:28+09:00'],
    ['Sat, 13 Sep 2025 08:28:00 GMT', '2025-09-13T08:28Z'],
    ['Fri, 12 Sep 2025 18:30:00 EDT', '2025-09-12T18:30-04:00'],
    ['2025-09-13T08:28:41.512Z', '2025-09-13T08:28Z'],
    ['2025-09-13T08:28:00+02:00', '2025-09-13T08:28+02:00'],
    ['2025-09-13', '2025-09-13'],
    ['Sept 13, 2025', '2025-09-13'],
    ['September 13, 2025 3:05 pm', '2025-09-13T15:05'],
    ['13 September 2025 12:10 a.m.', '2025-09-13T00:10'],
    ['June 13, 2005', '2005-06-13'],
    ['29 Feb 2024', '2024-02-29'],
  ])('%s -> %s', (raw, expected) => {
    expect(parseTimestamp(raw)).toBe(expected);
  });

  it.each(['', 'BSS', 'tomorrow', '31 Sep 2025', '29 Feb 2025', '2025-13-01', '13 Sep 2025, 25:00', 'Sept 13'])('rejects %j', (raw) => {
    expect(parseTimestamp(raw)).toBeNull();
  });
});
