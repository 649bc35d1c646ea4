import type { Quotation, QuoteSource } from '../../article/layers.js';
import { contentEnd } from './content.js';
import type { Draft, QuoteContext } from './context.js';
import { lastWord } from './context.js';
import type { DraftsBySentence } from './drafts.js';
import { ADDRESSEE_CUES, CUE_PREPOSITIONS, PASSIVE_AUXILIARIES } from './locale/en.js';
import { runStart } from './lookups.js';
import { subjectBefore, type Subject } from './noun-phrase.js';
import { cueVerbs, type SentenceView } from './words.js';

const addresseeCues = new Set<string>(ADDRESSEE_CUES);
const cuePrepositions = new Set<string>(CUE_PREPOSITIONS);
const passive = new Set<string>(PASSIVE_AUXILIARIES);

/** What the cue recogniser keeps while it walks one sentence. */
export interface SentenceState {
  readonly floor: number;
  /** Token indices used by attributions already found (their contents, trailing cues, `according to`). */
  readonly consumed: Set<number>;
  /** Coordinated cues and the subject they take from the first (`said ... and declared`). */
  readonly inherited: Map<number, Subject>;
  /** The attributions found so far in the article, by sentence. */
  readonly drafts: DraftsBySentence;
}

/** True when token k is a cue: a lower-case cue verb outside quotations and not used by another attribution. */
export function isCue(ctx: QuoteContext, view: SentenceView, k: number, state: SentenceState): boolean {
  // Note: "the United States" holds no cue, nor does "Analysts say they expect ..." hold a second one, nor a
  // passive ("was reported", "reported by").
  if (passive.has(view.words[k - 1] ?? '') || view.words[k + 1] === 'by') return false;
  return !state.consumed.has(k) && cueVerbs.has(view.words[k]!) && /^\p{Ll}/u.test(ctx.text[view.tokens[k]!.start]!) && !ctx.inQuotation(view.tokens[k]!.start);
}

/**
 * Where a clause before a cue may start: the floor, or past the contents of the attributions already found
 * in this sentence (the first token starting at or after each content's end).
 */
function firstAfterFound(view: SentenceView, state: SentenceState): number {
  let first = state.floor;
  for (const q of state.drafts.in(view.index)) first = Math.max(first, view.tokens.findIndex((t) => t.start >= q.content.end));
  return first;
}

/**
 * The last quotation (in layer order) that ends before a cue's subject: in this sentence, or right before it
 * with nothing but spaces between (`"...again." Trump said.`), and with no sentence ended after it before the
 * subject (the last mark before the subject, spaces aside, is no full stop, question or exclamation mark).
 */
function precedingQuotation(ctx: QuoteContext, sentenceStart: number, subjectStart: number): Quotation | undefined {
  const { text } = ctx;
  // Note: the conditions hold for exactly the ends from `from` to the subject's start: no further back than
  // the spaces before the sentence, and past the last mark that is not a space before the subject, if that
  // mark ends a sentence.
  const lastMark = runStart(text, subjectStart, /\s/u) - 1;
  const closesSentence = lastMark >= 0 && /[.!?]/u.test(text[lastMark]!);
  const from = Math.max(runStart(text, sentenceStart, /\s/u), closesSentence ? lastMark + 1 : 0);
  return ctx.quotationIndex.endingIn(from, subjectStart, 'last');
}

/** Words that show a phrase after a cue is a clause, not its speaker (`said the country would respond`). */
const CLAUSE_WORDS = /^(?:would|will|is|was|are|were|has|had|have|could|should|can|may|might|must|did|does|do|it|they|he|she|we|i|that)$/u;

/**
 * `The ad could start this week, said Brian Baker, a political adviser.`: a cue right after a comma and
 * followed by its speaker (a name, or a description opening with a determiner), with the clause before the
 * comma as the content.
 */
