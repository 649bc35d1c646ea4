import type { Dependency } from '../../article/layers.js';
import { UNKNOWN_ACTOR, type ActorGroup, type CoderSentence } from './sentence.js';
import type { TargetCandidate, TargetChooser } from './targets.js';

/** What the argument finder reads of a sentence: the coder's sentence and the article's text. */
export interface ArgumentSentence extends Pick<CoderSentence, 'tokens' | 'lower' | 'tags'> {
  readonly text: string;
  /** A span that names no argument (the dateline: `KYIV, Ukraine (AP) -`). */
  readonly blocked?: { readonly start: number; readonly end: number } | null;
  /** False where only known actors may be arguments (a user's dictionaries only, PETRARCH's way): no noun phrase stands for one. */
  readonly phrases?: boolean;
  /** Spans of time expressions (`on Friday`): they name when, never an argument. */
  readonly times?: readonly { readonly start: number; readonly end: number }[];
  /** What chooses a predicate's target among its candidates; without one, the first in the fixed order of preference. */
  readonly targets?: TargetChooser | null;
}

/** A sentence's dependency tree in its own token indices: each token's head (-1 for the root) and relation. */
export interface SentenceTree {
  readonly heads: readonly number[];
  readonly relations: readonly string[];
  readonly children: readonly (readonly number[])[];
}

/** The source and target the parse gives a predicate: each the actor group in the argument's words. */
export interface ParsedArguments {
  readonly source: ActorGroup | null;
  readonly target: ActorGroup | null;
}

/**
 * The tree of one sentence from the deps layer, or null when the sentence was not parsed.
 * @param deps - the deps layer
 * @param from - the index, in the tokens layer, of the sentence's first token
 * @param length - the sentence's number of tokens
 */
export function sentenceTree(deps: readonly (Dependency | null)[] | undefined, from: number, length: number): SentenceTree | null {
  if (!deps || length === 0 || !deps[from]) return null;
  const heads: number[] = [];
  const relations: string[] = [];
  const children: number[][] = Array.from({ length }, () => []);
  for (let k = 0; k < length; k++) {
    const d = deps[from + k];
    if (!d) return null;
    const head = d.head < 0 ? -1 : d.head - from;
    heads.push(head);
    relations.push(d.relation);
    if (head >= 0 && head < length) children[head]!.push(k);
  }
  return { heads, relations, children };
}

/** Relations that make a predicate's subject: the agent of a passive first. */
const SUBJECTS = ['obl:agent', 'nsubj', 'nsubj:outer', 'csubj'];
/**
 * The relations a predicate without a subject takes its subject by from its head: the head's subject, passive or
 * not (`The leader has been emboldened by the war, securing support`: the leader secures it, not the war).
 */
const INHERITED_SUBJECTS = ['nsubj', 'nsubj:pass', 'nsubj:outer', 'csubj'];
/** Relations through which a predicate takes its subject from its head (`agreed to cooperate`, `met and signed`, `, securing`). */
const INHERITS = /^(?:xcomp|conj|advcl|acl)$/u;
/** Prepositions that make a prepositional object a target (`talks with X`, `aid to X`, `against X`, `support for X`). */
const TARGET_CASES = new Set(['to', 'with', 'against', 'for', 'on', 'from', 'at', 'into', 'toward', 'towards', 'over', 'upon', 'of', 'in', 'onto', 'across', 'about']);

/** The first and last token of a word's subtree, following only the dependents whose relation `follow` accepts. */
function rangeOf(tree: SentenceTree, k: number, follow: (relation: string) => boolean): [number, number] {
  let lo = k;
  let hi = k;
  const stack = [k];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    for (const c of tree.children[x]!) if (follow(tree.relations[c]!)) stack.push(c);
  }
  return [lo, hi];
}

/** The first and last token of a word's subtree. */
const subtreeRange = (tree: SentenceTree, k: number): [number, number] => rangeOf(tree, k, () => true);

/** Relations that stay inside the phrase naming an argument (`Netanyahu's hardline policies`, `Kim and Putin`, `the UN, a body`). */
const CORE = /^(?:compound|amod|nmod:poss|flat|appos|conj|det|nummod|cc|case|punct)/u;

/**
 * The actor group standing for an argument: the one holding its head word, else the first in its subtree.
 * Note: only the phrase's core (see {@link coreRange}) was tried too, and cost 0.04 of fully right events on PLV.
 */
