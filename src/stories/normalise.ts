/**
 * Text normalisation for fingerprints: what outlets change without changing the story (quote marks, dashes,
 * case, spacing, a dateline credit, boilerplate lines) is removed before words are hashed.
 */

/** Lines outlets add around a wire story: copyright, "Read more", sharing and sign-up prompts. */
const BOILERPLATE = /^(?:©|\(c\)\s|copyright\b|all rights reserved|read more\b|related:|more:|see also\b|follow us\b|click here\b|sign up\b|subscribe\b|share this\b|this story has been (?:updated|corrected)|advertisement$)/i;
/** Anywhere in a short line: a rights notice. */
const RIGHTS = /\b(?:all rights reserved|may not be (?:published|reproduced|broadcast|rewritten))\b/i;
/** A parenthesised credit like `(AFP)`, `(BSS/AFP)`, `(AP Photo)`: short, capitalised words. */
const CREDIT = /\((?:[A-Z][\w.&-]*(?:[ /][A-Z][\w.&-]*){0,3})\)/g;

/** True when a line is boilerplate an outlet adds, not story text. */
export function isBoilerplate(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length === 0) return false;
  return BOILERPLATE.test(trimmed) || (trimmed.length < 200 && RIGHTS.test(trimmed));
}

/**
 * Paragraphs of a text: blank-line separated blocks, or lines when the text has no blank line; inner spaces
 * collapsed, and boilerplate paragraphs dropped unless `keepBoilerplate`.
 */
export function paragraphsOf(text: string, keepBoilerplate = false): string[] {
  const unified = text.replace(/\r\n?/g, '\n');
  const blocks = /\n[ \t]*\n/.test(unified) ? unified.split(/\n[ \t]*\n+/) : unified.split('\n');
  const out: string[] = [];
  for (const block of blocks) {
    const p = block.replace(/\s+/g, ' ').trim();
    if (p.length > 0 && (keepBoilerplate || !isBoilerplate(p))) out.push(p);
  }
  return out;
}

/** A character outside ASCII. */
const NON_ASCII = /[^\x00-\x7f]/;
/** Letters and digits in any script: a word. */
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * A paragraph as words are read from it: NFKC where it has a character outside ASCII, a parenthesised agency
 * credit dropped, quote marks and apostrophes removed (`don’t` and `don't` are both `dont`); case kept.
 */
export function plainOf(paragraph: string): string {
  // Note: NFKC only where a character is outside ASCII; most wire text is not, and normalising costs a fifth of the time.
  return (NON_ASCII.test(paragraph) ? paragraph.normalize('NFKC') : paragraph).replace(CREDIT, ' ').replace(/['’‘`´]/g, '');
}

/** The words of a {@link plainOf} paragraph, lower-cased. */
export function plainWords(plain: string): string[] {
  return plain.toLowerCase().match(WORD) ?? [];
}

/**
 * The words of a paragraph, lower-cased, with quote marks, apostrophes and dashes ignored (`don’t` and
 * `don't` are both `dont`) and a parenthesised agency credit dropped.
 */
export function wordsOf(paragraph: string): string[] {
  return plainWords(plainOf(paragraph));
}

/** Words that are capitalised for grammar, not because they name something: never anchors. */
const NOT_NAMES = new Set('a an and as at be but by for from had has have he her his i if in is it its no not of on or our said says she so than that the their there these they this those to was we were who will with you'.split(' '));
/** Numbers written as words: figures too (`two billion dlrs`). */
const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand'.split(' '));
/**
 * What may be an anchor, at the start of a word: a figure whole (`65.50`, `1,538,000`, `6-1/16`) or a word that
 * starts with a capital. Lower-case words, most of a text, are skipped by the search.
 */
const CANDIDATE = /[\p{Lu}\p{N}][\p{L}\p{N}]*(?:[.,/-]\p{N}+)*/gu;
/** A gap between words that ends a sentence (a stop, then space), or a dash or colon that opens a clause. */
const SENTENCE_GAP = /[.!?]["”’')\]]*\s|\s[-–—]+\s|:\s/u;
const DIGIT = /\p{N}/u;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;
/** Two capitals in a row, and two lower-case letters in a row: a paragraph with the first and not the second is in capitals. */
const IN_CAPITALS = /\p{Lu}{2}/u;
const LOWER_PAIR = /\p{Ll}{2}/u;

/**
 * The anchors of a paragraph: what a template filled in for another story changes and a copy keeps. They are
 * its figures (whole: `6-1/16` is one; numbers written as words too, as `#two`) and its names (capitalised
 * words that do not open a sentence, function words left out; in a paragraph written in capitals, as wire
 * headlines are, every word but those), lower-cased.
 * @param continues - the paragraph goes on a sentence of the one before (a wrapped line): its first word opens no sentence
 */
export function anchorsOf(paragraph: string, continues = false): string[] {
  return plainAnchors(plainOf(paragraph), continues);
}

/** {@link anchorsOf} of a {@link plainOf} paragraph, whose {@link plainWords} are `words`. */
export function plainAnchors(plain: string, continues = false, words: readonly string[] = plainWords(plain)): string[] {
  const capitals = IN_CAPITALS.test(plain) && !LOWER_PAIR.test(plain);
  const out: string[] = [];
  for (const w of words) if (NUMBER_WORDS.has(w)) out.push(`#${w}`);
  for (const m of plain.matchAll(CANDIDATE)) {
    const word = m[0];
    // Note: inside a word (`McDonald`, `a4`) is no anchor; the search goes on after it.
    if (m.index > 0 && ALPHANUMERIC.test(plain[m.index - 1]!)) continue;
    if (DIGIT.test(word)) {
      out.push(word);
      continue;
    }
    const lower = word.toLowerCase();
    if (word.length > 1 && !NUMBER_WORDS.has(lower) && !NOT_NAMES.has(lower) && (capitals || !opensSentence(plain, m.index, continues))) out.push(lower);
  }
  return out;
}

/** True when the word at `at` opens a sentence: the paragraph's first (unless it `continues`), or after a stop that ends one. */
function opensSentence(plain: string, at: number, continues: boolean): boolean {
  let gapStart = at;
  while (gapStart > 0 && !ALPHANUMERIC.test(plain[gapStart - 1]!)) gapStart--;
  if (gapStart === 0) return !continues;
  let wordStart = gapStart;
  while (wordStart > 0 && ALPHANUMERIC.test(plain[wordStart - 1]!)) wordStart--;
  // Note: a stop after a one- or two-letter word is an abbreviation (`U.S. Steel`, `Mr. Smith`), not a sentence end.
  return gapStart - wordStart > 2 && SENTENCE_GAP.test(plain.slice(gapStart, at));
}

/** A paragraph end that ends a sentence or a dateline. */
const ENDS_SENTENCE = /[.!?:;"”’)\]-]\s*$/u;
/** Fewer words than this without a stop at the end: a headline or an outlet line, not a wrapped line. */
const WRAPPED_LINE_WORDS = 9;

/** True when `next` goes on the sentence `paragraph` left open: a long line without a stop at its end, not in capitals. */
export function continuesInto(paragraph: string): boolean {
  if (ENDS_SENTENCE.test(paragraph) || (IN_CAPITALS.test(paragraph) && !LOWER_PAIR.test(paragraph))) return false;
  let spaces = 0;
  for (let i = paragraph.indexOf(' '); i >= 0 && spaces < WRAPPED_LINE_WORDS; i = paragraph.indexOf(' ', i + 1)) spaces++;
  return spaces >= WRAPPED_LINE_WORDS;
}
