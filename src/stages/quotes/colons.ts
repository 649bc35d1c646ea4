import type { Draft, QuoteContext } from './context.js';
import { lastWord } from './context.js';
import { NOT_SPEAKER_LABELS } from './locale/en.js';
import { runStart } from './lookups.js';
import type { SentenceView } from './words.js';

const notSpeakerLabels = new Set<string>(NOT_SPEAKER_LABELS);

/** A headline `content: source` (`North Korea to boost nuclear arsenal ...: state media`), the source up to 5 words. */
export function headlineColon(ctx: QuoteContext, view: SentenceView): Draft | null {
  const n = view.tokens.length;
  const colon = view.words.lastIndexOf(':');
  if (colon <= 0 || n - colon - 1 < 1 || n - colon - 1 > 5) return null;
  const source = { start: view.tokens[colon + 1]!.start, end: view.tokens[n - 1]!.end, relative: false };
  const content = ctx.span(view.tokens[0]!.start, view.tokens[colon - 1]!.end);
  return { kind: 'indirect', ...ctx.speakerOf(source, view.tokens[0]!.start), cue: ctx.span(view.tokens[colon]!.start, view.tokens[colon]!.end), content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'headline-colon' };
}

/** `Pence: Gennifer Flowers won't be at the debate`, and transcripts (`WALLACE: Let's start ...`): up to 3 capitalised words, then a colon. */
export function nameColon(ctx: QuoteContext, view: SentenceView, first: number): Draft | null {
  const colon = view.words.indexOf(':');
  const n = view.tokens.length;
  // Note: a transcript's paragraph may open with a stray quotation mark (`"PENCE: Well, look, ...`).
  const floor = first + 1 < n && /^["“]$/u.test(view.words[first]!) && /^\p{Lu}/u.test(view.forms[first + 1]!) ? first + 1 : first;
  const label = view.words[floor] === 'the' ? floor + 1 : floor;
  if (colon < floor + 1 || colon > floor + 3 || colon + 1 >= n || notSpeakerLabels.has(view.words[label]!)) return null;
  if (!view.tokens.slice(floor, colon).every((t) => /^\p{Lu}/u.test(ctx.text.slice(t.start, t.end)))) return null;
  const last = lastWord(view);
  if (last <= colon) return null;
  const speaker = { start: view.tokens[floor]!.start, end: view.tokens[colon - 1]!.end, relative: false };
  const content = ctx.span(view.tokens[colon + 1]!.start, view.tokens[last]!.end);
  return { kind: 'direct', ...ctx.speakerOf(speaker, view.tokens[0]!.start), cue: ctx.span(view.tokens[colon]!.start, view.tokens[colon]!.end), content, sources: [], addressee: null, date: null, sentences: [view.index], rule: 'name-colon' };
}

/** `"..." ― Sonya Herridge`: a quotation signed with a dash and a name (the dash at token k). */
export function dashSignature(ctx: QuoteContext, view: SentenceView, k: number): Draft | null {
  const n = view.tokens.length;
  const dash = view.tokens[k]!;
  // Note: the quotation ends in the run of spaces before the dash (the first such in layer order).
  const quotation = ctx.quotationIndex.endingIn(runStart(ctx.text, dash.start, /\s/u), dash.start, 'first');
  if (!quotation) return null;
  let e = k + 1;
  while (e < n && /^\p{Lu}/u.test(ctx.text.slice(view.tokens[e]!.start)) && e - k <= 4) e++;
  const content = ctx.inner(quotation);
  const speaker = { start: view.tokens[k + 1]!.start, end: view.tokens[e - 1]!.end, relative: false };
  return { kind: 'direct', ...ctx.speakerOf(speaker, view.tokens[0]!.start), cue: ctx.span(dash.start, dash.end), content, sources: [], addressee: null, date: null, sentences: ctx.sentencesOf(content, content), rule: 'quotation-dash-name' };
}
