/** A mistake in a search query, at a 1-based character position of the query. */
export interface SearchSyntaxError {
  readonly message: string;
  readonly position: number;
  /** True when the query is well formed but asks for more than {@link SEARCH_LIMITS} allow. */
  readonly tooBroad?: boolean;
}

/**
 * The most a query may ask for: terms in all, and prefix terms (each expands to every stored word it begins,
 * and ten one-letter prefixes took 6.7 s on 2,128 articles), and the letters a prefix needs.
 */
export const SEARCH_LIMITS = { terms: 24, prefixes: 3, prefixLetters: 2 } as const;

/** A parsed search query: the FTS5 query (null when it holds no searchable word) and its first mistake, if any. */
export interface ParsedSearch {
  readonly fts: string | null;
  readonly error: SearchSyntaxError | null;
}

interface Term {
  readonly fts: string;
  readonly negated: boolean;
  readonly at: number;
}

// Note: a `-` excludes only at the start of a term (after a space): `pro-Russian` is two words, not an exclusion.
const TOKEN = /(?:(?<!\S)(-))?(?:"([^"]*)("?)|([\p{L}\p{N}]+)(\*)?)/gu;
const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * Whether a `prefix*` may expand: its prefix has enough letters and the query has not used up its prefixes; one
 * that may not is searched as the word itself, and the mistake reported at its position.
 */
function prefixAllowed(word: string, at: number, counts: { prefixes: number }, errors: SearchSyntaxError[]): boolean {
  if ([...word].length < SEARCH_LIMITS.prefixLetters) {
    errors.push({ message: `The prefix at character ${at} has ${[...word].length} letter; a prefix* needs at least ${SEARCH_LIMITS.prefixLetters}.`, position: at, tooBroad: true });
    return false;
  }
  if (++counts.prefixes <= SEARCH_LIMITS.prefixes) return true;
  if (counts.prefixes === SEARCH_LIMITS.prefixes + 1) errors.push({ message: `The prefix at character ${at} is one more than the ${SEARCH_LIMITS.prefixes} prefix* terms a search takes: spell out some of the words.`, position: at, tooBroad: true });
  return false;
}

/** The groups of terms between `OR`s, with the mistakes found while splitting them. */
function groupsOf(input: string, errors: SearchSyntaxError[]): Term[][] {
  const groups: Term[][] = [[]];
  const counts = { terms: 0, prefixes: 0 };
  let pendingOr: number | null = null;
  for (const m of input.matchAll(TOKEN)) {
    const at = m.index + 1;
    const [, minus, phrase, closing, word, star] = m;
    if (word === 'OR' && !minus) {
      if (groups.at(-1)!.length === 0 || pendingOr !== null) errors.push({ message: `OR at character ${at} needs a word or phrase before it.`, position: at });
      else groups.push([]);
      pendingOr = at;
      continue;
    }
    if (word === 'AND' && !minus) continue;
    let fts: string | null = null;
    if (phrase !== undefined) {
      if (closing === '') errors.push({ message: `The quote at character ${at + (minus ? 1 : 0)} is never closed: end the phrase with another ".`, position: at + (minus ? 1 : 0) });
      const words = phrase.match(WORDS);
      if (words) fts = `"${words.join(' ')}"`;
    } else if (word !== undefined) fts = `"${word}"${star && prefixAllowed(word, at, counts, errors) ? star : ''}`;
    if (fts === null) continue;
    if (++counts.terms === SEARCH_LIMITS.terms + 1) errors.push({ message: `The term at character ${at} is one more than the ${SEARCH_LIMITS.terms} a search takes: search for fewer words.`, position: at, tooBroad: true });
    pendingOr = null;
    groups.at(-1)!.push({ fts, negated: minus === '-', at });
  }
  if (pendingOr !== null) {
    errors.push({ message: `OR at character ${pendingOr} needs a word or phrase after it.`, position: pendingOr });
    if (groups.at(-1)!.length === 0 && groups.length > 1) groups.pop();
  }
  return groups;
}

/** One group as FTS5: its words ANDed, then each exclusion taken away; null when it has nothing to search for. */
function groupFts(group: readonly Term[], errors: SearchSyntaxError[]): string | null {
  const wanted = group.filter((t) => !t.negated).map((t) => t.fts);
  const excluded = group.filter((t) => t.negated);
  if (wanted.length === 0) {
    const first = excluded[0];
    if (first) errors.push({ message: `The exclusion at character ${first.at} takes away from nothing: add a word to search for (Kim -Putin).`, position: first.at });
    return null;
  }
  const base = wanted.length === 1 ? wanted[0]! : `(${wanted.join(' AND ')})`;
  return excluded.reduce((q, t) => `(${q} NOT ${t.fts})`, base);
}

/**
 * Parses a user's search: words are ANDed, `OR` between two terms takes either (it binds looser than the AND of
 * juxtaposed words), `"a phrase"` takes the words in that order, `prefix*` any word starting so, and `-word` (or
 * `-"a phrase"`) leaves out what has it. Words become quoted FTS5 terms, so nothing else (`NEAR`, `(`, `:`, `^`)
 * is ever read as syntax. A mistake (an unclosed quote, a dangling `OR`, an exclusion with nothing to take it from)
 * is reported with its position, and the query is still made as best it can be: an unclosed phrase runs to the
 * end, a dangling `OR` and a group of exclusions alone are left out.
 */
export function parseSearch(input: string): ParsedSearch {
  const errors: SearchSyntaxError[] = [];
  const groups = groupsOf(input, errors).map((g) => groupFts(g, errors)).filter((g): g is string => g !== null);
  const fts = groups.length === 0 ? null : groups.length === 1 ? groups[0]! : groups.map((g) => `(${g})`).join(' OR ');
  return { fts, error: errors.sort((a, b) => a.position - b.position)[0] ?? null };
}

/**
 * Turns any user string into a safe FTS5 query (see {@link parseSearch}), whatever its mistakes.
 * @returns the FTS5 query, or null when the string holds no searchable word
 */
export function toFtsQuery(input: string): string | null {
  return parseSearch(input).fts;
}
