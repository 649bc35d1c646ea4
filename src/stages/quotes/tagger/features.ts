import { shortShape } from '../../entities/ner/shape.js';
import { CUE_VERBS, PARTICIPLE_CUES } from '../locale/en.js';

/** The attribution tagger's labels: outside, source, cue, content. */
export const ATTRIBUTION_LABELS = ['O', 'SRC', 'CUE', 'CON'] as const;

/** The cue lexicon the tagger's features read. */
export const CUE_WORDS: ReadonlySet<string> = new Set<string>([...CUE_VERBS, ...PARTICIPLE_CUES, 'according']);
const cues = CUE_WORDS;

/** A document as the tagger sees it: words, sentence of each, and whether each is inside a quotation. */
export interface TaggerDocument {
  readonly words: readonly string[];
  /** The words lower-cased, when the caller has them already. */
  readonly lower?: readonly string[];
  readonly sentence: readonly number[];
  readonly inQuote: readonly boolean[];
}

/** Label-independent features of every token (word, shape, neighbours, cue lexicon, quotation, sentence cue). */
export function tokenFeatures(doc: TaggerDocument): string[][] {
  const lower = doc.words.map((w) => w.toLowerCase());
  const isCue = doc.words.map((w, i) => cues.has(lower[i]!) && /^\p{Ll}/u.test(w));
  const sentenceHasCue = new Set<number>();
  isCue.forEach((c, i) => c && sentenceHasCue.add(doc.sentence[i]!));
  const lw = (k: number): string => (k < 0 ? '<s>' : k >= lower.length ? '</s>' : lower[k]!);
  return doc.words.map((w, i) => {
    const f = ['b', `w=${lower[i]}`, `s=${shortShape(w)}`, `x3=${lower[i]!.slice(-3)}`, `w-1=${lw(i - 1)}`, `w+1=${lw(i + 1)}`, `w-2=${lw(i - 2)}`, `w+2=${lw(i + 2)}`, `w-1w=${lw(i - 1)}|${lower[i]}`];
    if (isCue[i]) f.push('cue');
    if (cues.has(lw(i + 1))) f.push('cue+1');
    if (cues.has(lw(i - 1))) f.push('cue-1');
    if (cues.has(lw(i + 2))) f.push('cue+2');
    if (doc.inQuote[i]) f.push('inq');
    if (/^["“”]$/u.test(w)) f.push('qmark');
    if (sentenceHasCue.has(doc.sentence[i]!)) f.push('sentcue');
    if (i === 0 || doc.sentence[i - 1] !== doc.sentence[i]) f.push('first');
    return f;
  });
}

/** Features that depend on the labels chosen for the two previous tokens. */
export function labelFeatures(word: string, inQuote: boolean, prev: string, prev2: string): string[] {
  return [`t-1=${prev}`, `t-2t-1=${prev2}${prev}`, `t-1inq=${prev}${inQuote ? 'Q' : ''}`, `t-1w=${prev}|${word.toLowerCase()}`];
}
