import { readFileSync } from 'node:fs';
import { defaultResources } from '../src/pipeline/resources.js';
import { readConll } from '../src/stages/entities/ner/conll.js';
import { EWT_TO_CONLL } from '../src/stages/syntax/pos/features.js';
import { tagPos } from '../src/stages/syntax/pos/model.js';

/** Token accuracy of the event coder's part-of-speech tagger on sentences of words with gold Penn tags. */
export function posAccuracy(sentences: ReadonlyArray<{ words: string[]; tags: string[] }>): { accuracy: number; tokens: number } {
  const model = defaultResources().posTagger();
  let right = 0;
  let tokens = 0;
  for (const s of sentences) {
    tagPos(model, { words: s.words }).forEach((t, i) => {
      tokens++;
      if (t === s.tags[i]) right++;
    });
  }
  return { accuracy: right / tokens, tokens };
}

/** Reads the POS column of a CoNLL-2003 file. */
export function conllPosSentences(path: string): Array<{ words: string[]; tags: string[] }> {
  return readConll(path, 1).flat().map((s) => ({ words: [...s.words], tags: [...s.tags] }));
}

/** Reads the XPOS column of a CoNLL-U file (multi-word token lines skipped), in CoNLL-2003's tag set. */
export function conlluPosSentences(path: string): Array<{ words: string[]; tags: string[] }> {
  return readFileSync(path, 'utf8').split(/\n\s*\n/u).map((block) => {
    const rows = block.split('\n').filter((l) => /^\d+\t/u.test(l)).map((l) => l.split('\t'));
    return { words: rows.map((r) => r[1]!), tags: rows.map((r) => EWT_TO_CONLL[r[4]!] ?? r[4]!) };
  }).filter((s) => s.words.length > 0);
}
