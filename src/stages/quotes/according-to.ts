import type { Draft, QuoteContext } from './context.js';
import { lastWord } from './context.js';
import type { SentenceView } from './words.js';

/**
 * `According to X, content.` and `Content, according to X.` when no other attribution in the sentence
 * took the phrase as its channel: X is the speaker.
 * @param consumed - token indices other attributions used
 */
export function accordingTo(ctx: QuoteContext, view: SentenceView, floor: number, consumed: ReadonlySet<number>): Draft[] {
  const out: Draft[] = [];
  const last = lastWord(view);
  for (let a = floor; a + 2 <= last; a++) {
    if (view.words[a] !== 'according' || view.words[a + 1] !== 'to' || consumed.has(a)) continue;
    const cue = ctx.span(view.tokens[a]!.start, view.tokens[a + 1]!.end);
    if (a === floor) {
      const comma = view.words.indexOf(',', a + 2);
      if (comma < 0 || comma >= last) continue;
      const source = { start: view.tokens[a + 2]!.start, end: view.tokens[comma - 1]!.end, relative: false };
      const content = ctx.span(view.tokens[comma + 1]!.start, view.tokens[last]!.end);
      out.push({ kind: 'indirect', ...ctx.speakerOf(source, view.tokens[0]!.start), cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'according-to-first' });
    } else if (view.words[a - 1] === ',' && a - 2 >= floor) {
      const source = { start: view.tokens[a + 2]!.start, end: view.tokens[last]!.end, relative: false };
      const content = ctx.span(view.tokens[floor]!.start, view.tokens[a - 2]!.end);
      out.push({ kind: 'indirect', ...ctx.speakerOf(source, view.tokens[0]!.start), cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'according-to-last' });
    }
  }
  return out;
}
