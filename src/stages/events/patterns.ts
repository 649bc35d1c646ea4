import type { VerbDictionary, VerbPattern } from './dictionaries/verbs.js';
import type { ActorGroup, CoderSentence } from './sentence.js';

/** A verb found in a sentence with the code its dictionary entry and best pattern give. */
export interface VerbMatch {
  /** Token indices of the verb and its particles, inclusive. */
  readonly from: number;
  readonly to: number;
  readonly code: string | null;
  readonly reverse: string | null;
  /** The group a pattern's `+` marker matched, if any. */
  readonly target: ActorGroup | null;
  /** The group a pattern's `$` marker matched, if any. */
  readonly source: ActorGroup | null;
}

/** True when a token matches a pattern word: the same word, a regular plural, or (TABARI's stems) a short ending on a stem of four letters or more. */
function patternWordMatches(token: string, word: string): boolean {
  if (token === word || token === `${word}s` || token === `${word}es`) return true;
  if (word.endsWith('y') && token === `${word.slice(0, -1)}ies`) return true;
  return word.length >= 4 && token.startsWith(word) && token.length - word.length <= 3 && /^[a-z]+$/u.test(token.slice(word.length));
}

interface Matched {
  readonly score: number;
  readonly target: ActorGroup | null;
  readonly source: ActorGroup | null;
}

/**
 * Matches pattern elements in order over tokens [from, to), with gaps allowed between them. Words count
 * towards the score; `+` and `$` match an actor group; `^` and `%` are read but not used.
 */
function matchElements(elements: readonly string[], s: CoderSentence, from: number, to: number, dictionary: VerbDictionary, groups: readonly ActorGroup[]): Matched | null {
  let k = from;
  let score = 0;
  let target: ActorGroup | null = null;
  let source: ActorGroup | null = null;
  for (const e of elements) {
    if (e === '^' || e === '%') continue;
    if (e === '+' || e === '$') {
      const g = groups.find((x) => x.from >= k && x.to < to);
      if (!g) return null;
      if (e === '+') target = g;
      else source = g;
      k = g.to + 1;
      continue;
    }
    const alternatives: ReadonlyArray<readonly string[]> = e.startsWith('&') ? dictionary.synsets[e] ?? [] : [e.split('_')];
    let found = -1;
    let length = 0;
    for (let i = k; i < to && found < 0; i++) {
      for (const words of alternatives) {
        if (i + words.length <= to && words.every((w, j) => patternWordMatches(s.lower[i + j]!, w))) {
          found = i;
          length = words.length;
          break;
        }
      }
    }
    if (found < 0) return null;
    score += 1;
    k = found + length;
  }
  return { score, target, source };
}

/**
 * The dictionary verb at token i, if there is one, with the code of its best pattern (most words matched;
 * the first in the file on a tie), else its own or its block's default code.
 * @param before - the first token after the verb's subject, where `before` patterns start matching
 * @param end - the token after the last one `after` patterns may reach
 */
export function matchVerb(s: CoderSentence, i: number, dictionary: VerbDictionary, groups: readonly ActorGroup[], before: number, end: number): VerbMatch | null {
  const forms = dictionary.forms[s.lower[i]!];
  if (!forms) return null;
  let best: { match: VerbMatch; score: number } | null = null;
  for (const form of forms) {
    if (!form.particles.every((p, k) => s.lower[i + 1 + k] === p)) continue;
    const to = i + form.particles.length;
    const block = dictionary.blocks[form.block];
    if (!block) continue;
    const fallback = { code: form.code ?? block.code, reverse: form.code ? form.reverse : block.reverse };
    // Note: a multi-word verb outranks a single word (`break down` over `break`).
    let candidate: { match: VerbMatch; score: number } = { match: { from: i, to, ...fallback, target: null, source: null }, score: form.particles.length * 0.5 };
    for (const p of block.patterns) {
      const m = matchPattern(p, s, i, to, dictionary, groups, before, end);
      if (m && m.score + form.particles.length * 0.5 > candidate.score) candidate = { match: { from: i, to, code: p.code, reverse: p.reverse, target: m.target, source: m.source }, score: m.score + form.particles.length * 0.5 };
    }
    if (!best || candidate.score > best.score || (candidate.score === best.score && !best.match.code && candidate.match.code)) best = candidate;
  }
  return best && (best.match.code || best.match.reverse) ? best.match : null;
}

function matchPattern(p: VerbPattern, s: CoderSentence, from: number, to: number, dictionary: VerbDictionary, groups: readonly ActorGroup[], before: number, end: number): Matched | null {
  const pre = p.before.length > 0 ? matchElements(p.before, s, before, from, dictionary, groups) : { score: 0, target: null, source: null };
  if (!pre) return null;
  const post = p.after.length > 0 ? matchElements(p.after, s, to + 1, end, dictionary, groups) : { score: 0, target: null, source: null };
  if (!post) return null;
  return { score: pre.score + post.score, target: pre.target ?? post.target, source: pre.source ?? post.source };
}
