import type { VerbBlock, VerbDictionary, VerbPattern } from './dictionaries/verbs.js';
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
  // Note: written without making the plural forms, as this runs for every pattern word at every place tried.
  if (token === word) return true;
  const extra = token.length - word.length;
  if (extra === 1 && token.endsWith('s') && token.startsWith(word)) return true;
  if (extra === 2 && token.endsWith('es') && token.startsWith(word)) return true;
  if (extra === 2 && word.endsWith('y') && token.endsWith('ies') && token.startsWith(word.slice(0, -1))) return true;
  return word.length >= 4 && token.startsWith(word) && token.length - word.length <= 3 && /^[a-z]+$/u.test(token.slice(word.length));
}

interface Matched {
  readonly score: number;
  readonly target: ActorGroup | null;
  readonly source: ActorGroup | null;
}

/**
 * Matches pattern elements in order over tokens [from, to), with gaps allowed between elements but not
 * between the atoms of one element (`memos_on_&TIETYPES`). Words count towards the score; `+` and `$` match an
 * actor group; `%` matches a group of two actors or more (here, or the subject for one before the verb); `^`
 * skips one word. An element that ends (before the verb) or starts (after it) with `_` must touch the verb.
 */
function matchElements(elements: readonly string[], s: CoderSentence, from: number, to: number, dictionary: VerbDictionary, groups: readonly ActorGroup[], side: 'before' | 'after', subject: ActorGroup | null): Matched | null {
  let k = from;
  let score = 0;
  let target: ActorGroup | null = null;
  let source: ActorGroup | null = null;
  for (const [index, element] of elements.entries()) {
    if (element === '^') {
      // Note: `^` stands for one word skipped (`IFTAR AT ^ WITH +`: `Iftar at Osgiliath with Gondor`).
      if (k >= to) return null;
      k++;
      continue;
    }
    if (element === '%' && side === 'before') {
      if (!subject || subject.actors.length < 2) return null;
      score += 1;
      continue;
    }
    if (element === '+' || element === '$' || element === '%') {
      const g = groups.find((x) => x.from >= k && x.to < to && (element !== '%' || x.actors.length > 1));
      if (!g) return null;
      if (element === '+') target = g;
      else if (element === '$') source = g;
      score += element === '%' ? 1 : 0;
      k = g.to + 1;
      continue;
    }
    const atoms = atomsOf(element);
    const tied = (side === 'after' && index === 0 && element.startsWith('_')) || (side === 'before' && index === elements.length - 1 && element.endsWith('_'));
    let found = -1;
    let end = -1;
    for (let i = k; i < to && found < 0; i++) {
      const e = matchAtoms(atoms, s, i, to, dictionary);
      if (e >= 0) {
        found = i;
        end = e;
      }
      if (tied && side === 'after') break;
    }
    if (found < 0) return null;
    if (tied && side === 'before' && end !== to) return null;
    score += atoms.length;
    k = end;
  }
  return { score, target, source };
}

const atomLists = new Map<string, readonly string[]>();

/** The atoms of a pattern element (`memos_on_&TIETYPES`: its words and sets), split once per element. */
function atomsOf(element: string): readonly string[] {
  let atoms = atomLists.get(element);
  if (!atoms) atomLists.set(element, (atoms = element.split('_').filter(Boolean)));
  return atoms;
}

/** Matches atoms (words and `&SET`s) one after another from token i; returns the token after the match, or -1. */
function matchAtoms(atoms: readonly string[], s: CoderSentence, i: number, to: number, dictionary: VerbDictionary): number {
  let k = i;
  for (const atom of atoms) {
    if (k >= to) return -1;
    const alternatives: ReadonlyArray<readonly string[]> = atom.startsWith('&') ? synsetMembers(dictionary, atom, s.lower[k]!) : [[atom]];
    const hit = alternatives.find((words) => k + words.length <= to && words.every((w, j) => patternWordMatches(s.lower[k + j]!, w)));
    if (!hit) return -1;
    k += hit.length;
  }
  return k;
}

const synsetIndexes = new WeakMap<VerbDictionary, Map<string, Map<string, Array<readonly string[]>>>>();
const NO_MEMBERS: ReadonlyArray<readonly string[]> = [];

/**
 * The members of a synonym set that could match at a word: those whose first word shares the word's first three
 * letters (a member word matches a token only as itself, a plural or a stem of it), or is shorter than three.
 */
