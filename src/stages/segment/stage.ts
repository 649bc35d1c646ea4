import type { Span } from '../../article/span.js';
import type { Token } from '../../article/layers.js';
import type { Stage } from '../../pipeline/stage.js';
import { findQuotations } from './quotations.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokenize.js';

/**
 * Segmentation: tokens, sentences and quotations with offsets. The dateline is protected so that it stays
 * part of the first sentence.
 */
export const segmentStage: Stage = {
  name: 'segment',
  requires: [],
  assigns: ['tokens', 'sentences', 'quotations'],
  run(article) {
    const spans = tokenize(article.text);
    const dateline = article.meta.dateline;
    const groups = splitSentences(article.text, spans, dateline ? [dateline] : []);
    const tokens: Token[] = [];
    const sentences: Span[] = groups.map(([from, to], sentence) => {
      for (let i = from; i < to; i++) tokens.push({ ...spans[i]!, sentence });
      return { start: spans[from]!.start, end: spans[to - 1]!.end };
    });
    const { quotations, messages } = findQuotations(article.text);
    return { layers: { tokens, sentences, quotations }, messages };
  },
};
