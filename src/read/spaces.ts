/**
 * Normalises a string for `meta`: odd spaces (NBSP, thin, figure, ideographic, zero-width) become plain
 * spaces or vanish, runs of whitespace collapse, and the ends are trimmed. Never used on `text`, whose
 * offsets must stay as output.
 */
export function cleanSpaces(value: string): string {
  return value
    .replace(/[\u200B-\u200D\u2060\uFEFF]/gu, '')
    .replace(/[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/gu, ' ')
    .trim();
}

/** Like {@link cleanSpaces}, but null for an empty or missing value. */
export function cleanOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const cleaned = cleanSpaces(value);
  return cleaned === '' ? null : cleaned;
}
