import { readFileSync } from 'node:fs';

/** A CoNLL-2003 sentence: words and their tags (IOB1 names, or another column). */
export interface ConllSentence {
  readonly words: readonly string[];
  readonly tags: readonly string[];
}

/**
 * Reads a CoNLL-2003 file (word, POS, chunk, NER per line) into documents of sentences.
 * @param column - the column the tags come from: the last (NER) by default, 1 for part-of-speech
 */
export function readConll(path: string, column = -1): ConllSentence[][] {
  const docs: ConllSentence[][] = [];
  let doc: ConllSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (words.length > 0) doc.push({ words, tags });
    words = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (doc.length > 0) docs.push(doc);
      doc = [];
      continue;
    }
    const parts = line.trim().split(/\s+/u);
    if (parts.length < 2) {
      endSentence();
      continue;
    }
    words.push(parts[0]!);
    tags.push(parts.at(column)!);
  }
  endSentence();
  if (doc.length > 0) docs.push(doc);
  return docs;
}
