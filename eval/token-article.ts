import { createArticle, withLayers, type Article } from '../src/article/article.js';
import type { Token } from '../src/article/layers.js';
import { EMPTY_META } from '../src/article/meta.js';
import type { Span } from '../src/article/span.js';

/** An article built from gold tokens, with each token's character span. */
export interface TokenArticle {
  readonly article: Article;
  /** Per sentence, per token: its span in the article's text. */
  readonly spans: ReadonlyArray<readonly Span[]>;
}

/**
 * Builds an Article from pre-tokenised sentences (tokens joined by spaces, one sentence per line), with the
 * tokens and sentences layers set from the gold tokenisation, so that scores measure recognition, not tokenisation.
 */
export function articleFromTokens(sentences: ReadonlyArray<readonly string[]>): TokenArticle {
  let text = '';
  const tokens: Token[] = [];
  const sentenceSpans: Span[] = [];
  const spans = sentences.map((words, s) => {
    if (s > 0) text += '\n';
    const start = text.length;
    const out = words.map((w, i) => {
      if (i > 0) text += ' ';
      const span = { start: text.length, end: text.length + w.length };
      text += w;
      tokens.push({ ...span, sentence: s });
      return span;
    });
    sentenceSpans.push({ start, end: text.length });
    return out;
  });
  const article = withLayers(createArticle(text, { ...EMPTY_META, language: 'en' }), { tokens, sentences: sentenceSpans, quotations: [] });
  return { article, spans };
}

/** Turns character-span names into BILOU labels over one sentence's token spans; names not on token edges are dropped. */
export function labelsFor(spans: readonly Span[], names: ReadonlyArray<Span & { type: string }>): string[] {
  const labels = spans.map(() => 'O');
  for (const n of names) {
    const first = spans.findIndex((s) => s.start === n.start);
    const last = spans.findIndex((s) => s.end === n.end);
    labelRange(labels, first, last, n.type);
  }
  return labels;
}

/**
 * Labels tokens `first` to `last` as one name of `type` (BILOU), unless the range is empty or a label is already there.
 * @param labels - the sentence's labels, changed in place
 */
export function labelRange(labels: string[], first: number, last: number, type: string): void {
  if (first < 0 || last < first || labels.slice(first, last + 1).some((l) => l !== 'O')) return;
  if (first === last) labels[first] = `U-${type}`;
  else {
    labels[first] = `B-${type}`;
    for (let i = first + 1; i < last; i++) labels[i] = `I-${type}`;
    labels[last] = `L-${type}`;
  }
}
