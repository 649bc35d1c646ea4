import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { createArticle } from '../src/article/article.js';
import { EMPTY_META } from '../src/article/meta.js';
import type { Span } from '../src/article/span.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { meantimeDocuments } from '../scripts/lib/meantime.js';
import { prf, type Prf } from './scores.js';

/** A document with gold sentence spans. */
export interface SegmentedDoc {
  readonly text: string;
  readonly sentences: readonly Span[];
}

/** Builds documents from a CoNLL-U file: sentences joined by a space, paragraphs (`newpar`) by a blank line. */
export function conlluDocuments(path: string): SegmentedDoc[] {
  const docs: SegmentedDoc[] = [];
  let text = '';
  let sentences: Span[] = [];
  let newPar = false;
  const flush = (): void => {
    if (sentences.length > 0) docs.push({ text, sentences });
    text = '';
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc')) flush();
    else if (line.startsWith('# newpar')) newPar = true;
    else if (line.startsWith('# text = ')) {
      const sentence = line.slice(9).trim();
      if (text !== '') text += newPar ? '\n\n' : ' ';
      newPar = false;
      sentences.push({ start: text.length, end: text.length + sentence.length });
      text += sentence;
    }
  }
  flush();
  return docs;
}

/** Builds documents from MEANTIME: headline and date as their own paragraphs, then the body sentences. */
export function meantimeSegmentedDocuments(folder: string): SegmentedDoc[] {
  return meantimeDocuments(folder).map((doc) => {
    let text = '';
    const sentences: Span[] = doc.sentences.map((s, i) => {
      if (i > 0) text += i <= 2 ? '\n\n' : ' ';
      const span = { start: text.length, end: text.length + s.length };
      text += s;
      return span;
    });
    return { text, sentences };
  });
}

/** Our segmenter's sentence spans. */
export function ourSentences(text: string): Span[] {
  return [...(segmentStage.run(createArticle(text, EMPTY_META), undefined).layers.sentences ?? [])];
}

/** compromise's sentence spans, trimmed of surrounding whitespace. */
export function compromiseSentences(text: string): Span[] {
  return (nlp(text).sentences().json({ offset: true }) as Array<{ offset: { start: number; length: number } }>).map(({ offset }) => {
    const raw = text.slice(offset.start, offset.start + offset.length);
    const lead = raw.length - raw.trimStart().length;
    return { start: offset.start + lead, end: offset.start + lead + raw.trim().length };
  });
}

/** Exact-span precision, recall and F1 of a segmenter over documents. */
export function scoreSegmenter(docs: readonly SegmentedDoc[], segment: (text: string) => Span[]): Prf {
  let correct = 0;
  let system = 0;
  let gold = 0;
  for (const doc of docs) {
    const expected = new Set(doc.sentences.map((s) => `${s.start}:${s.end}`));
    const found = segment(doc.text);
    correct += found.filter((s) => expected.has(`${s.start}:${s.end}`)).length;
    system += found.length;
    gold += expected.size;
  }
  return prf(correct, system, gold);
}