function invertedAfterClause(ctx: QuoteContext, view: SentenceView, k: number, state: SentenceState): Draft | null {
  const n = view.tokens.length;
  if (k - 1 <= state.floor || view.words[k - 1] !== ',' || k + 1 >= n) return null;
  const opensName = /^\p{Lu}/u.test(ctx.text[view.tokens[k + 1]!.start]!) || /^(?:a|an|the)$/u.test(view.words[k + 1]!);
  if (!opensName) return null;
  let e = k + 1;
  while (e < n && !/^(?:,|\.|!|\?|;)$/u.test(view.words[e]!) && e - k <= 6) {
    if (CLAUSE_WORDS.test(view.words[e]!)) return null;
    e++;
  }
  if (e === k + 1 || (e < n && !/^(?:,|\.|!|\?)$/u.test(view.words[e]!))) return null;
  const subject: Subject = { start: view.tokens[k + 1]!.start, end: view.tokens[e - 1]!.end, relative: false };
  const first = firstAfterFound(view, state);
  if (first < 0 || first >= k - 1) return null;
  let content = ctx.span(view.tokens[first]!.start, view.tokens[k - 2]!.end);
  const whole = ctx.quotationIndex.startingAt(content.start).find((q) => q.end >= content.end - 1 && q.end <= content.end + 1);
  if (whole) content = ctx.inner(whole);
  const cue = ctx.span(view.tokens[k]!.start, view.tokens[k]!.end);
  for (let c = first; c < k; c++) state.consumed.add(c);
  return { kind: whole ? 'direct' : 'indirect', ...ctx.speakerOf(subject, view.tokens[0]!.start), cue, content, sources: [], addressee: null, date: ctx.dateAfter(cue.end, cue.end + 12), sentences: ctx.sentencesOf(content, cue), rule: 'clause-then-inverted-cue' };
}

/**
 * The attribution around the cue at token k: its subject (before it, or after it in `"...," said X`), then
 * its content: a quotation before the cue, the clause before `, officials said`, or the clause after the cue
 * to its end, with the channels (`, state media said`, `according to`) found there.
 */
