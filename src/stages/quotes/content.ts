import { CONTENT_STOPS } from './locale/en.js';
import type { QuotationIndex } from './lookups.js';
import { subjectBefore } from './noun-phrase.js';
import { cueVerbs, type SentenceView } from './words.js';

const contentStops = new Set<string>(CONTENT_STOPS);

/** Where a content clause ends, and why. */
export interface ContentEnd {
  /** Token index one past the content's last token. */
  readonly end: number;
  /** What comes after: a trailing attribution (`, state media said`), `according to`, a coordinated cue, or nothing. */
  readonly next: { readonly kind: 'trailing-cue' | 'according-to' | 'coordinated-cue'; readonly at: number } | null;
}

/**
 * Finds where content that starts at token `from` ends: at the sentence end, or before `, according to`,
 * a trailing `, SUBJECT CUE`, `and CUE` (a second attribution by the same speaker), or `, without ...`.
 */
export function contentEnd(view: SentenceView, from: number, quotations: QuotationIndex): ContentEnd {
  const n = view.words.length;
  for (let k = from; k < n; k++) {
    if (quotations.holdsStrictly(view.tokens[k]!)) continue;
    const w = view.words[k]!;
    if (w === ',' && view.words[k + 1] === 'according' && view.words[k + 2] === 'to') return { end: k, next: { kind: 'according-to', at: k + 1 } };
    if (w === ',' && contentStops.has(view.words[k + 1] ?? '')) return { end: k, next: null };
    if (w === 'and' && cueVerbs.has(view.words[k + 1] ?? '')) return { end: k, next: { kind: 'coordinated-cue', at: k + 1 } };
    if (w === ',') {
      for (let c = k + 2; c < Math.min(n, k + 9); c++) {
        if (!cueVerbs.has(view.words[c]!)) continue;
        const subject = subjectBefore(view, c, k + 1);
        if (subject && subject.start === view.tokens[k + 1]!.start && trailingRestIsShort(view, c)) return { end: k, next: { kind: 'trailing-cue', at: c } };
      }
    }
  }
  const last = view.words[n - 1];
  return { end: last && /^[.!?]$/u.test(last) ? n - 1 : n, next: null };
}

/** After a trailing cue only a few words may follow (`said Saturday`, `told reporters`) before the sentence ends. */
export function trailingRestIsShort(view: SentenceView, cue: number): boolean {
  let k = cue + 1;
  while (k < view.words.length && !/^[.!?]$/u.test(view.words[k]!)) k++;
  return k - cue <= 6;
}
