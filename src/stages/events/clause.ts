import type { EventMode, Timex } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import { BE_FORMS, CLAUSE_OPENERS, HYPOTHETICAL_WORDS, NEGATION_WORDS, PARTICIPLE_OPENERS, PLANNED_WORDS } from './locale/en.js';
import { CUE_VERBS } from '../quotes/locale/en.js';
import { isVerbTag, type ActorGroup, type CoderSentence } from './sentence.js';

const beForms = new Set<string>(BE_FORMS);
const openers = new Set<string>(CLAUSE_OPENERS);
const participleOpeners = new Set<string>(PARTICIPLE_OPENERS);
const planned = new Set<string>(PLANNED_WORDS);
const hypothetical = new Set<string>(HYPOTHETICAL_WORDS);
const negation = new Set<string>(NEGATION_WORDS);
const speechVerbs = new Set<string>(CUE_VERBS);

/** True when the verb at i is a passive participle (`was shot`, `were reportedly arrested`). */
export function isPassive(s: CoderSentence, i: number): boolean {
  if (s.tags[i] !== 'VBN') return false;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (beForms.has(s.lower[k]!)) return true;
    if (!/^(?:RB|RBR|RBS)$/u.test(s.tags[k]!)) return false;
  }
  return false;
}

/** True when the verb at i opens a participle clause (`, securing ...`, `after sending ...`): its subject is the main clause's. */
export function isParticipleClause(s: CoderSentence, i: number): boolean {
  if (s.tags[i] !== 'VBG') return false;
  const before = s.lower[i - 1] ?? '';
  return before === ',' || participleOpeners.has(before) || i === 0;
}

/**
 * The main clause's subject: the first group before `at` followed (past adverbs, auxiliaries and head nouns)
 * by a verb; for a clause fronted before a comma (`Since a failed summit ..., North Korea has`), the first such
 * group after the comma.
 */
export function mainSubject(s: CoderSentence, groups: readonly ActorGroup[], at: number): ActorGroup | null {
  const followedByVerb = (g: ActorGroup): boolean => {
    let k = g.to + 1;
    while (k < s.tags.length && /^(?:RB|MD|NN|NNS|NNP)$/u.test(s.tags[k]!)) k++;
    return k < s.tags.length && isVerbTag(s.tags[k]!);
  };
  const before = groups.find((g) => g.from < at && followedByVerb(g));
  if (before) return before;
  const comma = s.lower.indexOf(',', at);
  return comma < 0 ? null : groups.find((g) => g.from > comma && followedByVerb(g)) ?? null;
}

/**
 * The subject of the verb (or event noun) at i: the nearest group before it in its clause; through `who` or
 * `which` to the group the relative clause hangs on; the main clause's subject for a participle clause.
 */
export function subjectOf(s: CoderSentence, groups: readonly ActorGroup[], i: number): ActorGroup | null {
  if (isParticipleClause(s, i)) return mainSubject(s, groups, i);
  // Note: the second of two coordinated verbs shares the first one's subject (`condemned an attack ... and promised aid`).
  let before = i - 1;
  while (before > 0 && /^RB/u.test(s.tags[before]!)) before--;
  if (s.lower[before] === 'and' && /^VB[DZP]?$/u.test(s.tags[i]!)) {
    for (let j = before - 1; j >= 0; j--) if (/^VB[DZP]$/u.test(s.tags[j]!)) return subjectOf(s, groups, j);
  }
  for (let k = i - 1; k >= 0; k--) {
    const g = groups.find((x) => x.to === k);
    if (g) return g;
    // Note: an event noun or verb inside a participle clause (`, securing support from ...`) takes the main clause's subject.
    if (isParticipleClause(s, k)) return mainSubject(s, groups, k);
    const w = s.lower[k]!;
    if (w === 'who' || w === 'which') {
      const antecedentEnd = s.lower[k - 1] === ',' ? k - 2 : k - 1;
      return groups.find((x) => x.to === antecedentEnd) ?? null;
    }
    if (openers.has(w) || w === ';') return isParticipleClause(s, k + 1) || k === 0 ? mainSubject(s, groups, k) : null;
    // Note: a speech verb before ours heads the clause ours is in: when that clause names its own subject
    // (`he said government proposed`), the speaker is not ours; a pronoun (`indicated it would act`) stands for them.
    if (speechVerbs.has(w) && /^VB[DZP]$/u.test(s.tags[k]!) && s.tags.slice(k + 1, i).some((t) => /^NNS?$|^NNPS?$/u.test(t))) return null;
  }
  return null;
}

