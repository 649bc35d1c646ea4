import type { Token } from '../../article/layers.js';
import type { Draft, QuoteContext } from './context.js';
import { overlaps } from '../../article/span.js';
import { SpanIndex } from '../common/span-index.js';
import { subjectBefore } from './noun-phrase.js';
import { PASSIVE_AUXILIARIES } from './locale/en.js';
import { tagAttributions, type TaggerWeights } from './tagger/model.js';

const passive = new Set<string>(PASSIVE_AUXILIARIES);

interface Run {
  readonly label: string;
  readonly from: number;
  to: number;
}

/**
 * Attributions the rules missed, from the learned tagger: each content run (two tokens or more) that no
 * rule content overlaps, with the nearest cue run in its sentence; the speaker is found by the rules'
 * walk back from that cue, or else is the tagger's source run in the sentence.
 * @param found - the rules' attributions
 */
export function learnedAttributions(ctx: QuoteContext, weights: TaggerWeights, found: readonly Draft[]): Draft[] {
  // Note: plain loops, not flatMap, which is several times slower in Node 20 and runs on every token.
  const tokens: Token[] = [];
  const words: string[] = [];
  const lower: string[] = [];
  const sentence: number[] = [];
  for (const v of ctx.views) {
    for (let i = 0; i < v.tokens.length; i++) {
      tokens.push(v.tokens[i]!);
      words.push(v.forms[i]!);
      lower.push(v.words[i]!);
      sentence.push(v.index);
    }
  }
  if (tokens.length === 0) return [];
  // Note: the index answers per token; a sweep that stays at a long quotation would look at every one after it.
  const inQuote = tokens.map((t) => ctx.quotationIndex.holdsOffset(t.start));
  const labels = tagAttributions(weights, { words, lower, sentence, inQuote });
  const runs: Run[] = [];
  labels.forEach((label, i) => {
    const last = runs.at(-1);
    if (last && last.label === label && tokens[i]!.start - tokens[i - 1]!.end < 3) last.to = i;
    else runs.push({ label, from: i, to: i });
  });
  const bySentence = new Map<number, Run[]>();
  for (const r of runs) {
    if (r.label === 'O' || r.label === 'CON') continue;
    const sentence = tokens[r.from]!.sentence;
    const list = bySentence.get(sentence);
    if (list) list.push(r);
    else bySentence.set(sentence, [r]);
  }
  const out: Draft[] = [];
  const foundContents = new SpanIndex(found.map((q) => q.content));
  // Note: runs come in text order and do not share tokens, so a content overlaps an earlier learned one
  // exactly when one of those ends after it starts.
  let learnedEnd = -Infinity;
  for (const run of runs.filter((r) => r.label === 'CON' && r.to > r.from)) {
    const content = ctx.span(tokens[run.from]!.start, tokens[run.to]!.end);
    if (foundContents.overlapsSpan(content) || learnedEnd > content.start) continue;
    const sentence = tokens[run.from]!.sentence;
    const near = (label: string): Run | undefined => (bySentence.get(sentence) ?? [])
      .filter((r) => r.label === label)
      .sort((a, b) => Math.abs(a.from - run.from) - Math.abs(b.from - run.from))[0];
    const cueRun = near('CUE');
    if (!cueRun) continue;
    const view = ctx.views[sentence]!;
    const cueIndex = view.tokens.indexOf(tokens[cueRun.from]!);
    // Note: a cue right after a comma is a participle (", pledging to ..."), whose subject is not the words before it.
    if (view.words[cueIndex - 1] === ',') continue;
    // Note: as for the rules, a passive ("was reported missing") is not the subject's attribution.
    if (passive.has(view.words[cueIndex]!)) continue;
    const subject = cueIndex > 0 ? subjectBefore(view, cueIndex) : null;
    if (!subject) continue;
    const sourceRun = near('SRC');
    // Note: the speaker is the rules' subject of the tagger's cue when the tagger's source run agrees with it
    // (or there is none); a learned attribution whose speaker cannot be placed is left out.
    const agrees = subject && (!sourceRun || overlaps({ start: tokens[sourceRun.from]!.start, end: tokens[sourceRun.to]!.end }, subject));
    if (!agrees) continue;
    const speaker = ctx.speakerOf(subject, view.tokens[0]!.start);
    const cue = ctx.span(tokens[cueRun.from]!.start, tokens[cueRun.to]!.end);
    const kind = ctx.quotationIndex.anyWithin(content) ? 'mixed' : 'indirect';
    learnedEnd = Math.max(learnedEnd, content.end);
    out.push({ kind, ...speaker, cue, content, sources: [], addressee: null, date: null, sentences: ctx.sentencesOf(content, cue), rule: 'learned' });
  }
  return out;
}