function groupOf(tree: SentenceTree, groups: readonly ActorGroup[], k: number): ActorGroup | null {
  const holding = groups.find((g) => g.from <= k && k <= g.to);
  if (holding) return holding;
  const [lo, hi] = subtreeRange(tree, k);
  return groups.find((g) => g.from >= lo && g.to <= hi) ?? null;
}

/** The first and last token of an argument's core phrase: its head and, recursively, the dependents in {@link CORE}. */
const coreRange = (tree: SentenceTree, k: number): [number, number] => rangeOf(tree, k, (relation) => CORE.test(relation));

/**
 * An argument that names no known actor, as an actor of unknown code (`---`): the noun and the words before it
 * in its phrase (`the troubled Balkan republic`, `the Saudi consul general's residence`); null for a word
 * that is no noun or pronoun.
 */
function phraseOf(s: ArgumentSentence, tree: SentenceTree, k: number): ActorGroup | null {
  if (s.phrases === false || !/^(?:NN|PRP$)/u.test(s.tags[k]!)) return null;
  const at = s.tokens[k]!;
  if (s.blocked && at.start < s.blocked.end && at.end > s.blocked.start) return null;
  if (s.times?.some((t) => at.start < t.end && at.end > t.start)) return null;
  const [lo] = coreRange(tree, k);
  let from = lo;
  // Note: the preposition of a prepositional object is not part of what it names.
  while (from < k && /^(?:IN|TO|CC|,)$/u.test(s.tags[from]!)) from++;
  const start = s.tokens[from]!.start;
  const end = s.tokens[k]!.end;
  return { from, to: k, actors: [{ entity: null, code: UNKNOWN_ACTOR, text: s.text.slice(start, end), start, end }] };
}

/** The preposition of a prepositional object (`case` child), lower-cased. */
function caseOf(tree: SentenceTree, lower: readonly string[], k: number): string | null {
  const c = tree.children[k]!.find((x) => tree.relations[x] === 'case');
  return c === undefined ? null : lower[c]!;
}

/** The predicate's subject group, through the heads it takes its subject from when it has none of its own. */
function subjectGroup(s: ArgumentSentence, tree: SentenceTree, groups: readonly ActorGroup[], v: number): ActorGroup | null {
  let p = v;
  for (let hops = 0; hops < 4 && p >= 0; hops++) {
    for (const relation of hops === 0 ? SUBJECTS : INHERITED_SUBJECTS) {
      const c = tree.children[p]!.find((x) => tree.relations[x] === relation);
      if (c === undefined) continue;
      const g = groupOf(tree, groups, c) ?? (/^NN/u.test(s.tags[c]!) ? phraseOf(s, tree, c) : null);
      if (g) return g;
    }
    // Note: a relative clause's subject is the noun it hangs on (`Trump, who accused ...`).
    if (tree.relations[p] === 'acl:relcl') return groupOf(tree, groups, tree.heads[p]!);
    if (!INHERITS.test(tree.relations[p]!.split(':')[0]!)) return null;
    p = tree.heads[p]!;
  }
  return null;
}

/**
 * The target candidates of a predicate in the fixed order of preference (the first is the target without a
 * ranker): an actor group in its object, indirect object, the subject of a passive, a prepositional object with a
 * target preposition, or what the object's own prepositions name (`support for X`); then those arguments'
 * phrases; then what an infinitive it governs names. Other actor groups within those arguments follow, for a ranker
 * to weigh.
 */
