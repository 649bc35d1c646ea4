import { describe, expect, it } from 'vitest';
import { allowedAfter, iob1ToBilou, spansFromLabels } from './labels.js';

describe('BILOU labels', () => {
  it.each([
    [['I-PER', 'I-PER', 'O', 'I-LOC'], ['B-PER', 'L-PER', 'O', 'U-LOC']],
    [['I-ORG', 'B-ORG', 'I-ORG'], ['U-ORG', 'B-ORG', 'L-ORG']],
    [['I-MISC', 'I-PER'], ['U-MISC', 'U-PER']],
    [['O', 'I-LOC', 'I-LOC', 'I-LOC'], ['O', 'B-LOC', 'I-LOC', 'L-LOC']],
  ])('converts CoNLL IOB1 %j to %j', (iob, bilou) => {
    expect(iob1ToBilou(iob)).toEqual(bilou);
  });

  it('reads spans back out of BILOU', () => {
    expect(spansFromLabels(['B-PER', 'L-PER', 'O', 'U-LOC'])).toEqual([{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }]);
  });

  it.each([
    ['B-PER', 'I-PER', true], ['B-PER', 'L-PER', true], ['B-PER', 'O', false], ['B-PER', 'L-ORG', false],
    ['O', 'I-PER', false], ['O', 'L-PER', false], ['L-PER', 'B-PER', true], ['U-LOC', 'U-LOC', true],
  ])('%s may be followed by %s: %s', (prev, label, allowed) => {
    expect(allowedAfter(prev, label)).toBe(allowed);
  });
});
