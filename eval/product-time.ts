/**
 * The time layer through the product's own path: each TimeBank+AQUAINT document's `<TEXT>` as plain text (as
 * a user holding the article would give it), its creation date as `--date`, through `extractText`; the output
 * timexes are mapped back to the raw text and scored as the component is (`scoreTimexes`).
 */
import { extractText } from './product.js';
import { scoreTimexes, type ScoredTimex, type TempEvalResult, type TimemlDoc, type TimexPair } from './timeml.js';

/** The product's timexes for one TimeML document, in the offsets of its raw text. */
export function productTimexes(doc: TimemlDoc): { found: ScoredTimex[]; error: string | null } {
  const result = extractText(doc.text, { kind: 'auto', date: doc.dct || null });
  if (!result.doc) return { found: [], error: result.error };
  const found = result.doc.timexes.map((t) => ({ ...inputSpan(result.toInput, t), type: t.type, value: t.value }));
  return { found, error: null };
}

/** The product row's figures, and the documents the product refused (by error code), which count as finding nothing. */
export function evaluateProductTimeml(docs: readonly TimemlDoc[]): TempEvalResult & { readonly refused: readonly string[] } {
  const refused: string[] = [];
  const pairs: TimexPair[] = docs.map((doc) => {
    const { found, error } = productTimexes(doc);
    if (error) refused.push(`${doc.name}: ${error}`);
    return { gold: doc.timexes, found };
  });
  return { ...scoreTimexes(pairs), refused };
}

/**
 * A span of the output mapped to the input. The end maps through its last character, so that characters the
 * reader removed right after the span (a control character, a header line) are not taken into it.
 */
export function inputSpan(toInput: (offset: number) => number, span: { start: number; end: number }): { start: number; end: number } {
  const start = toInput(span.start);
  return { start, end: span.end > span.start ? toInput(span.end - 1) + 1 : start };
}
