import { shortShape } from '../../entities/ner/shape.js';
import { CUE_VERBS, PARTICIPLE_CUES } from '../locale/en.js';

/**
 * The attribution tagger's labels: outside, then begin and inside of a source, a cue and a content (BIO).
 * Note: `B-` marks where a span starts, so two attributions side by side stay two.
 */
export const ATTRIBUTION_LABELS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;

/** A tagger label. */
export type AttributionLabel = (typeof ATTRIBUTION_LABELS)[number];

/** The cue lexicon the tagger's features read. */
export const CUE_WORDS: ReadonlySet<string> = new Set<string>([...CUE_VERBS, ...PARTICIPLE_CUES, 'according']);

/** Bits of {@link TaggerDocument.rules}: what the rules decided about a token. */
export const RULE_CONTENT = 1;
export const RULE_CUE = 2;
export const RULE_SOURCE = 4;
/** The token starts a rule's content. */
export const RULE_CONTENT_START = 8;
/** The token is in a sentence holding a rule's cue. */
export const RULE_SENTENCE = 16;

/** Bits of {@link TaggerDocument.entities}: the entity mention a token lies in. */
export const ENTITY_PERSON = 1;
export const ENTITY_OTHER = 2;

/** A document as the tagger sees it: words, sentence of each, quotations, and the rules' and entities' marks. */
export interface TaggerDocument {
  readonly words: readonly string[];
  /** The words lower-cased, when the caller has them already. */
  readonly lower?: readonly string[];
  readonly sentence: readonly number[];
  readonly inQuote: readonly boolean[];
  /** Per token, {@link RULE_CONTENT} and the other rule bits (absent: none). */
  readonly rules?: ArrayLike<number>;
  /** Per token, {@link ENTITY_PERSON} or {@link ENTITY_OTHER} (absent: none). */
  readonly entities?: ArrayLike<number>;
  /** Per token, its Penn Treebank tag (absent: no tag features). */
  readonly pos?: readonly string[];
}

/** The names of the boolean features, in the order of {@link flagsOf}'s bits. */
export const FLAG_FEATURES = [
  'cue', 'cue-1', 'cue+1', 'cue+2', 'inq', 'qmark', 'sentcue', 'first', 'last',
  'rc', 'rq', 'rs', 'rcb', 'rsent', 'rc-1', 'rc+1', 'ep', 'eo', 'ep-1', 'ep+1', 'inq-1', 'inq+1',
  'lex', 'lex-1', 'lex+1', 'lexL', 'lexR', 'lexL4', 'lexR4',
] as const;

const isCueAt = (doc: TaggerDocument, lower: readonly string[], i: number): boolean => i >= 0 && i < lower.length && CUE_WORDS.has(lower[i]!) && /^\p{Ll}/u.test(doc.words[i]!);

/** For each token, the index of the nearest marked token before it, and after it, in its sentence (-1: none). */
function nearestInSentence(marked: Uint8Array, sentence: readonly number[]): { lastLex: Int32Array; nextLex: Int32Array } {
  const n = marked.length;
  const lastLex = new Int32Array(n);
  const nextLex = new Int32Array(n);
  for (let i = 0, at = -1; i < n; i++) {
    if (i > 0 && sentence[i] !== sentence[i - 1]) at = -1;
    lastLex[i] = at;
    if (marked[i]) at = i;
  }
  for (let i = n - 1, at = -1; i >= 0; i--) {
    if (i < n - 1 && sentence[i] !== sentence[i + 1]) at = -1;
    nextLex[i] = at;
    if (marked[i]) at = i;
  }
  return { lastLex, nextLex };
}

/**
 * The boolean features of every token as bits, in the order of {@link FLAG_FEATURES}: the cue lexicon around
 * it, quotations, sentence edges, the rules' decisions, entity mentions, and the learned cue words (`lexicon`)
 * at, next to and before or after it in its sentence.
 */
