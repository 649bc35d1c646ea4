import type { Span } from '../../article/span.js';
import type { Token } from '../../article/layers.js';
import type { Stage } from '../../pipeline/stage.js';
import { findQuotations } from './quotations.js';
import { linesAreSentences, shortLineEnds } from '../../read/lines.js';
import { cleanSpaces } from '../../read/spaces.js';
import { splitSentences, type SentenceBreaks } from './sentences.js';
import { tokenize } from './tokenize.js';

/**
 * Where sentences end besides terminators: at every line end in text written one sentence per line, between
 * short lines (a list or table) in wrapped text, and after the headline when the text opens with it on a line of its own (with or without a blank line after).
 */
export function sentenceBreaks(text: string, headline: string | null): SentenceBreaks {
  const lineEnd = text.indexOf('\n');
  const firstLine = text.slice(0, lineEnd < 0 ? text.length : lineEnd);
  const opensWithHeadline = lineEnd >= 0 && headline !== null && cleanSpaces(firstLine) === cleanSpaces(headline);
  const atLineEnds = linesAreSentences(text);
  const after = [...(opensWithHeadline ? [firstLine.trimEnd().length] : []), ...(atLineEnds ? [] : shortLineEnds(text))];
  return { atLineEnds, after };
}

/**
 * Segmentation: tokens, sentences and quotations with offsets. The dateline is protected so that it stays
 * part of the first sentence (unless it is a line of its own in text written one sentence per line).
 */
export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  assigns: ['tokens', 'sentences', 'quotations'],
  run(article) {
    const spans = tokenize(article.text);
    const dateline = article.meta.dateline;
    const groups = splitSentences(article.text, spans, dateline ? [dateline] : [], sentenceBreaks(article.text, article.meta.headline));
    const tokens: Token[] = [];
    const sentences: Span[] = groups.map(([from, to], sentence) => {
      for (let i = from; i < to; i++) tokens.push({ ...spans[i]!, sentence });
      return { start: spans[from]!.start, end: spans[to - 1]!.end };
    });
    const { quotations, messages } = findQuotations(article.text);
    return { layers: { tokens, sentences, quotations }, messages };
  },
};
