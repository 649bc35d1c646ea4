import { defaultResources } from '../src/pipeline/resources.js';
import { parse, type ParserModel } from '../src/stages/syntax/parser.js';
import { tagPos, type PosModel } from '../src/stages/syntax/pos/model.js';
import type { TreebankSentence } from '../src/stages/syntax/treebank.js';

/** Attachment scores of a parser on a treebank, every token counted (punctuation included, as the CoNLL 2018 shared task does). */
export interface AttachmentScores {
  /** Share of tokens with the right head. */
  readonly uas: number;
  /** Share of tokens with the right head and the right relation (subtypes included: `nsubj:pass`). */
  readonly las: number;
  /** LAS on the universal relation only (`nsubj:pass` counted as `nsubj`). */
  readonly lasUniversal: number;
  readonly tokens: number;
  /** Tokens parsed per second, tagging left out. */
  readonly tokensPerSecond: number;
}

/** The shipped tagger's tags for each sentence: the tags the parser sees at run time. */
export function predictedTags(sentences: readonly TreebankSentence[], tagger: PosModel = defaultResources().posTagger()): string[][] {
  return sentences.map((s) => tagPos(tagger, { words: s.words }));
}

/**
 * Parses each sentence with the given tags and scores heads and relations against the gold tree.
 * @param tags - one tag list per sentence (predicted ones, from {@link predictedTags}, for run-time figures)
 */
export function attachmentScores(model: ParserModel, sentences: readonly TreebankSentence[], tags: readonly (readonly string[])[]): AttachmentScores {
  let heads = 0;
  let labelled = 0;
  let universal = 0;
  let tokens = 0;
  const started = performance.now();
  const parses = sentences.map((s, i) => parse(model, s.words, tags[i]!));
  const seconds = (performance.now() - started) / 1000;
  sentences.forEach((s, i) => {
    const p = parses[i]!;
    s.heads.forEach((h, k) => {
      tokens++;
      if (p.heads[k] !== h) return;
      heads++;
      if (p.relations[k] === s.relations[k]) labelled++;
      if (p.relations[k]!.split(':')[0] === s.relations[k]!.split(':')[0]) universal++;
    });
  });
  return { uas: heads / tokens, las: labelled / tokens, lasUniversal: universal / tokens, tokens, tokensPerSecond: tokens / seconds };
}