/** The first group after the verb (or noun) in its clause, that is not the subject. */
export function objectOf(s: CoderSentence, groups: readonly ActorGroup[], i: number, subject: ActorGroup | null): ActorGroup | null {
  const end = clauseEnd(s, groups, i);
  return groups.find((g) => g.from > i && g.to < end && g !== subject) ?? null;
}

/**
 * Where the clause of the verb at i ends: at `;`, a quotation mark, a relative or adverbial clause (not `that`),
 * a comma before a verb or before `a senior official said`, or any comma after a participle clause's verb.
 */
export function clauseEnd(s: CoderSentence, groups: readonly ActorGroup[], i: number): number {
  for (let k = i + 1; k < s.lower.length; k++) {
    const w = s.lower[k]!;
    if (w === ';' || /^["“”]$|^''$/u.test(w) || (w !== 'that' && openers.has(w) && k > i + 1)) return k;
    if (w === ',' && (isVerbTag(s.tags[k + 1] ?? '') || isParticipleClause(s, i) || reportingTail(s, groups, k))) return k;
  }
  return s.lower.length;
}

/** True when a comma opens `, a senior official said`: a group right after it, followed by a verb. */
function reportingTail(s: CoderSentence, groups: readonly ActorGroup[], comma: number): boolean {
  const g = groups.find((x) => x.from > comma && x.from <= comma + 4);
  if (!g) return false;
  let k = g.to + 1;
  while (k < s.tags.length && /^(?:RB|NN|NNS)$/u.test(s.tags[k]!)) k++;
  return isVerbTag(s.tags[k] ?? '');
}

/** The group after `by` following a passive verb. */
export function agentOf(s: CoderSentence, groups: readonly ActorGroup[], i: number): ActorGroup | null {
  for (let k = i + 1; k < Math.min(s.lower.length, i + 4); k++) if (s.lower[k] === 'by') return groups.find((g) => g.from === k + 1 || g.from === k + 2) ?? null;
  return null;
}

/** The event's mode from the words between its subject and the verb (and `to` right before it), or before an event noun. */
export function modeOf(s: CoderSentence, from: number, verb: number): EventMode {
  const words = s.lower.slice(Math.max(0, from), verb);
  if (words.some((w) => negation.has(w))) return 'negated';
  if (words.some((w) => hypothetical.has(w))) return 'hypothetical';
  if (words.some((w) => planned.has(w)) || s.lower[verb - 1] === 'to') return 'planned';
  return 'asserted';
}

/**
 * The event's date: a DATE timex in its sentence (not one dating a statement, `said Saturday`), the one in
 * the same stretch between commas first, else the nearest. The dateline's date is the report's, not the event's.
 * @param cueWords - speech verbs, whose following date is the statement's
 */
export function dateOf(s: CoderSentence, timexes: readonly Timex[], trigger: number, cueWords: ReadonlySet<string>, dateline: Span | null): string | null {
  if (s.tokens.length === 0) return null;
  const first = s.tokens[0]!.start;
  const last = s.tokens.at(-1)!.end;
  const inDateline = (t: Timex): boolean => dateline !== null && t.start >= dateline.start && t.end <= dateline.end;
  const candidates = timexes.filter((t) => t.type === 'DATE' && t.start >= first && t.end <= last && !/_REF$/u.test(t.value) && !inDateline(t)).flatMap((t) => {
    const at = s.tokens.findIndex((tok) => tok.start >= t.start);
    if (at < 0 || cueWords.has(s.lower[at - 1] ?? '') || cueWords.has(s.lower[at - 2] ?? '')) return [];
    const [a, b] = at < trigger ? [at, trigger] : [trigger, at];
    const crossesComma = s.lower.slice(a, b).includes(',');
    return [{ value: t.value, distance: (crossesComma ? 1000 : 0) + (b - a) }];
  });
  return candidates.sort((x, y) => x.distance - y.distance)[0]?.value ?? null;
}
