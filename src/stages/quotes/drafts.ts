import type { Draft } from './context.js';

/**
 * The attributions found so far, by the sentences each spans, over a list the stage only appends to: each
 * question first takes in what was appended since the last, so that asking costs the drafts of one sentence
 * instead of a scan over the whole article's.
 */
export class DraftsBySentence {
  private readonly bySentence = new Map<number, Draft[]>();
  private taken = 0;

  /** @param found - the stage's list of attributions, appended to while it walks the sentences */
  constructor(readonly found: readonly Draft[]) {}

  /** The drafts whose `sentences` hold the sentence, in the order they were found. */
  in(sentence: number): readonly Draft[] {
    for (; this.taken < this.found.length; this.taken++) {
      const draft = this.found[this.taken]!;
      for (const s of new Set(draft.sentences)) {
        const list = this.bySentence.get(s);
        if (list) list.push(draft);
        else this.bySentence.set(s, [draft]);
      }
    }
    return this.bySentence.get(sentence) ?? [];
  }
}
