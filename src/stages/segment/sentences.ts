import type { Span } from '../../article/span.js';
import { MAYBE_FINAL, MONTHS, NEVER_FINAL, SENTENCE_STARTERS } from './locale/en.js';

const neverFinal = new Set<string>(NEVER_FINAL);
const months = new Set<string>(MONTHS);
const maybeFinal = new Set<string>(MAYBE_FINAL);
const starters = new Set<string>(SENTENCE_STARTERS);

const TERMINATORS = new Set(['.', '!', '?', '...', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const PARAGRAPH_GAP = /\n[ \t\u00A0]*\n/u;
// Note: a number and a full stop opening a sentence number a list item (`8. Maarten den Bakker`).
const LIST_NUMBER = /^\d{1,3}$/u;
/** An abbreviation token with its periods: `U.S.`, or an initial `M.`. */
const DOTTED = /^(?:\p{L}\.)+$/u;

/** Where sentences must end besides a terminator and a blank line. */
export interface SentenceBreaks {
  /** Every line end is a sentence end (text written one sentence per line). */
  readonly atLineEnds?: boolean;
  /** Character offsets where a sentence must end (the end of a headline line). */
  readonly after?: readonly number[];
}

/**
 * Groups tokens into sentences. A sentence ends at a terminator (with any closing quotes and brackets)
 * followed by a likely sentence start, always at a blank line, and where `breaks` says. It does not end after titles
 * (`Mr.`, `Gen.`), a month before a day (`Sept. 13`), an initial or an ambiguous abbreviation (`U.S.`,
 * `Inc.`) unless a common sentence opener follows, after a list item's number (`8. Maarten`), nor inside a
 * protected span (the dateline).
 * @param text - the Article's text
 * @param tokens - its tokens, in order
 * @param protectedSpans - spans that must not be split
 * @param breaks - line ends and offsets where sentences end besides terminators
 * @returns for each sentence, the index of its first token and one past its last
 */
export function splitSentences(text: string, tokens: readonly Span[], protectedSpans: readonly Span[] = [], breaks: SentenceBreaks = {}): Array<[number, number]> {
  const forced = new Set(breaks.after ?? []);
  const out: Array<[number, number]> = [];
  const word = (i: number): string => (i >= 0 && i < tokens.length ? text.slice(tokens[i]!.start, tokens[i]!.end) : '');
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    let last = i;
    const terminator = word(i);
    const isDotted = DOTTED.test(terminator);
    if (TERMINATORS.has(terminator) || isDotted) {
      while (last + 1 < tokens.length && isCloser(text, tokens, last + 1)) last++;
    }
    const next = last + 1;
    if (next >= tokens.length) break;
    const gap = text.slice(tokens[last]!.end, tokens[next]!.start);
    const forcedBreak = PARAGRAPH_GAP.test(gap) || (breaks.atLineEnds === true && gap.includes('\n')) || forced.has(tokens[last]!.end);
    const ends = forcedBreak || (
      (TERMINATORS.has(terminator) || isDotted) &&
      /\s/u.test(gap) &&
      !protectedSpans.some((p) => tokens[i]!.start >= p.start && tokens[i]!.end <= p.end) &&
      !(terminator === '.' && i - 1 === first && LIST_NUMBER.test(word(i - 1))) &&
      startsSentence(word(next), terminator, isDotted ? terminator.slice(0, -1) : word(i - 1), word(next + 1))
    );
    if (ends) {
      out.push([first, next]);
      first = next;
    }
    i = last;
  }
  if (first < tokens.length) out.push([first, tokens.length]);
  return out;
}

function isCloser(text: string, tokens: readonly Span[], j: number): boolean {
  const t = text.slice(tokens[j]!.start, tokens[j]!.end);
  if (!CLOSERS.has(t)) return false;
  // Note: a straight quote after a space opens the next sentence; right after the terminator it closes this one.
  if (t === '"' || t === "'") return tokens[j]!.start === tokens[j - 1]!.end;
  return true;
}

function startsSentence(next: string, terminator: string, before: string, afterNext: string): boolean {
  const c = next.charAt(0);
  // Note: a lower-case start continues the sentence, except camel-case names that open one (iPhone, eBay).
  if (c === '' || /[,;:)\]}%.!?…]/u.test(c) || (/\p{Ll}/u.test(c) && !/^\p{Ll}{1,2}\p{Lu}/u.test(next))) return false;
  const opener = c === '"' || c === '“' || c === '‘';
  const starterFollows = starters.has(next) || (opener && /^\p{Lu}/u.test(afterNext));
  if (terminator !== '.' && !DOTTED.test(terminator)) return true;
  if (DOTTED.test(terminator)) return starterFollows;
  if (neverFinal.has(before)) return false;
  if (months.has(before)) return !/^\d/u.test(next) && starterFollows;
  if (/^\p{Lu}$/u.test(before) || maybeFinal.has(before)) return starterFollows;
  return true;
}
