/** Words an acronym skips (`Democratic People's Republic of Korea` is `DPRK`). */
const SKIPPED = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'el', 'al', '&']);
/** Endings of company names that no acronym spells (`Apple Inc` is not `AI`). */
const SUFFIXES = new Set(['inc', 'ltd', 'corp', 'co', 'plc', 'llc', 'ag', 'sa', 'gmbh']);

/** The words of a name that an acronym of it spells: not the joining words, nor a company suffix. */
function spelledWords(name: string): string[] {
  const words = name.split(/[\s\-‐–]+/u).map((w) => w.replace(/[^\p{L}\p{N}&]/gu, '')).filter((w) => w !== '');
  return words.filter((w) => !SKIPPED.has(w.toLowerCase()) && !SUFFIXES.has(w.toLowerCase()));
}

/**
 * The initialism of a name of three or more capitalised words: `Korean Central News Agency` is `KCNA`; null for
 * shorter names (two letters name too many things) and for names with a word in lower case (`ministry of defence`).
 */
export function initialism(name: string): string | null {
  const words = spelledWords(name);
  if (words.length < 3 || words.some((w) => !/^\p{Lu}/u.test(w))) return null;
  return words.map((w) => w[0]!).join('').toUpperCase();
}

/** An acronym and the words it stands for, as an article introduces it. */
export interface AcronymPair {
  readonly acronym: string;
  readonly expansion: string;
}

/**
 * The acronyms a text introduces in brackets after the words they stand for: `the Korean Central News Agency
 * (KCNA)` gives `KCNA` for `Korean Central News Agency`. The expansion is the fewest words before the bracket
 * whose initials spell the acronym (joining words skipped, or spelled when the acronym has them).
 */
export function acronymPairs(text: string): AcronymPair[] {
  const pairs: AcronymPair[] = [];
  for (const m of text.matchAll(/\(([A-Z][A-Z0-9&]{1,9})\)/gu)) {
    const acronym = m[1]!;
    const before = text.slice(Math.max(0, m.index - 120), m.index).trimEnd();
    const words = before.split(/\s+/u).slice(-10);
    for (let n = 1; n <= words.length; n++) {
      const candidate = words.slice(-n);
      if (!/^\p{Lu}/u.test(candidate[0]!)) continue;
      const phrase = candidate.join(' ').replace(/[,;:]$/u, '');
      const all = candidate.map((w) => w.replace(/[^\p{L}\p{N}&]/gu, '')).filter((w) => w !== '');
      const spelled = [spelledWords(phrase).map((w) => w[0]!).join(''), all.map((w) => w[0]!).join('')];
      if (spelled.some((s) => s.toUpperCase() === acronym.replace(/&/gu, '').toUpperCase() || s.toUpperCase() === acronym.toUpperCase())) {
        pairs.push({ acronym, expansion: phrase });
        break;
      }
    }
  }
  return pairs;
}
