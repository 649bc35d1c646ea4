/** Which URLs a reader may store as an article's `meta.url`. */

// Note: a URL parser drops tabs and newlines anywhere and C0 controls and spaces at the ends, so
// `java\tscript:` and ` javascript:` are `javascript:` URLs; the scheme is judged after the same cleaning.
const INSIDE = /[\t\n\r]/gu;
const ENDS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/gu;
const SCHEME = /^([a-z][a-z\d+.-]*):/iu;
const PLAIN_RELATIVE = /^[^\s:/?#]*(?:[/?#][^\s]*)?$/u;

/**
 * The URL as it may be stored, or null: an http or https URL as given, a relative one resolved against
 * `base` (an http or https page URL) or, without one, kept when it holds no space and no colon before its path; any other scheme (`javascript:`,
 * `data:`, `vbscript:`, `file:` and the like) gives null, so that it never becomes a link.
 * @param value - the URL as the input has it
 * @param base - the page's own URL, if known
 */
export function storableUrl(value: string | null | undefined, base: string | null = null): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = value.replace(INSIDE, '').replace(ENDS, '');
  if (cleaned === '') return null;
  const scheme = SCHEME.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme !== undefined) return scheme === 'http' || scheme === 'https' ? value.trim() : null;
  // Note: without a base, a relative URL is kept only when nothing in it could be read as a scheme.
  if (base === null || storableUrl(base) === null || SCHEME.exec(base) === null) return PLAIN_RELATIVE.test(cleaned) ? cleaned : null;
  try {
    return new URL(cleaned, base).href;
  } catch {
    return null;
  }
}