export function flagsOf(doc: TaggerDocument, lower: readonly string[], lexicon: ReadonlySet<string>): Uint32Array {
  const n = lower.length;
  const sentence = doc.sentence;
  const lex = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (lexicon.has(lower[i]!)) lex[i] = 1;
  const { lastLex, nextLex } = nearestInSentence(lex, sentence);
  const cue = new Uint8Array(n);
  // Note: sentences are numbered from 0, so the sentences holding a cue are marked in an array, not a set.
  let sentences = 0;
  for (let i = 0; i < n; i++) if (sentence[i]! >= sentences) sentences = sentence[i]! + 1;
  const sentenceHasCue = new Uint8Array(sentences);
  for (let i = 0; i < n; i++) {
    if (isCueAt(doc, lower, i)) {
      cue[i] = 1;
      sentenceHasCue[sentence[i]!] = 1;
    }
  }
  const rules = doc.rules;
  const ents = doc.entities;
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    // Note: the bits are set one by one, in FLAG_FEATURES order, without an array per token.
    const w = doc.words[i]!;
    let v = 0;
    if (cue[i]) v |= 1;
    if (i > 0 && cue[i - 1]) v |= 1 << 1;
    if (i + 1 < n && cue[i + 1]) v |= 1 << 2;
    if (i + 2 < n && cue[i + 2]) v |= 1 << 3;
    if (doc.inQuote[i]) v |= 1 << 4;
    if (w.length === 1 && (w === '"' || w === '“' || w === '”')) v |= 1 << 5;
    if (sentenceHasCue[sentence[i]!]) v |= 1 << 6;
    if (i === 0 || sentence[i - 1] !== sentence[i]) v |= 1 << 7;
    if (i === n - 1 || sentence[i + 1] !== sentence[i]) v |= 1 << 8;
    const ri = rules ? rules[i]! : 0;
    const ei = ents ? ents[i]! : 0;
    if (ri & RULE_CONTENT) v |= 1 << 9;
    if (ri & RULE_CUE) v |= 1 << 10;
    if (ri & RULE_SOURCE) v |= 1 << 11;
    if (ri & RULE_CONTENT_START) v |= 1 << 12;
    if (ri & RULE_SENTENCE) v |= 1 << 13;
    if (rules && i > 0 && rules[i - 1]! & RULE_CONTENT) v |= 1 << 14;
    if (rules && i + 1 < n && rules[i + 1]! & RULE_CONTENT) v |= 1 << 15;
    if (ei & ENTITY_PERSON) v |= 1 << 16;
    if (ei & ENTITY_OTHER) v |= 1 << 17;
    if (ents && i > 0 && ents[i - 1]! & ENTITY_PERSON) v |= 1 << 18;
    if (ents && i + 1 < n && ents[i + 1]! & ENTITY_PERSON) v |= 1 << 19;
    if (i > 0 && doc.inQuote[i - 1]) v |= 1 << 20;
    if (i + 1 < n && doc.inQuote[i + 1]) v |= 1 << 21;
    if (lex[i]) v |= 1 << 22;
    if (i > 0 && lex[i - 1]) v |= 1 << 23;
    if (i + 1 < n && lex[i + 1]) v |= 1 << 24;
    if (lastLex[i]! >= 0) v |= 1 << 25;
    if (nextLex[i]! >= 0) v |= 1 << 26;
    if (lastLex[i]! >= 0 && i - lastLex[i]! <= 4) v |= 1 << 27;
    if (nextLex[i]! >= 0 && nextLex[i]! - i <= 4) v |= 1 << 28;
    out[i] = v;
  }
  return out;
}

/**
 * Label-independent features of every token (tags of {@link tagFeatures}, word, shape, neighbours, then the flags of {@link flagsOf}).
 * @param lexicon - the cue words learned from the training data
 */
export function tokenFeatures(doc: TaggerDocument, lexicon: ReadonlySet<string>): string[][] {
  const lower = doc.lower ?? doc.words.map((w) => w.toLowerCase());
  const flags = flagsOf(doc, lower, lexicon);
  const lw = (k: number): string => (k < 0 ? '<s>' : k >= lower.length ? '</s>' : lower[k]!);
  const tags = tagFeatures(doc, lower);
  return doc.words.map((w, i) => {
    const f = [...tags[i]!, 'b', `w=${lower[i]}`, `s=${shortShape(w)}`, `x3=${lower[i]!.slice(-3)}`, `w-1=${lw(i - 1)}`, `w+1=${lw(i + 1)}`, `w-2=${lw(i - 2)}`, `w+2=${lw(i + 2)}`];
    for (let k = 0; k < FLAG_FEATURES.length; k++) if (flags[i]! & (1 << k)) f.push(FLAG_FEATURES[k]!);
    return f;
  });
}

/** For each token, the nearest verb (not a modal) before it and after it in its sentence, lower-cased (`-`: none). */
export function verbContext(doc: TaggerDocument, lower: readonly string[], pos: readonly string[]): { before: string[]; after: string[] } {
  const n = lower.length;
  const isVerb = (i: number): boolean => pos[i]!.startsWith('VB');
  const before = new Array<string>(n);
  const after = new Array<string>(n);
  for (let i = 0, at = '-'; i < n; i++) {
    if (i > 0 && doc.sentence[i] !== doc.sentence[i - 1]) at = '-';
    before[i] = at;
    if (isVerb(i)) at = lower[i]!;
  }
  for (let i = n - 1, at = '-'; i >= 0; i--) {
    if (i < n - 1 && doc.sentence[i] !== doc.sentence[i + 1]) at = '-';
    after[i] = at;
    if (isVerb(i)) at = lower[i]!;
  }
  return { before, after };
}

/** A token's tag and its neighbours' (`<s>`, `</s>` past the document's edges). */
export const tagAt = (pos: readonly string[], k: number): string => (k < 0 ? '<s>' : k >= pos.length ? '</s>' : pos[k]!);

/** The features of a token's tag and its neighbours' tags. */
export const tagWindowFeatures = (pos: readonly string[], i: number): string[] => [`p=${pos[i]}`, `p-1=${tagAt(pos, i - 1)}`, `p+1=${tagAt(pos, i + 1)}`, `pp=${tagAt(pos, i - 1)}|${pos[i]}`];

/**
 * The features of every token that read the part-of-speech tags (none when the document has no tags): its tag
 * and its neighbours', and the nearest verb before and after it in its sentence (`pv=attacked`), which tells
 * the object or clause of a cue (`attacked Machado`) and the subject before one.
 */
export function tagFeatures(doc: TaggerDocument, lower: readonly string[]): string[][] {
  const pos = doc.pos;
  if (!pos || pos.length !== lower.length) return lower.map(() => []);
  const { before, after } = verbContext(doc, lower, pos);
  return lower.map((_, i) => [...tagWindowFeatures(pos, i), `pv=${before[i]}`, `nv=${after[i]}`]);
}

/** The transition feature of a label: its row holds the weight of each label that follows it. */
export const transitionFeature = (from: string): string => `T=${from}`;

/** Whether a label may follow another: an inside label only after its own begin or inside. */
export function allowed(from: string, to: string): boolean {
  return !to.startsWith('I-') || from.slice(2) === to.slice(2);
}
