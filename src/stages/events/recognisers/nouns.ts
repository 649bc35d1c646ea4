import type { Candidate, SentenceContext } from '../candidates.js';
import { subjectOf } from '../clause.js';
import { NOMINAL_EVENTS } from '../locale/en.js';
import type { ActorGroup } from '../sentence.js';
import { isPredicate } from './predicates.js';

const nominal = new Map(NOMINAL_EVENTS.flatMap((e) => e.nouns.map((n) => [n, e] as const)));

/** True when a word is one of the built-in event nouns (`talks`, `summit`, `support`). */
export const isEventNoun = (word: string): boolean => nominal.has(word);

/**
 * Noun events: an event noun of the built-in dictionary (`summit with the United States`, `support from
 * Russia`), its source after its source prepositions (`from`) or its clause's subject, its target after its
 * target prepositions (`with`, `for`) or, for nouns whose target is the subject (`securing support from`), the
 * subject. A user's verb dictionary that replaces the built-in one brings no event nouns.
 */
export function recogniseNouns(ctx: SentenceContext, claimed: Set<number>): Candidate[] {
  const { s, groups, r } = ctx;
  if (r.options.replaceVerbs) return [];
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    // Note: in a parsed sentence a noun used as a verb (`Iran talks with`) was the learned recogniser's to take.
    const noun = /^NNS?$/u.test(s.tags[i]!) && !claimed.has(i) && !(ctx.tree && isPredicate(ctx, i)) ? nominal.get(s.lower[i]!) : undefined;
    if (!noun) continue;
    const after = (preps: readonly string[]): ActorGroup | null => {
      for (let k = i + 1; k < Math.min(s.tokens.length, i + 3); k++) if (preps.includes(s.lower[k]!)) return groups.find((g) => g.from === k + 1 || g.from === k + 2) ?? null;
      return null;
    };
    const bySource = after(noun.source);
    const subject = subjectOf(s, groups, i);
    const target = noun.target === 'subject' ? (bySource ? subject : null) : after(noun.target);
    out.push({ source: bySource ?? subject, target, code: noun.code, reverse: null, from: i, to: i, modeFrom: i - 2, rule: 'noun' });
    claimed.add(i);
  }
  return out;
}
