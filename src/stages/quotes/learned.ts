import type { Token } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import type { Draft, QuoteContext } from './context.js';
import { SpanIndex } from '../common/span-index.js';
import { subjectBefore, type Subject } from './noun-phrase.js';
import { CUE_WORDS, ENTITY_OTHER, ENTITY_PERSON, RULE_CONTENT, RULE_CONTENT_START, RULE_CUE, RULE_SENTENCE, RULE_SOURCE, type TaggerDocument } from './tagger/features.js';
import { tagAttributionCodes, type TaggerModel } from './tagger/model.js';
import { BE_FORMS } from '../events/locale/en.js';


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
  const starts = new Float64Array(n);
  for (let i = 0; i < n; i++) starts[i] = tokens[i]!.start;
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
  // Note: each quotation marks the tokens starting strictly inside it (as `holdsOffset` reads a token's start),
  // found by binary search: no question per token, and no sweep that stays at a long quotation.
  const inQuote = new Array<boolean>(n).fill(false);
  for (const q of ctx.quotations) {
    for (let i = first(q.start + 1); i < n && starts[i]! < q.end; i++) inQuote[i] = true;
  }
  // Note: the views hold the tokens in article order, as the tag layer does.
  const pos = ctx.pos.length === n ? ctx.pos : undefined;
  return { tokens, doc: { words, lower, sentence, inQuote, rules, entities, ...(pos ? { pos } : {}) } };
}

/** A run of tokens the tagger gave one role, `from` to `to` inclusive. */
interface Run {
  readonly role: string;
  readonly from: number;
  to: number;
}

/** The role of each label code of `ATTRIBUTION_LABELS` but `O` (1 and 2: SRC, 3 and 4: CUE, 5 and 6: CON). */
const ROLES = ['', 'SRC', 'SRC', 'CUE', 'CUE', 'CON', 'CON'] as const;

/** The source, cue and content runs of a BIO labelling, each label as its code in `ATTRIBUTION_LABELS`. */
function runsOf(labels: Uint8Array): Run[] {
  const runs: Run[] = [];
  let open: Run | null = null;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    // Note: the odd codes are the B- labels.
    if (label === 0) open = null;
    else if (label & 1 || !open) runs.push((open = { role: ROLES[label]!, from: i, to: i }));
    else open.to = i;
  }
  return runs;
}

/** How many tokens may stand between a content and its cue, and between a cue and its source. */
const MAX_CUE_DISTANCE = 3;

/** What the refiners and the draft read: the tagged article, its runs and the rules' attributions. */
interface Tagged {
  readonly ctx: QuoteContext;
  readonly tagger: TaggerModel;
  readonly tokens: readonly Token[];
  readonly doc: TaggerDocument;
  readonly sources: readonly Run[];
  readonly ruleContents: SpanIndex<Span>;
  readonly ruleCues: SpanIndex<Span>;
}

/** A learned attribution before the refiners decide on it: a content run and the cue run nearest it. */
interface Candidate {
  readonly content: Run;
  readonly cue: Run;
}

const distance = (a: Run, b: Run): number => (a.to < b.from ? b.from - a.to : a.from > b.to ? a.from - b.to : 0);
function nearest(list: readonly Run[], to: Run, ok: (r: Run) => boolean, max: number): Run | undefined {
  let best: Run | undefined;
  for (const r of list) if (ok(r) && distance(r, to) <= max && (!best || distance(r, to) < distance(best, to))) best = r;
  return best;
}
const spanOf = (t: Tagged, r: Run): Span => ({ start: t.tokens[r.from]!.start, end: t.tokens[r.to]!.end });

/** The recogniser: each content run of two tokens or more with a cue run within reach (its sentences or the one before). */
function candidates(t: Tagged, runs: readonly Run[]): Candidate[] {
  const cues = runs.filter((r) => r.role === 'CUE');
  const out: Candidate[] = [];
  for (const content of runs) {
    if (content.role !== 'CON' || content.to === content.from) continue;
    const from = t.doc.sentence[content.from]! - 1;
    const to = t.doc.sentence[content.to]!;
    const cue = nearest(cuesWithin(cues, content, MAX_CUE_DISTANCE), content, (r) => t.doc.sentence[r.from]! >= from && t.doc.sentence[r.from]! <= to, MAX_CUE_DISTANCE);
    if (cue) out.push({ content, cue });
  }
  return out;
}

/**
 * The cue runs that may lie within `max` tokens of a run, in order: runs are disjoint and in order, so a binary
 * search finds the first. Note: every cue was looked at for every content, which made long articles quadratic.
 */
function cuesWithin(cues: readonly Run[], of: Run, max: number): readonly Run[] {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.to < of.from - max) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < cues.length && cues[end]!.from <= of.to + max) end++;
  return cues.slice(lo, end);
}

/**
 * The refiners, in the order they run: each keeps a candidate or drops it.
 * - `new to the rules`: no rule content overlaps it, and its cue is no rule's cue (a rule's cue is its
 *   attribution's; more content by it is the same attribution, found in part).
 * - `not a participle`: a participle right after a comma (", pledging to ...") has no subject before it, and
 *   the participle rule reads those it can.
 * - `a statement`: an action is not one ("voted for the measure"): the content reads as reported (`that`,
 *   `to`, a question word, a quotation mark), or the cue holds a speech verb, or a learned cue word with a
 *   content of four words or more (five found less: PolNeAR dev F1 0.770 with five; shorter objects, `voted for
 *   the measure`, `unveiled a military agenda`, are mostly actions).
 * - `not a forecast`: `X is expected to travel`, `is due to`, `is set to` say what is planned for X, and nobody is
 *   quoted: a cue of those words after a form of `be` with an infinitive content is no attribution.
 */
