import { describe, expect, it } from 'vitest';
import { alignOffsets } from './product.js';
import { productQuotes } from './product-quotes.js';
import { inputSpan, productTimexes } from './product-time.js';
import { scorePolnear, type PolnearDoc } from './polnear.js';
import { scoreTimexes, type TimemlDoc } from './timeml.js';

describe('product-path rows for time and quotes', () => {
  it('maps a span end through its last character, not past what the reader removed after it', () => {
    const toInput = alignOffsets('on Friday.', 'on Friday\u0007.');
    expect(inputSpan(toInput, { start: 3, end: 9 })).toEqual({ start: 3, end: 9 });
    expect(inputSpan(toInput, { start: 9, end: 10 })).toEqual({ start: 10, end: 11 });
  });

  it('finds a TimeML document\'s timexes through extract, in the raw text\'s offsets, anchored on its DCT', () => {
    const text = '\n\nNAIROBI, Kenya (AP) _\n\nSuspected bombs exploded outside the embassy Friday, witnesses said.\n\n';
    const start = text.indexOf('Friday');
    const doc: TimemlDoc = { name: 'x.tml', text, dct: '1998-08-07', timexes: [{ start, end: start + 6, type: 'DATE', value: '1998-08-07' }] };
    const { found, error } = productTimexes(doc);
    expect(error).toBeNull();
    expect(found.map((t) => text.slice(t.start, t.end))).toEqual(['Friday']);
    const scores = scoreTimexes([{ gold: doc.timexes, found }]);
    expect(scores.strict.f1).toBe(1);
    expect(scores.value.correct).toBe(1);
  });

  it('scores a span that only overlaps the gold as relaxed, not strict', () => {
    const gold = [{ start: 10, end: 20, type: 'DATE', value: '1998-08' }];
    const scores = scoreTimexes([{ gold, found: [{ start: 12, end: 20, type: 'DATE', value: 'XXXX-08' }] }]);
    expect([scores.strict.correct, scores.relaxed.correct, scores.value.correct, scores.typeAccuracy]).toEqual([0, 1, 0, 1]);
  });

  it('finds a PolNeAR document\'s quotes through extract, content, cue and speaker in the raw text\'s offsets', () => {
    const text = 'Talks Go On.\n\nThe talks will go on next week, Senator Jane Doe said on Tuesday.\n';
    const contentStart = text.indexOf('The talks');
    const cueStart = text.indexOf('said');
    const sourceStart = text.indexOf('Senator');
    const doc: PolnearDoc = {
      name: 'x.ann',
      text,
      attributions: [{ content: [{ start: contentStart, end: text.indexOf(', Senator') }], cue: [{ start: cueStart, end: cueStart + 4 }], source: [{ start: sourceStart, end: text.indexOf(' said') }] }],
    };
    const { quotes, error } = productQuotes(doc);
    expect(error).toBeNull();
    expect(quotes.map((q) => text.slice(q.cue.start, q.cue.end))).toEqual(['said']);
    expect(text.slice(quotes[0]!.content.start, quotes[0]!.content.end)).toMatch(/^The talks will go on next week/u);
    const scores = scorePolnear([{ doc, quotes }]);
    expect([scores.content.correct, scores.cueRight, scores.sourceRight]).toEqual([1, 1, 1]);
  });
});
