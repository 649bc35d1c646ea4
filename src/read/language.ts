// Note: a stop-word vote is enough to tell the languages news readers meet most; it is a guess for
// inputs that do not say, and a page's own `lang` or a feed's `<language>` always wins over it.
const STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with', 'said', 'on', 'has', 'by'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'dans', 'pour', 'que', 'qui', 'du', 'sur', 'au'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'sich', 'auf', 'ein', 'eine', 'zu'],
  es: ['el', 'los', 'las', 'del', 'que', 'por', 'con', 'una', 'para', 'es', 'en', 'se', 'su', 'al'],
  it: ['il', 'della', 'che', 'per', 'con', 'una', 'sono', 'del', 'alla', 'gli', 'non', 'di', 'nel', 'ha'],
  nl: ['de', 'het', 'een', 'van', 'en', 'niet', 'dat', 'op', 'voor', 'met', 'zijn', 'werd', 'naar', 'ook'],
  pt: ['o', 'os', 'das', 'dos', 'que', 'não', 'uma', 'para', 'com', 'em', 'foi', 'pelo', 'ao', 'seu'],
};

const LOOKUP = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOP_WORDS)) {
  for (const w of words) LOOKUP.set(w, [...(LOOKUP.get(w) ?? []), lang]);
}

/**
 * Guesses the language of a text from the stop words written in lower case in its first 2,000 characters.
 * @returns a primary language subtag, or null when too few stop words are found to say
 */
export function guessLanguage(text: string): string | null {
  const votes = new Map<string, number>();
  // Note: only words in lower case, or capitalised to open a sentence, vote: a stop word in a name (`El Salvador`,
  // `Los Angeles`, `De Beers`) or in a headline in capitals says nothing of the text's language.
  for (const m of text.slice(0, 2000).matchAll(/(^|[.!?]\s+|\n)?(\p{L}+)/gu)) {
    const word = m[2]!;
    const lower = word.toLowerCase();
    if (word !== lower && !(m[1] !== undefined && word === lower[0]!.toUpperCase() + lower.slice(1))) continue;
    for (const lang of LOOKUP.get(lower) ?? []) votes.set(lang, (votes.get(lang) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestVotes = 1;
  for (const [lang, n] of votes) {
    if (n > bestVotes) [best, bestVotes] = [lang, n];
  }
  return best;
}

/** Reduces a BCP 47 tag (`en-GB`, `EN_us`) to its lower-case primary subtag, or null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = tag ? /^([a-zA-Z]{2,3})(?:[-_]|$)/u.exec(tag.trim()) : null;
  return m ? m[1]!.toLowerCase() : null;
}
