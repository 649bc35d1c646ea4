import { describe, expect, it } from 'vitest';
import { alignOffsets, extractText } from './product.js';

describe('the product path for evaluation', () => {
  it('maps output offsets back over removed header lines', () => {
    const input = 'Reuters\n2025-09-13 08:28\n\nKim visits Moscow\n\nPYONGYANG (AFP) - Kim Jong Un met Vladimir Putin.\n';
    const r = extractText(input);
    expect(r.error).toBeNull();
    const doc = r.doc!;
    const at = doc.text.indexOf('Vladimir Putin');
    expect(at).toBeGreaterThan(0);
    expect(input.slice(r.toInput(at), r.toInput(at + 'Vladimir Putin'.length))).toBe('Vladimir Putin');
  });

  it('skips characters the reader removed inside the text', () => {
    const map = alignOffsets('ab cd', 'xx ab\u0007 cd');
    expect(map(0)).toBe(3);
    expect(map(3)).toBe(7);
    expect(map(5)).toBe(9);
  });
});
