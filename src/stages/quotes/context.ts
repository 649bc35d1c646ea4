import type { Article } from '../../article/article.js';
import type { Entity, Quotation, Quote, QuoteSource, TextSpan, Timex, Token } from '../../article/layers.js';
import type { ArticleMeta } from '../../article/meta.js';
import type { Span } from '../../article/span.js';
import { QuotationIndex, TimexIndex } from './lookups.js';
import type { Subject } from './noun-phrase.js';
import { MentionIndex } from './speaker.js';
import type { SentenceView } from './words.js';

/** A quote before it gets its id. */
export type Draft = Omit<Quote, 'id'>;

/** What every quote recogniser reads of the article, and the helpers they share. */
export interface QuoteContext {
  readonly text: string;
  readonly meta: ArticleMeta;
  readonly entities: readonly Entity[];
  readonly timexes: readonly Timex[];
  /** Closed quotations only. */
  readonly quotations: readonly Quotation[];
  /** The closed quotations, indexed. */
  readonly quotationIndex: QuotationIndex;
  /** The timexes, indexed by start. */
  readonly timexIndex: TimexIndex;
  /** Every entity's mentions, indexed. */
  readonly mentions: MentionIndex;
  readonly views: readonly SentenceView[];
  /** The tokens' part-of-speech tags in the order of the views' tokens (empty when the article has none). */
  readonly pos: readonly string[];
  span(start: number, end: number): TextSpan;
  inQuotation(offset: number): boolean;
  /** The value of the first DATE timex starting between two offsets (`said Saturday`). */
  dateAfter(offset: number, limit: number): string | null;
  /** Indices of the sentences two spans touch. */
  sentencesOf(a: Span, b: Span): number[];
  /** The speaker fields for a subject: its entity (through `who` to the name before it), or its text. */
  speakerOf(subject: Subject, sentenceStart: number): Pick<Quote, 'speaker' | 'speakerText' | 'speakerSpan'>;
  /** A relaying channel: its span and entity, if any. */
  channel(start: number, end: number): QuoteSource;
  /** A quotation's content without its marks (one character, or two for `''`). */
  inner(quotation: Span): TextSpan;
}

/** Builds the context of an article that has tokens, sentences, quotations, entities and timexes. */
export function quoteContext(article: Article): QuoteContext {
  const { text, meta } = article;
  const sentences = article.layers.sentences ?? [];
  const quotations = (article.layers.quotations ?? []).filter((q) => q.closed);
  const entities = article.layers.entities ?? [];
  const timexes = article.layers.timexes ?? [];
  const bySentence: Token[][] = sentences.map(() => []);
  for (const t of article.layers.tokens ?? []) bySentence[t.sentence]?.push(t);
  const span = (start: number, end: number): TextSpan => ({ start, end, text: text.slice(start, end) });
  const quotationIndex = new QuotationIndex(quotations);
  const timexIndex = new TimexIndex(timexes);
  const mentions = new MentionIndex(entities);
  return {
    text,
    meta,
    entities,
    timexes,
    quotations,
    quotationIndex,
    timexIndex,
    mentions,
    pos: article.layers.pos ?? [],
    views: bySentence.map((own, index) => viewOf(text, index, own)),
    span,
    inQuotation: (offset) => quotationIndex.holdsOffset(offset),
    dateAfter: (offset, limit) => timexIndex.firstDateStartingIn(offset, limit)?.value ?? null,
    sentencesOf: sentencesTouching(sentences),
    speakerOf(subject, sentenceStart) {
      const subjectSpan = span(subject.start, subject.end);
      const found = subject.relative ? mentions.before(subject.start, sentenceStart) : mentions.inside(subject);
      if (!found) return { speaker: null, speakerText: subjectSpan.text, speakerSpan: subjectSpan };
      return { speaker: found.entity.id, speakerText: found.entity.name, speakerSpan: subject.relative ? subjectSpan : span(found.mention.start, found.mention.end) };
    },
    inner(q) {
      const raw = text.slice(q.start, q.end);
      const lead = /^(?:''|``|["“”«])/u.exec(raw)?.[0].length ?? 0;
      const trail = /(?:''|["“”»])$/u.exec(raw)?.[0].length ?? 0;
      return span(q.start + lead, q.end - trail);
    },
    channel(start, end) {
      const found = mentions.inside({ start, end });
      return { ...span(start, end), entity: found?.entity.id ?? null };
    },
  };
}

/** A sentence's view: its tokens' words as written and lower-cased (plain loops: this runs on every token). */
function viewOf(text: string, index: number, tokens: readonly Token[]): SentenceView {
  const n = tokens.length;
  const forms = new Array<string>(n);
  const words = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const form = text.slice(tokens[i]!.start, tokens[i]!.end);
    forms[i] = form;
    words[i] = form.toLowerCase();
  }
  return { text, index, tokens, forms, words };
}

/**
 * For sentences in text order (starts and ends rising, as segmentation and gold tokens give them), a
 * function giving the indices of the sentences two spans touch: `s.end > min(starts)` and `s.start <
 * max(ends)`, which hold for one run of consecutive sentences, found by binary search.
 */
function sentencesTouching(sentences: readonly Span[]): (a: Span, b: Span) => number[] {
  const ends = Float64Array.from(sentences, (s) => s.end);
  return (a, b) => {
    const from = Math.min(a.start, b.start);
    const to = Math.max(a.end, b.end);
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > from) hi = mid;
      else lo = mid + 1;
    }
    const found: number[] = [];
    for (let i = lo; i < sentences.length && sentences[i]!.start < to; i++) found.push(i);
    return found;
  };
}

/** The index of a sentence's last word, before its closing full stop, question or exclamation mark. */
export function lastWord(view: SentenceView): number {
  const n = view.tokens.length;
  return /^[.!?]$/u.test(view.words[n - 1] ?? '') ? n - 2 : n - 1;
}
