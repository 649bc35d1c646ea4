import type { Token } from '../../article/layers.js';
import { HONORIFICS, TITLE_WORDS } from './locale/en.js';

const titles = new Set<string>(TITLE_WORDS);
const honorifics = new Set<string>(HONORIFICS);

/**
 * The role printed before a person's name: titles, nationalities and countries (`North Korean leader`,
 * `Russian President`, `China's President`), when it holds at least one title word.
 * @param tokenAt - index of the name's first token
 * @param inMention - true for a token inside a GPE or NORP mention
 */
export function roleBefore(text: string, tokens: readonly Token[], tokenAt: number, inMention: (t: Token) => boolean): string | null {
  const first = tokens[tokenAt];
  if (!first) return null;
  let i = tokenAt - 1;
  let hasTitle = false;
  while (i >= 0 && tokens[i]!.sentence === first.sentence) {
    const word = text.slice(tokens[i]!.start, tokens[i]!.end);
    const lower = word.toLowerCase();
    if (titles.has(lower.replace(/\.$/u, '')) && (/^\p{Lu}/u.test(word) || hasTitle || i === tokenAt - 1)) hasTitle = true;
    else if (!(inMention(tokens[i]!) || ((lower === "'s" || lower === '’s') && i > 0 && inMention(tokens[i - 1]!)))) break;
    i--;
  }
  if (!hasTitle || i === tokenAt - 1) return null;
  const role = text.slice(tokens[i + 1]!.start, first.start).trim();
  // Note: an honorific alone (`Mr Molyneux`) is no role.
  return role.split(/\s+/u).every((w) => honorifics.has(w.toLowerCase().replace(/\.$/u, ''))) ? null : role || null;
}

// Note: an apposition runs from ", a|an|the" to the next comma or the sentence end, and no further than this.
const MAX_APPOSITION_TOKENS = 16;

/**
 * The role given in an apposition after a person's name: `Hong Min, a senior analyst at the Korea
 * Institute for National Unification, told AFP` -> `senior analyst at the Korea Institute for National Unification`.
 * @param tokenAfter - index of the token just after the name
 */
export function roleAfter(text: string, tokens: readonly Token[], tokenAfter: number): string | null {
  const comma = tokens[tokenAfter];
  const article = tokens[tokenAfter + 1];
  if (!comma || !article || text.slice(comma.start, comma.end) !== ',' || !/^(?:a|an|the)$/iu.test(text.slice(article.start, article.end))) return null;
  let j = tokenAfter + 2;
  while (j < tokens.length && tokens[j]!.sentence === comma.sentence && j - tokenAfter <= MAX_APPOSITION_TOKENS) {
    const word = text.slice(tokens[j]!.start, tokens[j]!.end);
    if (word === ',' || word === '.' || word === ';') break;
    j++;
  }
  if (j === tokenAfter + 2 || j - tokenAfter > MAX_APPOSITION_TOKENS) return null;
  return text.slice(tokens[tokenAfter + 2]!.start, tokens[j - 1]!.end);
}

/** The token index at which a candidate starts, or -1. */
export function tokenIndexAt(tokens: readonly Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < start) lo = mid + 1;
    else if (tokens[mid]!.start > start) hi = mid - 1;
    else return mid;
  }
  return -1;
}

