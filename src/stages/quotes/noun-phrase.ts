import type { Span } from '../../article/span.js';
import { between, isBoundary, subjectStops, type SentenceView } from './words.js';

/** The subject of a cue: its span, and whether it is the relative pronoun `who` standing for an earlier name. */
export interface Subject extends Span {
  readonly relative: boolean;
}

const MAX_SUBJECT_TOKENS = 12;

/**
 * Walks back from a cue to its subject: past auxiliaries and adverbs (`has repeatedly said`), over an
 * apposition (`Hong Min, a senior analyst at ..., told`), to the start of the noun phrase.
 * @param cue - index of the cue token in the sentence
 * @param floor - the first token that may belong to the subject (after the dateline, say)
 */
export function subjectBefore(view: SentenceView, cue: number, floor = 0): Subject | null {
  let i = cue - 1;
  while (i >= floor && between.has(view.words[i]!)) i--;
  if (i < floor) return null;
  if (view.words[i] === 'who' || view.words[i] === 'which') return { start: view.tokens[i]!.start, end: view.tokens[i]!.end, relative: true };
  if (view.words[i] === ',') {
    // Note: an apposition ends at this comma. "Hong Min, a senior analyst at ..., told": the subject is the noun
    // phrase before the apposition; "The campaign chairman, Phil Lovas, said": the name inside it.
    let j = i - 1;
    while (j >= floor && view.words[j] !== ',' && j > i - MAX_SUBJECT_TOKENS * 2) j--;
    if (j < floor || view.words[j] !== ',') return null;
    const inner = view.tokens.slice(j + 1, i);
    const innerWords = view.words.slice(j + 1, i);
    const isName = inner.length > 0 && inner.length <= 4 && inner.every((t, k) => /^\p{Lu}/u.test(view.text.slice(t.start, t.end)) || innerWords[k] === '.');
    if (isName) return { start: inner[0]!.start, end: inner.at(-1)!.end, relative: false };
    if (inner.length === 0) return null;
    i = j - 1;
  }
  const end = i;
  while (i >= floor && end - i < MAX_SUBJECT_TOKENS) {
    const w = view.words[i]!;
    if (w === ')') {
      // Note: a parenthetical inside the subject ("Gov. Mike Pence (R-IN) said") is part of it.
      let k = i;
      while (k >= floor && view.words[k] !== '(' && i - k < 8) k--;
      if (k < floor || view.words[k] !== '(') break;
      i = k - 1;
      continue;
    }
    if (isBoundary(w) || subjectStops.has(w)) break;
    i--;
  }
  if (i === end) return null;
  return { start: view.tokens[i + 1]!.start, end: view.tokens[end]!.end, relative: false };
}