const REFINERS: ReadonlyArray<readonly [string, (t: Tagged, c: Candidate) => boolean]> = [
  ['new to the rules', (t, c) => !t.ruleContents.overlapsSpan(spanOf(t, c.content)) && !t.ruleCues.overlapsSpan(spanOf(t, c.cue))],
  ['not a participle', (t, c) => {
    const k = c.cue.from;
    return !(k > 0 && t.doc.sentence[k - 1] === t.doc.sentence[k] && t.doc.lower![k - 1] === ',' && t.doc.lower![k]!.endsWith('ing'));
  }],
  ['a statement', (t, c) => {
    const words = t.doc.lower!.slice(c.cue.from, c.cue.to + 1);
    const reported = /^(?:that|to|if|whether|how|why|what|["“'‘]|``)$/u.test(t.doc.lower![c.content.from]!);
    return reported || words.some((w) => CUE_WORDS.has(w)) || (words.some((w) => t.tagger.cues.has(w)) && c.content.to - c.content.from >= 3);
  }],
  ['not a forecast', (t, c) => {
    const lower = t.doc.lower!;
    const cue = lower[c.cue.to]!;
    const be = BE.has(lower[c.cue.to - 1] ?? '') || BE.has(lower[c.cue.from - 1] ?? '');
    return !(FORECASTS.has(cue) && be && lower[c.content.from] === 'to');
  }],
];

/** Words that, after `be` and before an infinitive, forecast what someone will do (`is expected to travel`). */
const FORECASTS: ReadonlySet<string> = new Set(['expected', 'likely', 'unlikely', 'due', 'set', 'scheduled', 'slated', 'poised', 'supposed', 'bound', 'certain', 'sure']);
const BE: ReadonlySet<string> = new Set<string>(BE_FORMS);

/**
 * The speaker of a kept candidate: the rules' walk back from the cue, else the source run by its cue, else
 * (a participle or an infinitive: `, encouraging his supporters to`) the sentence's source run.
 */
function speakerOf(t: Tagged, c: Candidate): Pick<Draft, 'speaker' | 'speakerText' | 'speakerSpan'> {
  const sentence = t.doc.sentence[c.cue.from]!;
  const view = t.ctx.views[sentence]!;
  const inSentence = (r: Run): boolean => t.doc.sentence[r.from] === sentence;
  const near = nearest(t.sources, c.cue, inSentence, MAX_CUE_DISTANCE);
  const cueIndex = view.tokens.indexOf(t.tokens[c.cue.from]!);
  // Note: the rules' walk first: it found the source more often than the tagger's run (PolNeAR dev 0.893 -> 0.895).
  let subject: Subject | null = (cueIndex > 0 ? subjectBefore(view, cueIndex) : null) ?? (near ? { ...spanOf(t, near), relative: false } : null);
  if (!subject) {
    const far = nearest(t.sources, c.cue, (r) => inSentence(r) && r.to < c.cue.from, Infinity) ?? nearest(t.sources, c.cue, inSentence, Infinity);
    if (far) subject = { ...spanOf(t, far), relative: false };
  }
  return subject ? t.ctx.speakerOf(subject, view.tokens[0]!.start) : { speaker: null, speakerText: null, speakerSpan: null };
}

/** A kept candidate as a draft; `direct` when its content is one quotation (marks and a closing stop aside), whose words it takes. */
function draftOf(t: Tagged, c: Candidate): Draft {
  const { ctx } = t;
  const content = ctx.span(t.tokens[c.content.from]!.start, t.tokens[c.content.to]!.end);
  const cue = ctx.span(t.tokens[c.cue.from]!.start, t.tokens[c.cue.to]!.end);
  const whole = ctx.quotationIndex.startingAt(content.start).find((q) => q.end >= content.end - 1 && q.end <= content.end + 1);
  const kind = whole ? 'direct' : ctx.quotationIndex.anyWithin(content) ? 'mixed' : 'indirect';
  return { kind, ...speakerOf(t, c), cue, content: whole ? ctx.inner(whole) : content, sources: [], addressee: null, date: null, sentences: ctx.sentencesOf(content, cue), rule: 'learned' };
}

/**
 * Attributions from the learned tagger, which reads the rules' attributions as features: its candidates
 * ({@link candidates}), those every refiner keeps ({@link REFINERS}, in order), as drafts.
 * @param found - the rules' attributions
 */
export function learnedAttributions(ctx: QuoteContext, tagger: TaggerModel, found: readonly Draft[]): Draft[] {
  const { tokens, doc } = taggerInput(ctx, found);
  if (tokens.length === 0) return [];
  const runs = runsOf(tagAttributionCodes(tagger, doc));
  const t: Tagged = { ctx, tagger, tokens, doc, sources: runs.filter((r) => r.role === 'SRC'), ruleContents: new SpanIndex(found.map((q) => q.content)), ruleCues: new SpanIndex(found.map((q) => q.cue)) };
  return candidates(t, runs).filter((c) => REFINERS.every(([, keep]) => keep(t, c))).map((c) => draftOf(t, c));
}
