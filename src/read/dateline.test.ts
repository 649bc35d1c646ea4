import { describe, expect, it } from 'vitest';
import { parseDateline } from './dateline.js';

describe('parseDateline reads the common wire variants', () => {
  it.each([
    ['SEOUL, Sept 13, 2025 (BSS/AFP) - North Korean leader', null, { place: 'SEOUL', region: null, date: '2025-09-13', credits: ['BSS', 'AFP'], originator: 'AFP', republisher: 'BSS' }],
    ['WASHINGTON (Reuters) - The U.S. Treasury', null, { place: 'WASHINGTON', region: null, date: null, credits: ['Reuters'], originator: 'Reuters', republisher: null }],
    ['PARIS, Sept. 13 (AFP) -- France will', '2025-09-14T10:00', { place: 'PARIS', date: '2025-09-13', credits: ['AFP'] }],
    ['KYIV, Ukraine — Russian drones', null, { place: 'KYIV', region: 'Ukraine', date: null, credits: [] }],
    ['NEW YORK, January 5, 2024 (AP) – Stocks', null, { place: 'NEW YORK', date: '2024-01-05', credits: ['AP'] }],
    ['LONDON, 13 Sep – nothing', null, null],
    ['BEIJING, Dec. 30 (Xinhua) -- China', '2026-01-02', { place: 'BEIJING', date: '2025-12-30', credits: ['Xinhua'] }],
    ['ST. LOUIS, Missouri (Reuters) - A', null, { place: 'ST. LOUIS', region: 'Missouri', credits: ['Reuters'] }],
    ['GAZA CITY, Oct 1 (AFP/Reuters) — A', null, { place: 'GAZA CITY', date: 'XXXX-10-01', credits: ['AFP', 'Reuters'], originator: 'Reuters', republisher: 'AFP' }],
    ['WASHINGTON — The Senate voted', null, { place: 'WASHINGTON', region: null, date: null, credits: [] }],
    ['LONDON 1996-08-30\nWest Indian all-rounder', null, { place: 'LONDON', date: '1996-08-30', credits: [], end: 17 }],
    ['NICE , France 2025-08-30\nThe club said', null, { place: 'NICE', region: 'France', date: '2025-08-30' }],
    ['HONG KONG, Aug 30\nShares fell', '2025-09-01', { place: 'HONG KONG', date: '2025-08-30' }],
  ])('%s', (paragraph, anchor, expected) => {
    const dateline = parseDateline(paragraph, 0, anchor);
    if (expected === null) expect(dateline).toBeNull();
    else expect(dateline).toMatchObject(expected);
  });
});

describe('parseDateline rejects what is not a dateline', () => {
  it.each([
    'The U.S. (Washington) - said nothing',
    'Officials said - on Monday - that',
    'A - B testing is common',
    'North Korea to boost nuclear arsenal, conventional military: state media',
    'I - the undersigned - declare',
    'SEOUL is a big city.',
    'CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .',
    'SPORT - Results of the day',
    'LONDON 1996-08-30 was a Friday',
    'LONDON 1996-02-30',
  ])('%s', (paragraph) => {
    expect(parseDateline(paragraph, 0, null)).toBeNull();
  });
});

it('gives the dateline span from the paragraph offset to the dash', () => {
  const d = parseDateline('SEOUL, Sept 13, 2025 (BSS/AFP) - North', 74, null);
  expect(d).toMatchObject({ start: 74, end: 106 });
});

it('normalises non-breaking spaces in the place', () => {
  expect(parseDateline('NEW\u00A0YORK (AP) - Stocks', 0, null)?.place).toBe('NEW YORK');
});
