import { mostFrequent, newDocContext, startsUpper, type DocContext } from './features.js';
import { tagSentence, type NerModel } from './model.js';

/** True when a capitalised word of the sentence was labelled otherwise than its document-wide majority type. */
function disagrees(words: readonly string[], labels: readonly string[], context: DocContext): boolean {
  return words.some((w, i) => {
    if (!startsUpper(w)) return false;
    const type = mostFrequent(context.history.get(w.toLowerCase()));
    return type !== undefined && labels[i]!.slice(2) !== type;
  });
}

/**
 * Tags every sentence of a document. Note: a first pass tags the sentences in order, each seeing the types
 * predicted for its words in the sentences before it; then each sentence where a capitalised word's label
 * disagrees with that word's type across the whole document is tagged again, seeing every sentence's types
 * (Ratinov and Roth's non-local features, cheaply: most sentences are tagged once).
 * @returns per sentence, one BILOU label per word
 */
export function tagDocument(model: NerModel, sentences: ReadonlyArray<readonly string[]>): string[][] {
  const context = newDocContext(sentences);
  const first = sentences.map((words) => tagSentence(model, words, context));
  return first.map((labels, s) => (disagrees(sentences[s]!, labels, context) ? tagSentence(model, sentences[s]!, context, false) : labels));
}
