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
 * The words of a paragraph, lower-cased, with quote marks, apostrophes and dashes ignored (`don’t` and
 * `don't` are both `dont`) and a parenthesised agency credit dropped.
 */
export function wordsOf(paragraph: string): string[] {
  // Note: NFKC only where a character is outside ASCII; most wire text is not, and normalising costs a fifth of the time.
  const plain = (NON_ASCII.test(paragraph) ? paragraph.normalize('NFKC') : paragraph)
    .replace(CREDIT, ' ')
    .replace(/['’‘`´]/g, '')
    .toLowerCase();
  return plain.match(WORD) ?? [];
}
