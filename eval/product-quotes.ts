/**
 * The quote layer through the product's own path: each PolNeAR document's raw text through `extractText`
 * (no date: PolNeAR gives none), the output quotes' content, cue and speaker mapped back to the raw text and
 * scored as the component is (`scorePolnear`).
 */
import type { Span } from '../src/article/span.js';
import { inputSpan } from './product-time.js';
import { extractText } from './product.js';
import { scorePolnear, type PolnearPair, type PolnearDoc, type PolnearResult, type ScoredQuote } from './polnear.js';

/** The product's quotes for one PolNeAR document, their spans in the offsets of its raw text. */
export function productQuotes(doc: PolnearDoc): { quotes: ScoredQuote[]; error: string | null } {
  const result = extractText(doc.text, { kind: 'auto' });
  if (!result.doc) return { quotes: [], error: result.error };
  const back = <T extends Span>(s: T): T => ({ ...s, ...inputSpan(result.toInput, s) });
  const quotes = result.doc.quotes.map((q) => ({ kind: q.kind, content: back(q.content), cue: back(q.cue), speakerSpan: q.speakerSpan ? back(q.speakerSpan) : null }));
  return { quotes, error: null };
}

/** The product row's figures, and the documents the product refused (by error code), which count as finding nothing. */
export function evaluateProductPolnear(docs: readonly PolnearDoc[]): PolnearResult & { readonly refused: readonly string[] } {
  const refused: string[] = [];
  const pairs: PolnearPair[] = docs.map((doc) => {
    const { quotes, error } = productQuotes(doc);
    if (error) refused.push(`${doc.name}: ${error}`);
    return { doc, quotes };
  });
  return { ...scorePolnear(pairs), refused };
}
