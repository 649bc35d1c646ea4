import type { Token } from '../../article/layers.js';
import type { Draft, QuoteContext } from './context.js';
import { SpanIndex } from '../common/span-index.js';
import { subjectBefore, type Subject } from './noun-phrase.js';
import { CUE_WORDS, ENTITY_OTHER, ENTITY_PERSON, RULE_CONTENT, RULE_CONTENT_START, RULE_CUE, RULE_SENTENCE, RULE_SOURCE, type TaggerDocument } from './tagger/features.js';
import { tagAttributions, type TaggerModel } from './tagger/model.js';


/** The article's tokens in order, with the tagger's view of them. */
export interface TaggerInput {
  readonly tokens: readonly Token[];
  readonly doc: TaggerDocument;
}

/**
 * The tagger's input for an article: its words, sentences, quotations, the entity mentions and the rules'
 * decisions (content, cue, source) on each token.
 * @param found - the rules' attributions
 */
export function taggerInput(ctx: QuoteContext, found: readonly Draft[]): TaggerInput {
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
  const n = tokens.length;
  const starts = Float64Array.from(tokens, (t) => t.start);
  // Note: the first token starting at or after an offset, by binary search over the rising starts.
  const first = (offset: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const mark = (bits: Uint8Array, start: number, end: number, bit: number): void => {
    for (let i = first(start); i < n && tokens[i]!.start < end; i++) bits[i]! |= bit;
  };
  const rules = new Uint8Array(n);
  const cueSentences = new Set<number>();
  for (const q of found) {
    mark(rules, q.content.start, q.content.end, RULE_CONTENT);
    const s = first(q.content.start);
    if (s < n) rules[s]! |= RULE_CONTENT_START;
    mark(rules, q.cue.start, q.cue.end, RULE_CUE);
    if (q.speakerSpan) mark(rules, q.speakerSpan.start, q.speakerSpan.end, RULE_SOURCE);
    const c = first(q.cue.start);
    if (c < n) cueSentences.add(sentence[c]!);
  }
  for (let i = 0; i < n; i++) if (cueSentences.has(sentence[i]!)) rules[i]! |= RULE_SENTENCE;
  const entities = new Uint8Array(n);
  for (const e of ctx.entities) {
    for (const m of e.mentions) mark(entities, m.start, m.end, e.type === 'PERSON' ? ENTITY_PERSON : ENTITY_OTHER);
  }
  // Note: the index answers per token; a sweep that stays at a long quotation would look at every one after it.
  const inQuote = tokens.map((t) => ctx.quotationIndex.holdsOffset(t.start));
  return { tokens, doc: { words, lower, sentence, inQuote, rules, entities } };
}

/** A run of tokens the tagger gave one role, `from` to `to` inclusive. */
interface Run {
  readonly role: string;
  readonly from: number;
  to: number;
}

/** The source, cue and content runs of a BIO labelling. */
function runsOf(labels: readonly string[]): Run[] {
  const runs: Run[] = [];
  let open: Run | null = null;
  labels.forEach((label, i) => {
    if (label === 'O') open = null;
    else if (label.startsWith('B-') || !open) runs.push((open = { role: label.slice(2), from: i, to: i }));
    else open.to = i;
  });
  return runs;
}

/** How many tokens may stand between a content and its cue, and between a cue and its source. */
const MAX_CUE_DISTANCE = 3;

/**
 * Attributions from the learned tagger: each content run that no rule content overlaps, with the nearest cue
 * run (in its sentences or the one before) and the source run nearest that cue; without a source run, the
 * rules' walk back from the cue gives the speaker.
 * @param found - the rules' attributions
 */
export function learnedAttributions(ctx: QuoteContext, tagger: TaggerModel, found: readonly Draft[]): Draft[] {
  const { tokens, doc } = taggerInput(ctx, found);
  if (tokens.length === 0) return [];
  const runs = runsOf(tagAttributions(tagger, doc));
  const cues = runs.filter((r) => r.role === 'CUE');
  const sources = runs.filter((r) => r.role === 'SRC');
  const foundContents = new SpanIndex(found.map((q) => q.content));
  const foundCues = new SpanIndex(found.map((q) => q.cue));
  const out: Draft[] = [];
  const distance = (a: Run, b: Run): number => (a.to < b.from ? b.from - a.to : a.from > b.to ? a.from - b.to : 0);
  const nearest = (list: readonly Run[], to: Run, ok: (r: Run) => boolean, max: number): Run | undefined => {
    let best: Run | undefined;
    for (const r of list) if (ok(r) && distance(r, to) <= max && (!best || distance(r, to) < distance(best, to))) best = r;
    return best;
  };
  for (const run of runs) {
    if (run.role !== 'CON' || run.to === run.from) continue;
    const content = ctx.span(tokens[run.from]!.start, tokens[run.to]!.end);
    if (foundContents.overlapsSpan(content)) continue;
    const fromSentence = doc.sentence[run.from]! - 1;
    const toSentence = doc.sentence[run.to]!;
    const cueRun = nearest(cues, run, (r) => doc.sentence[r.from]! >= fromSentence && doc.sentence[r.from]! <= toSentence, MAX_CUE_DISTANCE);
    if (!cueRun) continue;
    const cue = ctx.span(tokens[cueRun.from]!.start, tokens[cueRun.to]!.end);
    // Note: a rule's cue is its attribution's; more content by it is the same attribution, found in part.
    if (foundCues.overlapsSpan(cue)) continue;
    const cueSentence = doc.sentence[cueRun.from]!;
    const cueWords = doc.lower!.slice(cueRun.from, cueRun.to + 1);
    const before = cueRun.from > 0 && doc.sentence[cueRun.from - 1] === cueSentence ? doc.lower![cueRun.from - 1]! : '';
    // Note: a participle right after a comma (", pledging to ...") has no subject before it, and the
    // participle rule reads those it can.
    if (before === ',' && cueWords[0]!.endsWith('ing')) continue;
    // Note: an action is not a statement ("voted for the measure"): the content reads as reported (`that`,
    // `to`, a question word, a quotation mark), or the cue holds a speech verb, or a learned cue word with a
    // content of five words or more.
    const reported = /^(?:that|to|if|whether|how|why|what|["“'‘]|``)$/u.test(doc.lower![run.from]!);
    const learnedCue = cueWords.some((w) => tagger.cues.has(w)) && run.to - run.from >= 4;
    if (!reported && !learnedCue && !cueWords.some((w) => CUE_WORDS.has(w))) continue;
    const sourceRun = nearest(sources, cueRun, (r) => doc.sentence[r.from]! === cueSentence, MAX_CUE_DISTANCE);
    const view = ctx.views[cueSentence]!;
    let subject: Subject | null = sourceRun ? { start: tokens[sourceRun.from]!.start, end: tokens[sourceRun.to]!.end, relative: false } : null;
    if (!subject) {
      const cueIndex = view.tokens.indexOf(tokens[cueRun.from]!);
      subject = cueIndex > 0 ? subjectBefore(view, cueIndex) : null;
    }
    if (!subject) {
      // Note: a participle or an infinitive (`, encouraging his supporters to`) takes the sentence's source.
      const far = nearest(sources, cueRun, (r) => doc.sentence[r.from]! === cueSentence && r.to < cueRun.from, Infinity)
        ?? nearest(sources, cueRun, (r) => doc.sentence[r.from]! === cueSentence, Infinity);
      if (far) subject = { start: tokens[far.from]!.start, end: tokens[far.to]!.end, relative: false };
    }
    const speaker = subject ? ctx.speakerOf(subject, view.tokens[0]!.start) : { speaker: null, speakerText: null, speakerSpan: null };
    // Note: a content that is one quotation, marks and a closing full stop aside, is direct; its words are the quotation's.
    const whole = ctx.quotationIndex.startingAt(content.start).find((q) => q.end >= content.end - 1 && q.end <= content.end + 1);
    const kind = whole ? 'direct' : ctx.quotationIndex.anyWithin(content) ? 'mixed' : 'indirect';
    out.push({ kind, ...speaker, cue, content: whole ? ctx.inner(whole) : content, sources: [], addressee: null, date: null, sentences: ctx.sentencesOf(content, cue), rule: 'learned' });
  }
  return out;
}
