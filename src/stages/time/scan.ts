import type { Recogniser } from './types.js';

/**
 * The matches of a recogniser's pattern in a text, exactly as `text.matchAll(pattern)` gives them, but found
 * by trying the pattern only near its anchor's occurrences instead of at every offset of the text.
 *
 * Every match contains an occurrence of the recogniser's `anchor` (a word that starts with one of some lower-case
 * words, or a plain pattern, found in the lower-cased text, so without the costly case-insensitive Unicode scan), and starts at most `reach` word starts before
 * it. A match can only start where its word-edge look-behind holds (no letter or digit before) and not on a
 * space, so the pattern is tried, sticky, at those offsets only: the first anchor at or after where the last
 * match ended bounds where the next match may start, which is why the matches and their order are the same.
 */
export function* scanMatches(r: Recogniser, text: string, lower: LowerText | null): Generator<RegExpExecArray> {
  if (!r.anchor || lower === null) {
    r.pattern.lastIndex = 0;
    yield* text.matchAll(r.pattern) as IterableIterator<RegExpExecArray>;
    return;
  }
  const sticky = stickyOf(r.pattern);
  const reach = r.reach ?? 0;
  let from = 0;
  let tested = -1;
  for (const a of lower.occurrences(r.anchor)) {
    if (a < from) continue;
    const starts = startsBefore(text, a, reach + 1, Math.max(from, tested + 1));
    for (let i = starts.length - 1; i >= 0; i--) {
      sticky.lastIndex = starts[i]!;
      const m = sticky.exec(text);
      if (!m) continue;
      yield m;
      from = m.index + m[0].length;
      break;
    }
    tested = Math.max(tested, a);
  }
}

/**
 * A text lower-cased once, with the offsets of each anchor in it, found once however many recognisers share it.
 * An anchor word is found where a word starts with it (`quarter` in `third-quarter`, `now` in `nowadays`):
 * the words are indexed by their first three letters in one pass, far cheaper than a search per word.
 */
export class LowerText {
  private readonly found = new Map<string | RegExp | readonly string[], readonly number[]>();
  private index: Map<string, number[]> | null = null;

  constructor(readonly text: string) {}

  /** The offsets, ascending, at which a word starts with one of an anchor's words (or its pattern matches, overlaps included). */
  occurrences(anchor: RegExp | readonly string[]): readonly number[] {
    if (anchor instanceof RegExp) return this.cached(anchor, () => patternOffsets(this.text, anchor));
    if (anchor.length === 1) return this.word(anchor[0]!);
    return this.cached(anchor, () => anchor.flatMap((w) => this.word(w)).sort((x, y) => x - y));
  }

  private word(w: string): readonly number[] {
    return this.cached(w, () => (this.wordStarts().get(w.slice(0, 3)) ?? []).filter((at) => this.text.startsWith(w, at)));
  }

  /** The offsets of the words (runs of ASCII letters and digits), by their first three characters. */
  private wordStarts(): Map<string, number[]> {
    if (this.index) return this.index;
    const index = new Map<string, number[]>();
    const text = this.text;
    let inWord = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
      if (alnum && !inWord) {
        const key = text.slice(i, i + 3);
        const list = index.get(key);
        if (list) list.push(i);
        else index.set(key, [i]);
      }
      inWord = alnum;
    }
    this.index = index;
    return index;
  }

  private cached(key: string | RegExp | readonly string[], find: () => readonly number[]): readonly number[] {
    let offsets = this.found.get(key);
    if (!offsets) {
      offsets = find();
      this.found.set(key, offsets);
    }
    return offsets;
  }
}

/** Where a global pattern matches, each search starting one past the last match's start so overlaps are kept. */
function patternOffsets(text: string, pattern: RegExp): number[] {
  const out: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(m.index);
    pattern.lastIndex = m.index + 1;
  }
  return out;
}

const stickies = new WeakMap<RegExp, RegExp>();

/** The same pattern, sticky and not global: it matches at `lastIndex` or not at all. */
function stickyOf(pattern: RegExp): RegExp {
  let s = stickies.get(pattern);
  if (!s) {
    s = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
    stickies.set(pattern, s);
  }
  return s;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/** True when the code point ending just before `at` is a letter or a digit. */
function letterOrDigitBefore(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const pair = c >= 0xdc00 && c <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
  return LETTER_OR_DIGIT.test(pair);
}

/** True when a match may start at an offset: no letter or digit before it, and no space at it. */
function mayStart(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 32 || c === 10 || c === 9 || c === 13 || (c > 127 && SPACE.test(text[at]!))) return false;
  return at === 0 || !letterOrDigitBefore(text, at);
}

/** Up to `count` offsets where a match may start, at or before `at` and not before `floor`, nearest first. */
function startsBefore(text: string, at: number, count: number, floor: number): number[] {
  const out: number[] = [];
  for (let p = at; p >= floor && out.length < count; p--) if (mayStart(text, p)) out.push(p);
  return out;
}
