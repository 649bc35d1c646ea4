/**
 * Normalises a name for knowledge-base lookup: lower case, no diacritics, hyphens and underscores as
 * spaces, dots and apostrophes dropped, a leading "the" dropped, spaces collapsed.
 * `Kim Jong-un`, `KIM_JONG_UN_` and `Kim Jong Un` all become `kim jong un`.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_\-‐–]/gu, ' ')
    .replace(/['’`.]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^the /u, '');
}
