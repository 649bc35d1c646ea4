import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WiregraphError } from '../errors.js';
import { compare, decodeFingerprint, encodeFingerprint, fingerprint, MemoryStoryIndex, paragraphDiff } from './index.js';

/** A mulberry32 random source: the example stories below are fixed, the properties draw with fast-check. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded words of a made-up vocabulary, so that two seeds share hardly a word sequence. */
function words(seed: string, count: number): string[] {
  let h = 0;
  for (const c of seed) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  const next = random(h);
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vor', 'ne', 'bi', 'dal', 'po', 'gu'];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]!).join(''));
}
/** A wire story of `n` paragraphs of 25 to 40 words. */
function story(seed: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${words(`${seed}/${i}`, 25 + (i % 16)).join(' ')}.`);
}
const join = (paragraphs: readonly string[]): string => paragraphs.join('\n\n');
const quote = '"We will not accept any deal that leaves our farmers worse off than they were a decade ago," the minister told reporters.';

describe('compare', () => {
  const original = story('alpha', 20);
  const older = fingerprint(join(['Alpha budget review agreed', 'LONDON (AFP) - ' + original[0], ...original.slice(1)]));

  it('finds a copy that runs the first five of twenty paragraphs under a new headline and outlet line', () => {
    const cut = join(['Budget: alpha review goes ahead', 'The Daily Star | Staff and agencies', ...original.slice(0, 5), 'Copyright 2024 The Daily Star. All rights reserved.']);
    const c = compare(fingerprint(cut), older);
    expect(c.relation).toBe('copy');
    expect(c.containment).toBeGreaterThan(0.85);
    expect(c.kept).toBeLessThan(0.4);
  });

  it('finds a rolling version: a new lead and added paragraphs over the earlier text', () => {
    const update = join(['UPDATE 1-Alpha budget review agreed', 'A new lead paragraph reports that the vote was delayed until the evening session by a procedural motion.', ...original, ...story('alphaextra', 12)]);
    const c = compare(fingerprint(update), older);
    expect(c.relation).toBe('version');
    expect(c.kept).toBeGreaterThan(0.9);
  });

  it('keeps apart two stories on one topic that share a quotation', () => {
    const first = fingerprint(join([...story('farm', 10).slice(0, 5), quote, ...story('farm', 10).slice(5)]));
    const second = fingerprint(join([...story('trade', 10).slice(0, 4), quote, ...story('trade', 10).slice(4)]));
    const c = compare(second, first);
    expect(c.relation).toBe('different');
    expect(c.containment).toBeGreaterThan(0);
  });

  it('refuses fingerprints of different shingle sizes', () => {
    expect(() => compare(fingerprint('a b c d e f', { shingle: 3 }), fingerprint('a b c d e f'))).toThrow(WiregraphError);
  });
});

describe('encodeFingerprint', () => {
  it('round-trips every field, and refuses bytes of another version', () => {
    const f = fingerprint(join(story('codec', 40)));
    expect(f.sketch.length).toBe(256);
    const bytes = encodeFingerprint(f);
    expect(bytes.length).toBeLessThan(f.sketch.length * 4 + f.paragraphs.length * 10);
    const back = decodeFingerprint(bytes);
    expect(back).toEqual(f);
    const other = bytes.slice();
    other[1] = 9;
    expect(() => decodeFingerprint(other)).toThrow(/format version 9/);
    expect(() => decodeFingerprint(bytes.slice(0, bytes.length - 3))).toThrow(WiregraphError);
  });
});

describe('MemoryStoryIndex', () => {
  it('returns the stored copy first and nothing for an unrelated text', () => {
    const index = new MemoryStoryIndex();
    for (const name of ['one', 'two', 'three', 'four']) index.add(name, fingerprint(join(story(name, 8))));
    expect(index.candidates(fingerprint(join(story('three', 8).slice(0, 3))))[0]).toBe('three');
    expect(index.candidates(fingerprint(join(story('unrelated', 8))))).toEqual([]);
  });
});

describe('paragraphDiff', () => {
  it('says which paragraphs were kept, cut, added and edited', () => {
    const older = join(['First paragraph stays as it was.', 'Second paragraph is about the budget vote in parliament today.', 'Third paragraph will be cut by the outlet.']);
    const newer = join(['First  paragraph stays as it was.', 'Second paragraph is about the budget vote in the parliament on Monday.', 'Read more: another story']);
    expect(paragraphDiff(older, newer).map((d) => d.op)).toEqual(['same', 'edited', 'cut', 'added']);
    const edited = paragraphDiff(older, newer)[1]!;
    expect(edited.before).toContain('today');
    expect(edited.after).toContain('Monday');
  });
});

describe('properties (fast-check)', () => {
  const vocabulary = ['minister', 'said', 'the', 'vote', 'budget', "don't", 'farmers', 'trade', 'deal', 'on', 'Monday', 'police', 'city', 'council', 'it’s', '"We', 'will,"', "'not'"];
  const word = fc.oneof(fc.constantFrom(...vocabulary), fc.stringMatching(/^[a-z]{1,9}$/));
  const paragraph = (min: number) => fc.array(word, { minLength: min, maxLength: 40 }).map((ws) => `${ws.join(' ')}.`);
  const article = (min: number, max: number, words = 4) => fc.array(paragraph(words), { minLength: min, maxLength: max });
  /** What outlets change without changing the text: spacing, quote marks and apostrophes, case. */
  const edits: Array<(t: string) => string> = [
    (t) => t.replace(/ /g, '  '),
    (t) => t.replace(/\n\n/g, '\n \n\n'),
    (t) => t.replace(/'/g, '’'),
    (t) => t.replace(/"(\w)/g, '“$1').replace(/"/g, '”'),
    (t) => t.toUpperCase(),
    (t) => t.replace(/\b\w/g, (c) => c.toUpperCase()),
  ];

  it('compare(f, f) is a copy with containment 1', () => {
    fc.assert(fc.property(article(1, 12), (ps) => {
      const f = fingerprint(join(ps));
      const c = compare(f, f);
      expect(c.relation).toBe('copy');
      expect(c.containment).toBe(1);
      expect(c.kept).toBe(1);
    }));
  });

  it('spacing, quote-mark and case changes keep a text a copy of itself, with the same keys', () => {
    fc.assert(fc.property(article(1, 10), fc.subarray(edits, { minLength: 1 }), (ps, chosen) => {
      const text = join(ps);
      const changed = chosen.reduce((t, edit) => edit(t), text);
      const c = compare(fingerprint(changed), fingerprint(text));
      expect(c.relation).toBe('copy');
      expect(c.containment).toBe(1);
      expect(fingerprint(changed).keys).toEqual(fingerprint(text).keys);
    }));
  });

  it('cutting the last paragraphs of a long article leaves a copy of it', () => {
    fc.assert(fc.property(article(10, 20, 15), fc.integer({ min: 3, max: 9 }), (ps, kept) => {
      const c = compare(fingerprint(join(ps.slice(0, kept))), fingerprint(join(ps)));
      expect(c.relation).toBe('copy');
      expect(c.containment).toBe(1);
    }), { numRuns: 50 });
  });

  // Note: the example is a counterexample fast-check found when the encoder told opening keys by a leading `p`,
  // which a shingle key in base 36 can have too.
  it('decodeFingerprint(encodeFingerprint(f)) equals f', () => {
    fc.assert(fc.property(article(0, 30), fc.integer({ min: 2, max: 6 }), (ps, shingle) => {
      const f = fingerprint(join(ps), { shingle });
      expect(decodeFingerprint(encodeFingerprint(f))).toEqual(f);
    }), { examples: [[['a minister a minister.'], 2]] });
  });
});
