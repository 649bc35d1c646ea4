import { describe, expect, it } from 'vitest';
import { withoutStrayMark } from './recognise-names.js';

describe('a recognised name\'s edges', () => {
  it('leaves out a quotation mark or bracket alone at an edge, and keeps one that pairs inside the name', () => {
    expect(withoutStrayMark(['Fox', 'attacks', 'Tory', "'", 'lies', "'"], 2, 4)).toEqual({ start: 2, end: 3 });
    expect(withoutStrayMark(['“', 'Kharkiv', 'is'], 0, 2)).toEqual({ start: 1, end: 2 });
    expect(withoutStrayMark(['Mladost', '(', 'L', ')', '2'], 0, 4)).toEqual({ start: 0, end: 4 });
    expect(withoutStrayMark(['Kim', 'Jong', 'Un'], 0, 3)).toEqual({ start: 0, end: 3 });
    expect(withoutStrayMark(["'"], 0, 1)).toEqual({ start: 0, end: 1 });
  });
});
