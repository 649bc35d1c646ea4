import type { Token } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import { newDocContext } from './ner/features.js';
import { spansFromLabels, type NerType } from './ner/labels.js';
import { tagSentence, type NerModel } from './ner/model.js';

/** A name the recogniser found: character offsets and its coarse type. */
export interface RecognisedName extends Span {
  readonly type: NerType;
}

// Note: a token longer than this is no name (a URL, base64, a run of symbols); the model sees a plain
// lower-case placeholder instead, which it treats as any common word (a marker like "<long>" misled it).
const MAX_TOKEN = 40;

/**
 * Runs the trained recogniser over every sentence of an article, with one document context so that
 * a name's earlier predictions inform later sentences.
 */
export function recogniseNames(text: string, tokens: readonly Token[], sentenceCount: number, model: NerModel): RecognisedName[] {
  const bySentence: Token[][] = Array.from({ length: sentenceCount }, () => []);
  for (const t of tokens) bySentence[t.sentence]?.push(t);
  const words = bySentence.map((sentence) => sentence.map((t) => (t.end - t.start > MAX_TOKEN ? 'xxxx' : text.slice(t.start, t.end))));
  const context = newDocContext(words);
  const names: RecognisedName[] = [];
  bySentence.forEach((sentence, i) => {
    if (sentence.length === 0 || !/\p{L}/u.test(words[i]!.join(''))) return;
    for (const span of spansFromLabels(tagSentence(model, words[i]!, context))) {
      names.push({ start: sentence[span.start]!.start, end: sentence[span.end - 1]!.end, type: span.type });
    }
  });
  return names;
}
