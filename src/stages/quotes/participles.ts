import type { Draft, QuoteContext } from './context.js';
import { lastWord } from './context.js';
import { PARTICIPLE_CUES } from './locale/en.js';
import { mentionIn } from './speaker.js';
import type { SentenceView } from './words.js';

const participleCues = new Set<string>(PARTICIPLE_CUES);

/**
 * `..., saying the talks had failed`: the participle's clause is attributed to the speaker of the
 * sentence's earlier attribution, or else to the person or organisation that opens the sentence.
 * @param found - the attributions found so far in the article
 */
export function participles(ctx: QuoteContext, view: SentenceView, floor: number, found: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  const last = lastWord(view);
  for (let k = floor + 2; k < last; k++) {
    if (!participleCues.has(view.words[k]!) || view.words[k - 1] !== ',') continue;
    const cue = ctx.span(view.tokens[k]!.start, view.tokens[k]!.end);
    if (found.some((q) => cue.start >= q.content.start && cue.end <= q.content.end)) continue;
    const earlier = [...found].reverse().find((q) => q.sentences.includes(view.index) && q.cue.start < cue.start);
    const from = view.words[k + 1] === 'that' ? k + 2 : k + 1;
    if (from > last) continue;
    const content = ctx.span(view.tokens[from]!.start, view.tokens[last]!.end);
    if (earlier) {
      out.push({ ...earlier, kind: 'indirect', cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'participle' });
      continue;
    }
    const opener = mentionIn(ctx.entities.filter((e) => e.type === 'PERSON' || e.type === 'ORG'), { start: view.tokens[floor]!.start, end: view.tokens[Math.max(floor, Math.min(k - 1, floor + 8))]!.end });
    if (!opener) continue;
    out.push({ kind: 'indirect', speaker: opener.entity.id, speakerText: opener.entity.name, speakerSpan: ctx.span(opener.mention.start, opener.mention.end), cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'participle' });
  }
  return out;
}
