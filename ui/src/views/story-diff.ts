import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { StoryCopyDiff } from '../api.js';

type DiffOp = StoryCopyDiff['diff'][number];

/** A run of words kept, cut or added in an edited paragraph. */
interface WordRun {
  readonly kind: 'same' | 'cut' | 'added';
  readonly text: string;
}

/** Past this many words on a side, an edited paragraph is shown as its old and new text instead of word by word. */
const WORD_DIFF_LIMIT = 400;

/** The word diff of an edited paragraph (a longest common subsequence of words), or null when it is too long. */
export function wordDiff(before: string, after: string): WordRun[] | null {
  const a = before.split(/\s+/u).filter(Boolean);
  const b = after.split(/\s+/u).filter(Boolean);
  if (a.length > WORD_DIFF_LIMIT || b.length > WORD_DIFF_LIMIT) return null;
  // Note: suffix lengths, so that the walk below goes forwards through both texts.
  const lcs: Uint16Array[] = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const runs: WordRun[] = [];
  const push = (kind: WordRun['kind'], word: string): void => {
    const last = runs[runs.length - 1];
    if (last?.kind === kind) runs[runs.length - 1] = { kind, text: `${last.text} ${word}` };
    else runs.push({ kind, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('same', a[i++]!);
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push('cut', a[i++]!);
    else push('added', b[j++]!);
  }
  return runs;
}

/** Counts of each kind of change, as words: "2 paragraphs cut, 1 added, 1 edited, 5 unchanged". */
export function diffSummary(diff: readonly DiffOp[]): string {
  const count = (op: DiffOp['op']): number => diff.filter((d) => d.op === op).length;
  const parts = [['cut', count('cut')], ['added', count('added')], ['edited', count('edited')], ['unchanged', count('same')]] as const;
  const said = parts.filter(([, n]) => n > 0).map(([what, n], i) => (i === 0 ? `${n} paragraph${n === 1 ? '' : 's'} ${what}` : `${n} ${what}`));
  return said.length === 0 ? 'nothing to compare' : said.join(', ');
}

/** An edited paragraph, word by word: cut words struck out, added ones marked, each kind also named in text. */
function edited(before: string, after: string): VNode {
  const runs = wordDiff(before, after);
  const body = runs
    ? runs.map((r, k) => html`${k > 0 ? ' ' : ''}${r.kind === 'cut' ? html`<del>${r.text}</del>` : r.kind === 'added' ? html`<ins>${r.text}</ins>` : r.text}`)
    : html`<del>${before}</del> <ins>${after}</ins>`;
  return html`<li class="op edited"><span class="op-label">Edited</span><p>${body}</p></li>`;
}

/** Paragraphs the copy kept as they were, folded under one line. */
function unchanged(ops: readonly DiffOp[]): VNode {
  return html`<li class="op same"><details><summary>${ops.length} unchanged paragraph${ops.length === 1 ? '' : 's'}</summary>${ops.map((o) => html`<p>${o.after ?? o.before}</p>`)}</details></li>`;
}

/**
 * What a copy changed against the copy it is compared with, paragraph by paragraph: cut paragraphs struck out,
 * added ones marked, edited ones word by word, unchanged runs folded. Every change is named in text as well as
 * shown by its mark, and all text is rendered as text nodes.
 */
export function StoryDiff({ diff }: { diff: readonly DiffOp[] }): VNode {
  const items: VNode[] = [];
  for (let k = 0; k < diff.length; k++) {
    const op = diff[k]!;
    if (op.op === 'same') {
      let end = k;
      while (diff[end + 1]?.op === 'same') end++;
      items.push(unchanged(diff.slice(k, end + 1)));
      k = end;
    } else if (op.op === 'cut') items.push(html`<li class="op cut"><span class="op-label">Cut</span><p><del>${op.before}</del></p></li>`);
    else if (op.op === 'added') items.push(html`<li class="op added"><span class="op-label">Added</span><p><ins>${op.after}</ins></p></li>`);
    else items.push(edited(op.before ?? '', op.after ?? ''));
  }
  return html`<ol class="diff">${items}</ol>`;
}
