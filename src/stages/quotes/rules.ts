import { accordingTo } from './according-to.js';
import { dashSignature, headlineColon, nameColon } from './colons.js';
import type { Draft, QuoteContext } from './context.js';
import { cueAttribution, isCue, type SentenceState } from './cue-verbs.js';
import { DraftsBySentence } from './drafts.js';
import { participles } from './participles.js';

/**
 * The rules' attributions, in each sentence in this order: a headline `...: state media` (a headline without
 * one is read as any sentence); `Name: ...` at a sentence start; then, token by token, quotations signed with a
 * dash and attributions around cue verbs (speaker through the entity layer, `he` and `who` included; content;
 * channels; addressee; date); then `according to X` not used as a channel, and participles (`, saying ...`).
 */
export function ruleAttributions(ctx: QuoteContext): Draft[] {
  const { text, meta } = ctx;
  const found: Draft[] = [];
  const drafts = new DraftsBySentence(found);
  for (const view of ctx.views) {
    const n = view.tokens.length;
    if (n === 0) continue;
    // Note: a headline without a trailing source (`...: state media`) is read like any sentence: headlines
    // carry their own attributions (`Pence: Flowers won't be at debate`, `Flynn says Trump 'absolutely right'`).
    if (view.index === 0 && meta.headline && text.slice(view.tokens[0]!.start, view.tokens[n - 1]!.end) === meta.headline) {
      const headline = headlineColon(ctx, view);
      if (headline) {
        found.push(headline);
        continue;
      }
    }
    const dateline = meta.dateline;
    const floor = dateline ? Math.max(0, view.tokens.findIndex((t) => t.start >= dateline.end)) : 0;
    const labelled = nameColon(ctx, view, floor);
    if (labelled) {
      found.push(labelled);
      continue;
    }
    const state: SentenceState = { floor, consumed: new Set(), inherited: new Map(), drafts };
    for (let k = floor; k < n; k++) {
      if ((view.words[k] === '―' || view.words[k] === '—') && k + 1 < n && /^\p{Lu}/u.test(text.slice(view.tokens[k + 1]!.start))) {
        const signed = dashSignature(ctx, view, k);
        if (signed) found.push(signed);
        continue;
      }
      if (!isCue(ctx, view, k, state)) continue;
      const quote = cueAttribution(ctx, view, k, state);
      if (quote) found.push(quote);
    }
    found.push(...accordingTo(ctx, view, floor, state.consumed));
    found.push(...participles(ctx, view, floor, drafts));
  }
  return found;
}
