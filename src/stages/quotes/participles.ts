import type { EntityType } from '../../article/layers.js';
import type { Draft, QuoteContext } from './context.js';
import { lastWord } from './context.js';
import type { DraftsBySentence } from './drafts.js';
import { PARTICIPLE_CUES } from './locale/en.js';
import type { SentenceView } from './words.js';

const participleCues = new Set<string>(PARTICIPLE_CUES);
const openerTypes: ReadonlySet<EntityType> = new Set<EntityType>(['PERSON', 'ORG']);

/**
 * `..., saying the talks had failed`: the participle's clause is attributed to the speaker of the
 * sentence's earlier attribution, or else to the person or organisation that opens the sentence.
 * @param drafts - the attributions found so far in the article
 */
export function participles(ctx: QuoteContext, view: SentenceView, floor: number, drafts: DraftsBySentence): Draft[] {
  const out: Draft[] = [];
  const last = lastWord(view);
  for (let k = floor + 2; k < last; k++) {
    if (!participleCues.has(view.words[k]!) || view.words[k - 1] !== ',') continue;
    const cue = ctx.span(view.tokens[k]!.start, view.tokens[k]!.end);
    // Note: a content holding the cue touches the cue's sentence, so it is among this sentence's drafts.
    const here = drafts.in(view.index);
    if (here.some((q) => cue.start >= q.content.start && cue.end <= q.content.end)) continue;
    const earlier = here.findLast((q) => q.cue.start < cue.start);
    const from = view.words[k + 1] === 'that' ? k + 2 : k + 1;
    if (from > last) continue;
    const content = ctx.span(view.tokens[from]!.start, view.tokens[last]!.end);
    if (earlier) {
      out.push({ ...earlier, kind: 'indirect', cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'participle' });
      continue;
    }
    const opener = ctx.mentions.inside({ start: view.tokens[floor]!.start, end: view.tokens[Math.max(floor, Math.min(k - 1, floor + 8))]!.end }, openerTypes);
    if (!opener) continue;
    out.push({ kind: 'indirect', speaker: opener.entity.id, speakerText: opener.entity.name, speakerSpan: ctx.span(opener.mention.start, opener.mention.end), cue, content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'participle' });
  }
  return out;
}
