import { describe, expect, it } from 'vitest';
import { createArticle } from '../../article/article.js';
import type { Timex } from '../../article/layers.js';
import { EMPTY_META } from '../../article/meta.js';
import { createPipeline } from '../../pipeline/pipeline.js';
import { segmentStage } from '../segment/stage.js';
import { isoWeek, weekday } from './calendar.js';
import { timeStage } from './stage.js';

const pipeline = createPipeline([segmentStage, timeStage]);
const timexesOf = (text: string, published: string | null = '2025-09-13T08:28'): readonly Timex[] =>
  pipeline.run(createArticle(text, { ...EMPTY_META, published, language: 'en' })).layers.timexes ?? [];
const only = (text: string, published?: string | null): Pick<Timex, 'text' | 'type' | 'value'> & { mod?: string } => {
  const found = timexesOf(text, published);
  expect(found, `${text} -> ${JSON.stringify(found)}`).toHaveLength(1);
  const { text: t, type, value, mod } = found[0]!;
  return { text: t, type, value, ...(mod ? { mod } : {}) };
};

describe('calendar', () => {
  it('knows ISO weeks and weekdays', () => {
    expect(isoWeek({ y: 2025, m: 9, d: 13 })).toEqual({ y: 2025, w: 37 });
    expect(isoWeek({ y: 2021, m: 1, d: 3 })).toEqual({ y: 2020, w: 53 });
    expect(weekday({ y: 2025, m: 9, d: 13 })).toBe(6);
  });
});

describe('time expressions, anchored on Saturday 13 September 2025', () => {
  it.each([
    ['It happened on Sept 13, 2025 in Seoul.', 'Sept 13, 2025', 'DATE', '2025-09-13'],
    ['The order was signed on Jan. 27, 2017 by the president.', 'Jan. 27, 2017', 'DATE', '2017-01-27'],
    ['Filed 2025-09-13 with the court.', '2025-09-13', 'DATE', '2025-09-13'],
    ['Prices soared in the 1990s across Asia.', 'the 1990s', 'DATE', '199'],
    ['The plant opens in January 2021 officially.', 'January 2021', 'DATE', '2021-01'],
    ['State media said Saturday that talks had ended.', 'Saturday', 'DATE', '2025-09-13'],
    ['Officials met on Tuesday to discuss it.', 'Tuesday', 'DATE', '2025-09-09'],
    ['The envoy will arrive on Tuesday for talks.', 'Tuesday', 'DATE', '2025-09-16'],
    ['He visited weapons plants this week, officials said.', 'this week', 'DATE', '2025-W37'],
    ['The parade was held this month in Beijing.', 'this month', 'DATE', '2025-09'],
    ['They signed a pact last year in Pyongyang.', 'last year', 'DATE', '2024'],
    ['The company was founded three years ago in Oslo.', 'three years ago', 'DATE', '2022'],
    ['Rain is expected tomorrow across the region.', 'tomorrow', 'DATE', '2025-09-14'],
    ['The minister resigned yesterday after the vote.', 'yesterday', 'DATE', '2025-09-12'],
    ['Growth slowed in the third quarter, the bank said.', 'the third quarter', 'DATE', '2025-Q3'],
    ['Sales rose this summer across Europe.', 'this summer', 'DATE', '2025-SU'],
    ['The ceasefire lasted three years before collapsing.', 'three years', 'DURATION', 'P3Y'],
    ['The talks ran for 48 hours without a break.', '48 hours', 'DURATION', 'PT48H'],
    ['Inflation has doubled over the past decade in Turkey.', 'the past decade', 'DURATION', 'P10Y'],
    ['Inspectors visit every week to check.', 'every week', 'SET', 'P1W'],
    ['The report is published annually by the agency.', 'annually', 'SET', 'P1Y'],
    ['The country is now a nuclear state.', 'now', 'DATE', 'PRESENT_REF'],
    ['Tensions have recently grown in the region.', 'recently', 'DATE', 'PAST_REF'],
    ['A decision is expected soon from the court.', 'soon', 'DATE', 'FUTURE_REF'],
    ['The deal was signed at 10:35 a.m. in Geneva.', '10:35 a.m.', 'TIME', '2025-09-13T10:35'],
  ])('%s', (text, span, type, value) => {
    expect(only(text)).toEqual({ text: span, type, value });
  });

  it.each([
    ['The meeting will be held early next year in Pyongyang.', 'early next year', '2026', 'START'],
    ['Production resumed in mid-2024 after repairs.', 'mid-2024', '2024', 'MID'],
    ['Turnout was high in late 1990 and again later.', 'late 1990', '1990', 'END'],
  ])('keeps the modifier of %s', (text, span, value, mod) => {
    expect(only(text)).toEqual({ text: span, type: 'DATE', value, mod });
  });

  it('dates a month printed without a year by the article date', () => {
    expect(only('The strike started Aug. 30 and ended quickly.', '2025-09-13')).toMatchObject({ text: 'Aug. 30', value: '2025-08-30' });
    expect(only('Elections are set for Feb. 10 in the capital.', '2025-12-20')).toMatchObject({ text: 'Feb. 10', value: '2026-02-10' });
  });

  it('takes "a year earlier" after a quarter as that quarter a year before', () => {
    const found = timexesOf('Profit rose in the third quarter from a year earlier.', '1989-10-27');
    expect(found.map((t) => [t.text, t.value])).toEqual([['the third quarter', '1989-Q3'], ['a year earlier', '1988-Q3']]);
  });

  it('merges a clock time with the day after it', () => {
    expect(only('The polls close at 5 p.m. EST, Nov. 6, officials said.', '1989-11-01')).toMatchObject({ type: 'TIME', value: '1989-11-06T17:00' });
  });

  it('gives X values when the article has no date', () => {
    expect(only('Officials met on Tuesday to discuss it.', null)).toMatchObject({ value: 'XXXX-WXX-2' });
    expect(only('The pact was signed in April, officials said.', null)).toMatchObject({ value: 'XXXX-04' });
  });
});

describe('weekdays around the article date', () => {
  it('reads the article\'s own weekday as that day, in either tense', () => {
    expect(only('Officials will meet Saturday.').value).toBe('2025-09-13');
    expect(only('Officials met Saturday.').value).toBe('2025-09-13');
  });

  it('does not read could, might or until as the future', () => {
    expect(only('The relatives could not be found Wednesday.').value).toBe('2025-09-10');
    expect(only('Until Thursday, they had not called him.').value).toBe('2025-09-11');
  });
});
