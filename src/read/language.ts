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

const MAX_STOP_WORD = Math.max(...Object.values(STOP_WORDS).flat().map((w) => w.length));

/** True when the word at `at` opens the text, a line or a sentence. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' || ((text[i] === '.' || text[i] === '!' || text[i] === '?') && i < at - 1);
}

/**
 * Guesses the language of a text from the stop words written in lower case in its first 2,000 characters.
 * @returns a primary language subtag, or null when too few stop words are found to say
 */
export function guessLanguage(text: string): string | null {
  const votes = new Map<string, number>();
  // Note: only words in lower case, or capitalised to open a sentence, vote: a stop word in a name (`El Salvador`,
  // `Los Angeles`, `De Beers`) or in a headline in capitals says nothing of the text's language.
  const head = text.slice(0, 2000);
  const words = /\p{L}+/gu;
  for (let m = words.exec(head); m !== null; m = words.exec(head)) {
    const word = m[0];
    if (word.length > MAX_STOP_WORD) continue;
    const lower = word.toLowerCase();
    const langs = LOOKUP.get(lower);
    if (!langs || (word !== lower && !(opensSentence(head, m.index) && word.slice(1) === lower.slice(1)))) continue;
    for (const lang of langs) votes.set(lang, (votes.get(lang) ?? 0) + 1);
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