export function cueAttribution(ctx: QuoteContext, view: SentenceView, k: number, state: SentenceState): Draft | null {
  const { text, quotationIndex: quotations } = ctx;
  const { floor } = state;
  const n = view.tokens.length;
  let subject = state.inherited.get(k) ?? subjectBefore(view, k, floor);
  const cueStart = view.tokens[k]!.start;
  // Note: a quotation ends right before the cue when its end lies in the run of spaces and commas before it.
  if (!subject && quotations.endingIn(runStart(text, cueStart, /[\s,]/u), cueStart, 'first')) {
    // Note: the inverted form: "..." said Caddell.
    let e = k + 1;
    while (e < n && !/^(?:,|\.|!|\?|;)$/u.test(view.words[e]!) && e - k <= 6) e++;
    if (e > k + 1) subject = { start: view.tokens[k + 1]!.start, end: view.tokens[e - 1]!.end, relative: false };
  }
  if (!subject) return invertedAfterClause(ctx, view, k, state);
  const speaker = ctx.speakerOf(subject, view.tokens[0]!.start);
  const cue = ctx.span(view.tokens[k]!.start, view.tokens[k]!.end);
  let from = k + 1;
  let addressee: string | null = null;
  if (addresseeCues.has(view.words[k]!)) {
    let a = from;
    while (a < n && !/^(?:that|,|\.|:|to|of)$/u.test(view.words[a]!) && a - from < 6) a++;
    if (a > from) {
      addressee = ctx.mentions.inside({ start: view.tokens[from]!.start, end: view.tokens[a - 1]!.end })?.entity.id ?? null;
      from = a;
    }
  }
  if ((view.words[k] === 'called' || view.words[k] === 'calls') && (view.words[from] === 'for' || view.words[from] === 'on')) from++;
  // Note: "reported Saturday that ...": a date right after the cue is not content.
  const dateHere = ctx.timexIndex.at(view.tokens[from]?.start);
  if (dateHere) while (from < n && view.tokens[from]!.end <= dateHere.end) from++;
  if (view.words[from] === 'that' || view.words[from] === ':' || view.words[from] === ',') from++;
  const date = ctx.dateAfter(cue.end, cue.end + 12);
  if (cuePrepositions.has(view.words[from] ?? '')) {
    // Note: "said in an interview, ..." - a phrase after the cue that opens with a preposition is skipped.
    let p = from;
    while (p < n && view.words[p] !== ',' && !/^[.!?]$/u.test(view.words[p]!)) p++;
    from = view.words[p] === ',' ? p + 1 : p;
    if (view.words[from] === 'that') from++;
  }
  // Note: the quotation may close in this sentence, or end the one before ("...again." Trump said.), and is
  // then this cue's content only when nothing follows the cue.
  const sentenceStart = view.tokens[floor]?.start ?? view.tokens[0]!.start;
  const preceding = precedingQuotation(ctx, sentenceStart, subject.start);
  const rest = from >= n || /^[.!?]$/u.test(view.words[from]!) || (date !== null && from + 1 >= n - 1);
  const adjacent = preceding !== undefined && preceding.end > sentenceStart && /^[\s,]*$/u.test(text.slice(preceding.end, Math.min(subject.start, cue.start)));
  if (preceding && (rest || adjacent)) {
    const content = ctx.inner(preceding);
    return { kind: 'direct', ...speaker, cue, content, sources: [], addressee, date, sentences: ctx.sentencesOf(content, cue), rule: 'quotation-then-cue' };
  }
  const subjectToken = view.tokens.findIndex((t) => t.start === subject.start);
  const afterDate = ctx.timexIndex.firstStartingIn(cue.end, cue.end + 2)?.end ?? cue.end;
  const tail = text.slice(afterDate, view.tokens[n - 1]!.end);
  if ((rest || /^\s*(?:,|$)/u.test(tail) || /^\s*[.!?]\s*$/u.test(tail)) && !subject.relative && subjectToken > floor && view.words[subjectToken - 1] === ',') {
    // Note: "The deal is done, officials said." - the content is the clause before the comma.
    const first = firstAfterFound(view, state);
    if (first >= 0 && first < subjectToken - 1) {
      let content = ctx.span(view.tokens[first]!.start, view.tokens[subjectToken - 2]!.end);
      const whole = quotations.startingAt(content.start).find((q) => q.end >= content.end - 1 && q.end <= content.end + 1);
      if (whole) content = ctx.inner(whole);
      return { kind: whole ? 'direct' : 'indirect', ...speaker, cue, content, sources: [], addressee, date, sentences: ctx.sentencesOf(content, cue), rule: 'clause-then-cue' };
    }
  }
  if (from >= n) return null;
  const ce = contentEnd(view, from, quotations);
  if (ce.end <= from) return null;
  let content = ctx.span(view.tokens[from]!.start, view.tokens[ce.end - 1]!.end);
  const whole = quotations.startingAt(content.start).find((q) => q.end === content.end);
  if (whole) content = ctx.inner(whole);
  const kind = whole ? 'direct' : quotations.anyWithin(content) ? 'mixed' : 'indirect';
  const sources: QuoteSource[] = [];
  let quoteDate = date;
  if (ce.next?.kind === 'trailing-cue') {
    const c = ce.next.at;
    state.consumed.add(c);
    const relay = subjectBefore(view, c, ce.end + 1);
    if (relay) sources.push(ctx.channel(relay.start, relay.end));
    quoteDate = ctx.dateAfter(view.tokens[c]!.end, view.tokens[c]!.end + 12) ?? quoteDate;
  } else if (ce.next?.kind === 'according-to') {
    state.consumed.add(ce.next.at);
    const a = ce.next.at + 2;
    const last = lastWord(view);
    if (a <= last) sources.push(ctx.channel(view.tokens[a]!.start, view.tokens[last]!.end));
  } else if (ce.next?.kind === 'coordinated-cue') {
    state.inherited.set(ce.next.at, subject);
  }
  for (let c = from; c < ce.end; c++) state.consumed.add(c);
  return { kind, ...speaker, cue, content, sources, addressee, date: quoteDate, sentences: ctx.sentencesOf(content, cue), rule: `cue-${kind}` };
}
