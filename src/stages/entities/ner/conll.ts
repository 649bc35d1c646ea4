import { readFileSync } from 'node:fs';

/** A CoNLL-2003 sentence: words and their IOB1 tags. */
export interface ConllSentence {
  readonly words: readonly string[];
  readonly tags: readonly string[];
}

/** Reads a CoNLL-2003 file (word, POS, chunk, NER per line) into documents of sentences. */
export function readConll(path: string): ConllSentence[][] {
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
    tags.push(parts[parts.length - 1]!);
  }
  endSentence();
  if (doc.length > 0) docs.push(doc);
  return docs;
}