function targetCandidates(s: ArgumentSentence, tree: SentenceTree, groups: readonly ActorGroup[], v: number, source: ActorGroup | null, depth = 0, via = ''): TargetCandidate[] {
  const kids = tree.children[v]!;
  const tries: Array<{ k: number; reach: string }> = [];
  const push = (k: number): void => {
    // Note: what an object's preposition names comes before the object (`opened fire on X`, `ordered the arrest of X`).
    for (const c of tree.children[k]!) {
      const preposition = tree.relations[c]!.startsWith('nmod') ? caseOf(tree, s.lower, c) : null;
      if (preposition !== null && TARGET_CASES.has(preposition)) tries.push({ k: c, reach: `${via}${tree.relations[k]}>nmod:${preposition}` });
    }
    tries.push({ k, reach: via + tree.relations[k]! });
  };
  for (const r of ['obj', 'iobj', 'nsubj:pass']) for (const c of kids) if (tree.relations[c] === r) push(c);
  for (const c of kids) {
    const preposition = tree.relations[c]!.startsWith('obl') && tree.relations[c] !== 'obl:agent' ? caseOf(tree, s.lower, c) : null;
    if (preposition !== null && TARGET_CASES.has(preposition)) tries.push({ k: c, reach: `${via}obl:${preposition}` });
  }
  const out: TargetCandidate[] = [];
  const seen = new Set<ActorGroup>();
  for (const { k, reach } of tries) {
    const g = groupOf(tree, groups, k);
    if (g && g !== source && !seen.has(g)) {
      seen.add(g);
      out.push({ group: g, reach, kind: g.from <= k && k <= g.to ? 'holding' : 'inside', head: k });
    }
  }
  // Note: without a ranker the order alone decides: an actor group found here is the target, and nothing else is looked for.
  if (!s.targets && out.length > 0) return out;
  for (const { k, reach } of tries) {
    const g = phraseOf(s, tree, k);
    if (g) out.push({ group: g, reach, kind: 'phrase', head: k });
  }
  // Note: what an infinitive names is the target of the verb it completes (`agreed to set up a station at Digha`).
  if (depth < 2) for (const c of kids) if (tree.relations[c] === 'xcomp') out.push(...targetCandidates(s, tree, groups, c, source, depth + 1, `${via}xcomp>`));
  if (s.targets) {
    for (const { k, reach } of tries) {
      const [lo, hi] = subtreeRange(tree, k);
      for (const g of groups) if (g.from >= lo && g.to <= hi && g !== source && !seen.has(g)) {
        seen.add(g);
        out.push({ group: g, reach, kind: 'inside', head: k });
      }
    }
  }
  // Note: coordinated sources may act on each other (`Trump and Putin agreed to share information on North Korea`).
  if (s.targets && depth === 0 && source && source.actors.length > 1) out.push({ group: source, reach: 'mutual', kind: 'mutual', head: source.to });
  return out;
}

/** The predicate's target: the ranker's choice among its candidates, or the first of them. */
function targetGroup(s: ArgumentSentence, tree: SentenceTree, groups: readonly ActorGroup[], v: number, source: ActorGroup | null): ActorGroup | null {
  const candidates = targetCandidates(s, tree, groups, v, source);
  if (candidates.length === 0) return null;
  if (!s.targets || candidates.length === 1) return candidates[0]!.group;
  const chosen = candidates[s.targets.choose(candidates, { lower: s.lower, tags: s.tags, tree, predicate: v, source })]!;
  // Note: the coordinated sources acting on each other have no target of their own (see draftsOf).
  if (chosen.kind === 'mutual') return null;
  // Note: a phrase whose head an actor group holds names that group, which knows its entity and code.
  return chosen.kind === 'phrase' ? groups.find((g) => g.from <= chosen.head && chosen.head <= g.to && g !== source) ?? chosen.group : chosen.group;
}

/**
 * The source and target of the predicate at v by the parse: the subject (the agent of a passive), inherited from
 * the head for an infinitive, a conjunct or a participle clause; the object, the passive's subject, or a
 * prepositional object (`talks with X`, `against X`, `support for X`).
 */
export function parsedArguments(s: ArgumentSentence, tree: SentenceTree, groups: readonly ActorGroup[], v: number): ParsedArguments {
  const source = subjectGroup(s, tree, groups, v);
  return { source, target: targetGroup(s, tree, groups, v, source) };
}

/**
 * The source and target of a statement that PLOVER codes by what it says (`X demanded that Y step down`, `X said Y
 * must act`, `critics say Y has given him free rein`): the speaker, and the subject of what they say; null when
 * the verb has no clause of content.
 */
export function statementArguments(s: ArgumentSentence, tree: SentenceTree, groups: readonly ActorGroup[], v: number): ParsedArguments | null {
  const content = tree.children[v]!.find((c) => tree.relations[c] === 'ccomp');
  if (content === undefined) return null;
  const source = subjectGroup(s, tree, groups, v);
  const subject = tree.children[content]!.find((c) => /^nsubj/u.test(tree.relations[c]!));
  const target = subject === undefined ? null : groupOf(tree, groups, subject) ?? phraseOf(s, tree, subject);
  return { source, target: target === source ? null : target };
}