function synsetMembers(dictionary: VerbDictionary, name: string, word: string): ReadonlyArray<readonly string[]> {
  let index = synsetIndexes.get(dictionary);
  if (!index) synsetIndexes.set(dictionary, (index = new Map()));
  let byPrefix = index.get(name);
  if (!byPrefix) {
    byPrefix = new Map();
    for (const words of dictionary.synsets[name] ?? []) {
      const first = words[0] ?? '';
      const key = first.length >= 3 ? first.slice(0, 3) : '';
      const list = byPrefix.get(key) ?? [];
      list.push(words);
      byPrefix.set(key, list);
    }
    // Note: the short members go with every prefix's, joined once here, and stand alone for a prefix no member has.
    const short = byPrefix.get('');
    if (short) for (const [key, list] of byPrefix) if (key !== '') byPrefix.set(key, [...short, ...list]);
    index.set(name, byPrefix);
  }
  return byPrefix.get(word.slice(0, 3)) ?? byPrefix.get('') ?? NO_MEMBERS;
}

/**
 * The dictionary verb at token i, if there is one, with the code of its best pattern (most words matched;
 * the first in the file on a tie), else its own or its block's default code.
 * @param subject - the verb's subject: `before` patterns match between it and the verb
 * @param end - the token after the last one `after` patterns may reach (the clause's end)
 */
export function matchVerb(s: CoderSentence, i: number, dictionary: VerbDictionary, groups: readonly ActorGroup[], subject: ActorGroup | null, end: number): VerbMatch | null {
  // Note: `before` words stand between the subject and the verb; a pattern opening with `+` or `$` names the subject itself.
  const before = subject ? subject.to + 1 : 0;
  const subjectStart = subject ? subject.from : 0;
  const present = prefixes(s);
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
    for (const k of possiblePatterns(block, present)) {
      const p = block.patterns[k]!;
      const m = matchPattern(p, s, i, to, dictionary, groups, before, subjectStart, end, subject);
      if (m && m.score + form.particles.length * 0.5 > candidate.score) candidate = { match: { from: i, to, code: p.code, reverse: p.reverse, target: m.target, source: m.source }, score: m.score + form.particles.length * 0.5 };
    }
    if (!best || candidate.score > best.score || (candidate.score === best.score && !best.match.code && candidate.match.code)) best = candidate;
  }
  return best && (best.match.code || best.match.reverse) ? best.match : null;
}

/** A block's patterns by the first prefix each needs (see {@link needs}), and those that need none, by place. */
interface PatternIndex {
  readonly always: readonly number[];
  readonly byNeed: ReadonlyMap<string, readonly number[]>;
}

const patternIndexes = new WeakMap<VerbBlock, PatternIndex>();

/**
 * The places of a block's patterns whose needed prefixes all occur in a sentence, in the block's order. Note: a
 * block holds up to 190 patterns, most needing a word the sentence lacks: those are found from the sentence's prefixes.
 */
function possiblePatterns(block: VerbBlock, present: ReadonlySet<string>): number[] {
  let index = patternIndexes.get(block);
  if (!index) {
    const always: number[] = [];
    const byNeed = new Map<string, number[]>();
    block.patterns.forEach((p, k) => {
      const first = needs(p)[0];
      if (first === undefined) always.push(k);
      else byNeed.set(first, [...(byNeed.get(first) ?? []), k]);
    });
    patternIndexes.set(block, (index = { always, byNeed }));
  }
  const out = [...index.always];
  for (const prefix of present) for (const k of index.byNeed.get(prefix) ?? []) if (needs(block.patterns[k]!).every((x) => present.has(x))) out.push(k);
  return out.sort((a, b) => a - b);
}

const needsOf = new WeakMap<VerbPattern, readonly string[]>();
const prefixesOf = new WeakMap<CoderSentence, ReadonlySet<string>>();

/** The first three letters of each plain word (three letters or more) a pattern needs: a sentence without one of them cannot match it. */
function needs(p: VerbPattern): readonly string[] {
  let out = needsOf.get(p);
  if (!out) {
    out = [...p.before, ...p.after].flatMap((e) => e.split('_')).filter((a) => a.length >= 3 && /^[a-z]/u.test(a)).map((a) => a.slice(0, 3));
    needsOf.set(p, out);
  }
  return out;
}

/** The first three letters of every word of a sentence. */
function prefixes(s: CoderSentence): ReadonlySet<string> {
  let out = prefixesOf.get(s);
  if (!out) {
    out = new Set(s.lower.map((w) => w.slice(0, 3)));
    prefixesOf.set(s, out);
  }
  return out;
}

function matchPattern(p: VerbPattern, s: CoderSentence, from: number, to: number, dictionary: VerbDictionary, groups: readonly ActorGroup[], before: number, subjectStart: number, end: number, subject: ActorGroup | null): Matched | null {
  const start = p.before[0] === '+' || p.before[0] === '$' ? subjectStart : before;
  const pre = p.before.length > 0 ? matchElements(p.before, s, start, from, dictionary, groups, 'before', subject) : { score: 0, target: null, source: null };
  if (!pre) return null;
  const post = p.after.length > 0 ? matchElements(p.after, s, to + 1, end, dictionary, groups, 'after', subject) : { score: 0, target: null, source: null };
  if (!post) return null;
  return { score: pre.score + post.score, target: pre.target ?? post.target, source: pre.source ?? post.source };
}
