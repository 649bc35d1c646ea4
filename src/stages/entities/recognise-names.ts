import type { Token } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import { tagDocument } from './ner/document.js';
import { spansFromLabels, type NerType } from './ner/labels.js';
import type { NerModel } from './ner/model.js';

/** A name the recogniser found: character offsets and its coarse type. */
export interface RecognisedName extends Span {
  readonly type: NerType;
}

// Note: a token longer than this is no name (a URL, base64, a run of symbols); the model sees a plain
// lower-case placeholder instead, which it treats as any common word (a marker like "<long>" misled it).
const MAX_TOKEN = 40;
const EDGE_MARK = /^["'‘’“”«»()[\]{}]+$/u;

/**
 * Runs the trained recogniser over every sentence of an article, with one document context so that
 * a name's predictions elsewhere in the article inform each sentence (see {@link tagDocument}).
 */
export function recogniseNames(text: string, tokens: readonly Token[], sentenceCount: number, model: NerModel): RecognisedName[] {
  const bySentence: Token[][] = Array.from({ length: sentenceCount }, () => []);
  for (const t of tokens) bySentence[t.sentence]?.push(t);
  const words = bySentence.map((sentence) => sentence.map((t) => (t.end - t.start > MAX_TOKEN ? 'xxxx' : text.slice(t.start, t.end))));
  // Note: sentences without a letter are not tagged (an empty list stands for them).
  const tagged = words.map((w) => (w.some((word) => /\p{L}/u.test(word)) ? w : []));
  const labels = tagDocument(model, tagged);
  const names: RecognisedName[] = [];
  bySentence.forEach((sentence, i) => {
    if (tagged[i]!.length === 0) return;
    for (const span of spansFromLabels(labels[i]!)) {
      const { start, end } = withoutStrayMark(words[i]!, span.start, span.end);
      if (start < end) names.push({ start: sentence[start]!.start, end: sentence[end - 1]!.end, type: span.type });
    }
  });
  return names;
}

/**
 * A name's token range without a quotation mark or bracket alone at its edge: the text's, not the name's (`Tory
 * 'lies'` gave `Tory '`). A mark that pairs with another inside the name stays (`Mladost ( L )`).
 */
export function withoutStrayMark(words: readonly string[], start: number, end: number): { start: number; end: number } {
  const marks = (from: number, to: number): number => {
    let n = 0;
    for (let k = from; k < to; k++) if (EDGE_MARK.test(words[k]!)) n++;
    return n;
  };
  if (end - start > 1 && EDGE_MARK.test(words[end - 1]!) && marks(start, end - 1) === 0) end--;
  if (end - start > 1 && EDGE_MARK.test(words[start]!) && marks(start + 1, end) === 0) start++;
  return { start, end };
}
