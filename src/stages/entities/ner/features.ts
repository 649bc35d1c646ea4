import { longShape, shortShape } from './shape.js';

/** What the recogniser knows of the document while it tags one sentence. */
export interface DocContext {
  /** Lower-cased word -> counts of the types already predicted for it in this document. */
  readonly history: Map<string, Map<string, number>>;
  /** Lower-cased words that appear in the document in mixed case (not all caps), for all-caps headlines. */
  readonly mixedCase: Map<string, string>;
}

/** Resources the features read, shipped with the model. */
export interface FeatureLexicons {
  /** Lower-cased words seen in lower case in running text: a capitalised one of these is often just sentence-initial. */
  readonly lowercase: ReadonlySet<string>;
  /** Gazetteer tags per token, computed per sentence (see gazetteer.ts). */
  readonly gazetteer?: (words: readonly string[]) => ReadonlyArray<readonly string[]>;
}

const PUNCT = /^[\p{P}\p{S}]+$/u;

/** Makes an empty document context. */
export function newDocContext(words: readonly (readonly string[])[]): DocContext {
  const mixedCase = new Map<string, string>();
  for (const sentence of words) {
    for (const w of sentence) {
      if (/\p{Ll}/u.test(w) && /^\p{Lu}/u.test(w)) mixedCase.set(w.toLowerCase(), shortShape(w));
    }
  }
  return { history: new Map(), mixedCase };
}

/** Records a predicted type for a word, for later sentences of the same document. */
export function remember(context: DocContext, word: string, type: string): void {
  const key = word.toLowerCase();
  let counts = context.history.get(key);
  if (!counts) context.history.set(key, (counts = new Map()));
  counts.set(type, (counts.get(type) ?? 0) + 1);
}

/**
 * The label-independent features of every token of a sentence. Label-dependent ones (previous labels) are
 * added by {@link withHistory} during decoding.
 */
export function staticFeatures(words: readonly string[], lexicons: FeatureLexicons, context: DocContext): string[][] {
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shortShape);
  const letters = words.join('').replace(/[^\p{L}]/gu, '');
  const capsSentence = letters.length > 8 && letters === letters.toUpperCase();
  const gazetteer = lexicons.gazetteer?.(words);
  return words.map((w, i) => {
    const lw = lower[i]!;
    const f = ['b', `w=${lw}`, `s=${shapes[i]}`, `S=${longShape(w)}`];
    for (let k = 1; k <= 4 && k < w.length; k++) f.push(`p${k}=${lw.slice(0, k)}`, `x${k}=${lw.slice(-k)}`);
    if (i === 0) f.push('first');
    if (PUNCT.test(w)) f.push('punct');
    for (const d of [-2, -1, 1, 2]) {
      const j = i + d;
      f.push(j < 0 ? `w${d}=<s>` : j >= words.length ? `w${d}=</s>` : `w${d}=${lower[j]}`);
    }
    f.push(`s-1=${shapes[i - 1] ?? '<s>'}`, `s+1=${shapes[i + 1] ?? '</s>'}`);
    f.push(`w-1w=${lower[i - 1] ?? '<s>'}|${lw}`, `ww+1=${lw}|${lower[i + 1] ?? '</s>'}`);
    f.push(`s-1s=${shapes[i - 1] ?? '<s>'}|${shapes[i]}|${shapes[i + 1] ?? '</s>'}`);
    if (/^\p{Lu}/u.test(w) && lexicons.lowercase.has(lw)) f.push(i === 0 ? 'lc-known-first' : 'lc-known');
    if (capsSentence) {
      f.push('caps-sent');
      const mixed = context.mixedCase.get(lw);
      f.push(mixed ? `doc-form=${mixed}` : 'doc-form=none');
    }
    const seen = context.history.get(lw);
    if (seen && /^\p{Lu}/u.test(w)) {
      let best = '';
      let most = 0;
      for (const [type, n] of seen) if (n > most) [best, most] = [type, n];
      f.push(`hist=${best}`);
    }
    for (const g of gazetteer?.[i] ?? []) f.push(`gz=${g}`, `gzs=${g}|${shapes[i]}`);
    return f;
  });
}

/** Adds the features that depend on the labels already chosen for the two previous tokens. */
export function withHistory(features: readonly string[], word: string, prev: string, prev2: string): string[] {
  return [...features, `t-1=${prev}`, `t-2t-1=${prev2}|${prev}`, `t-1w=${prev}|${word.toLowerCase()}`];
}
