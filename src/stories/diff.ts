/**
 * What a copy changed against an earlier one, paragraph by paragraph. Paragraphs are blank-line separated
 * blocks (lines when a text has none), boilerplate included, as the outlet printed them; two paragraphs are
 * the same when their words are (case, quote marks and spacing ignored).
 */
import { paragraphsOf, wordsOf } from './normalise.js';

/** One step of a diff: a paragraph kept, cut from the older, added in the newer, or edited (before → after). */
export interface DiffOp {
  readonly op: 'same' | 'cut' | 'added' | 'edited';
  readonly before?: string;
  readonly after?: string;
}

/** Two paragraphs sharing at least this share of their words (Jaccard) are one paragraph edited. */
const EDITED_SIMILARITY = 0.5;

/** The paragraph diff of `newer` against `older`: a longest common subsequence of equal paragraphs, the gaps paired as edits where similar. */
export function paragraphDiff(older: string, newer: string): DiffOp[] {
  const a = paragraphsOf(older, true);
  const b = paragraphsOf(newer, true);
  const ka = a.map((p) => wordsOf(p).join(' '));
  const kb = b.map((p) => wordsOf(p).join(' '));
  const pairs = commonSubsequence(ka, kb);
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [a.length, b.length] as const]) {
    ops.push(...gap(a.slice(i, pi), b.slice(j, pj)));
    if (pi < a.length) ops.push({ op: 'same', before: a[pi]!, after: b[pj]! });
    i = pi + 1;
    j = pj + 1;
  }
  return ops;
}

/** Index pairs of a longest common subsequence of two key lists (dynamic programming; paragraphs are few). */
function commonSubsequence(a: readonly string[], b: readonly string[]): Array<readonly [number, number]> {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: Array<readonly [number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** A gap between kept paragraphs: each older paragraph paired, in order, with a similar newer one as an edit; the rest cut or added. */
function gap(cut: readonly string[], added: readonly string[]): DiffOp[] {
  const ops: DiffOp[] = [];
  let j = 0;
  for (const before of cut) {
    const match = added.findIndex((after, k) => k >= j && wordSimilarity(before, after) >= EDITED_SIMILARITY);
    if (match < 0) {
      ops.push({ op: 'cut', before });
      continue;
    }
    for (; j < match; j++) ops.push({ op: 'added', after: added[j]! });
    ops.push({ op: 'edited', before, after: added[match]! });
    j = match + 1;
  }
  for (; j < added.length; j++) ops.push({ op: 'added', after: added[j]! });
  return ops;
}

/** Jaccard similarity of two paragraphs' word sets. */
function wordSimilarity(a: string, b: string): number {
  const x = new Set(wordsOf(a));
  const y = new Set(wordsOf(b));
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  const union = x.size + y.size - both;
  return union === 0 ? 1 : both / union;
}
