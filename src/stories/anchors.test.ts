import { describe, expect, it } from 'vitest';
import { compare, decodeFingerprint, encodeFingerprint, fingerprint } from './index.js';
import { anchorsOf } from './normalise.js';

/** Comparison on shingles alone, as before anchors were kept. */
const SHINGLES_ALONE = { anchorTolerance: Number.POSITIVE_INFINITY };
const join = (paragraphs: readonly string[]): string => paragraphs.join('\n\n');

/** A Reuters dividend notice: one template, filled in with a company's figures. */
function dividend(company: string, pay: string, record: string, headline = true): string {
  return join([...(headline ? [`${company} SETS REGULAR PAYOUT`] : []), 'Qtly div 25 cts vs 25 cts prior', `Pay ${pay}`, `Record ${record}`]);
}

/** A debt filing written from one template. */
function filing(company: string, amount: string, coupon: string, manager: string): string {
  return join([
    `${company} SELLS CONVERTIBLE DEBT`,
    `${company} Inc is raising ${amount} mln dlrs through an offering of convertible subordinated debentures due 2012 with a ${coupon} pct coupon and par pricing, said sole manager ${manager} and Co Inc.`,
    'The debentures are convertible into the company common stock at a premium over the closing price, and are non-callable for two years.',
    `The issue is rated by both agencies, and ${manager} said the books were closed within the day.`,
  ]);
}

/** A wire story with figures and names in every paragraph. */
const story = [
  'Flood waters in the Tarn valley forced 4,200 people from their homes on Tuesday, the regional prefect Jean Morel said.',
  'Rain gauges at Albi recorded 212 mm in 36 hours, the highest since records began in 1875, according to Meteo France.',
  'Rescue teams from Toulouse and Montpellier evacuated 37 villages, and 14 people were taken to hospital in Castres.',
  'Morel said the damage could pass 150 million euros and asked the government in Paris for emergency funds.',
  'The river rose 6.4 metres above its usual level at Gaillac before the water began to fall late in the evening.',
  'Insurers Axa and Groupama said they would send assessors to the valley by Thursday to begin handling claims.',
  'Farmers near Lavaur said 3,000 hectares of vines and wheat were under water, a third of the area planted.',
  'The prefect said schools in 22 towns would stay closed until Friday while the roads were cleared of mud.',
];

describe('anchorsOf', () => {
  it('keeps figures whole, numbers written as words, and names that do not open a sentence', () => {
    expect(anchorsOf('The U.S. Steel plant paid 6-1/16 pct on 1,538,000 shares. The company said two of them left for London.').sort()).toEqual(['#two', '1,538,000', '6-1/16', 'london', 'steel']);
  });

  it('takes every word of a headline in capitals but the function words', () => {
    expect(anchorsOf('MERIDIAN BANCORP INC <MRDN> SETS REGULAR PAYOUT FOR MAY')).toEqual(['meridian', 'bancorp', 'inc', 'mrdn', 'sets', 'regular', 'payout', 'may']);
  });
});

describe('compare with anchors', () => {
  it('keeps apart dividend notices of two companies, which shingles alone group', () => {
    const first = fingerprint(dividend('MERIDIAN BANCORP INC <MRDN>', 'April one', 'March 15', false));
    const second = fingerprint(dividend('COMBUSTION ENGINEERING INC <CSP>', 'April 30', 'April 16', false));
    expect(compare(second, first, SHINGLES_ALONE).relation).not.toBe('different');
    const c = compare(second, first);
    expect(c.relation).toBe('different');
    expect(c.anchors!.numbers).toBeLessThan(0.85);
    expect(compare(fingerprint(dividend('COMBUSTION ENGINEERING INC <CSP>', 'April 30', 'April 16')), fingerprint(dividend('MERIDIAN BANCORP INC <MRDN>', 'April one', 'March 15'))).relation).toBe('different');
  });

  it('keeps apart debt filings of two companies written from one template', () => {
    const first = fingerprint(filing('Pope and Talbot', '40', '6-1/2', 'Morgan Stanley'));
    const second = fingerprint(filing('Guilford Mills', '75', 'six', 'Goldman Sachs'));
    expect(compare(second, first, SHINGLES_ALONE).containment).toBeGreaterThan(0.5);
    expect(compare(second, first).relation).toBe('different');
  });

  it('finds a cut copy under an outlet line, and the same notice with boilerplate', () => {
    const older = fingerprint(join(['Tarn floods force thousands from homes', `ALBI (AFP) - ${story[0]!}`, ...story.slice(1)]));
    const cut = fingerprint(join(['Thousands flee Tarn floods', 'The Daily Star | Staff and agencies', ...story.slice(0, 3), 'Copyright 2024 The Daily Star. All rights reserved.']));
    const c = compare(cut, older);
    expect(c.relation).toBe('copy');
    expect(c.anchors!.numbers).toBe(1);
    const notice = dividend('MERIDIAN BANCORP INC <MRDN>', 'April one', 'March 15');
    expect(compare(fingerprint(`${notice}\n\nRead more: other news`), fingerprint(notice)).relation).toBe('copy');
  });

  it('finds a rolling version: a new lead with new figures over the earlier text', () => {
    const older = fingerprint(join(['Tarn floods force thousands from homes', ...story.slice(0, 5)]));
    const update = fingerprint(join([
      'UPDATE 1-Tarn floods: 5,100 now evacuated',
      'The number of people forced from their homes by the Tarn floods rose to 5,100 on Wednesday, the prefect said.',
      ...story,
    ]));
    const c = compare(update, older);
    expect(c.relation).toBe('version');
    expect(c.anchors!.numbers).toBe(1);
  });
});

describe('fingerprint format 3', () => {
  it('round-trips the anchors', () => {
    const f = fingerprint(join(story));
    expect(f.anchors!.length).toBeGreaterThan(10);
    expect(f.anchorCount).toBe(f.anchors!.length);
    expect(decodeFingerprint(encodeFingerprint(f))).toEqual(f);
  });

  // Note: the bytes are what the format-2 encoder (before anchors) wrote for the dividend notice's body.
  const v2 = Uint8Array.from(Buffer.from('5702040b0bccb593a303f7e3cd17ccd6889f01c9cac08f0185aabe8701d7d6f436ecbbadcc02e9b9a409b6c7c1d902f29ba32fb5c9aad1020203c6af89ed0afcd7a5f109beb695a40e01c6af89ed0a', 'hex'));
  const body = dividend('MERIDIAN BANCORP INC <MRDN>', 'April one', 'March 15', false);

  it('reads a format-2 fingerprint: the same fields, no anchors', () => {
    const old = decodeFingerprint(v2);
    const fresh = fingerprint(body);
    expect(old.anchors).toBeNull();
    expect(old.anchorCount).toBe(0);
    expect({ ...old, anchors: fresh.anchors, anchorCount: fresh.anchorCount }).toEqual(fresh);
    expect(decodeFingerprint(encodeFingerprint(old))).toEqual(old);
  });

  it('compares a format-2 fingerprint on shingles alone', () => {
    const other = fingerprint(dividend('COMBUSTION ENGINEERING INC <CSP>', 'April 30', 'April 16', false));
    const c = compare(other, decodeFingerprint(v2));
    expect(c.anchors).toBeNull();
    expect(c.relation).toBe(compare(other, fingerprint(body), SHINGLES_ALONE).relation);
    expect(c.relation).not.toBe('different');
  });
});
