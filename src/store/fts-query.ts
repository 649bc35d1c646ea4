const TERM = /"([^"]*)"?|([\p{L}\p{N}]+)(\*)?/gu;

/**
 * Turns any user string into a safe FTS5 query: words become quoted terms (so `AND`, `NEAR`, `*`, `(`
 * and quotes are never read as syntax), a trailing `*` on a word keeps its prefix meaning, and a
 * double-quoted stretch stays a phrase (an unclosed quote runs to the end). Terms are ANDed.
 * @returns the FTS5 query, or null when the string holds no searchable word
 */
export function toFtsQuery(input: string): string | null {
  const parts: string[] = [];
  for (const m of input.matchAll(TERM)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words) parts.push(`"${words.join(' ')}"`);
    } else if (m[2] !== undefined) {
      parts.push(`"${m[2]}"${m[3] ?? ''}`);
    }
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
