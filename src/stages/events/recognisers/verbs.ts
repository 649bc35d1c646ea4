import { argumentSentence, type Candidate, type SentenceContext } from '../candidates.js';
import { agentOf, clauseEnd, isPassive, objectOf, subjectOf } from '../clause.js';
import type { VerbDictionary } from '../dictionaries/verbs.js';
import { matchVerb } from '../patterns.js';
import { parsedArguments } from '../syntax-args.js';
import { CUE_WORDS } from '../sentence.js';
import { isPredicate } from './predicates.js';


/**
 * Verb events: a dictionary verb (and its patterns, `accused X of`) used as a predicate. Its source and target come
 * from the pattern where it names them, else from the parse (subject, object, passive agent, prepositional
 * object), else, where the parse names none or the sentence was not parsed, from the clause rules. A speech verb
 * that introduces what was said (`said that`, `told`) is left to the learned recogniser, which codes a statement
 * only by what it says.
 */
export function recogniseVerbs(ctx: SentenceContext, claimed: Set<number>): Candidate[] {
  const { s, groups, tree, r } = ctx;
  const { verbs, options } = r;
  const out: Candidate[] = [];
  for (let i = 0; i < s.tokens.length; i++) {
    const word = s.lower[i]!;
    if (claimed.has(i) || !verbs.forms[word] || !isPredicate(ctx, i)) continue;
    if (!options.codeStatements && CUE_WORDS.has(word) && (s.lower[i + 1] === 'that' || statementOnly(verbs, word))) continue;
    // Note: `according to` names a source; it is never the action.
    if (word === 'according' && s.lower[i + 1] === 'to') continue;
    const passive = isPassive(s, i);
    const subject = subjectOf(s, groups, i);
    const match = matchVerb(s, i, verbs, groups, subject, clauseEnd(s, groups, i));
    if (!match) continue;
    const parsed = tree ? parsedArguments(argumentSentence(ctx), tree, groups, i) : null;
    const source = match.source ?? parsed?.source ?? (passive ? agentOf(s, groups, match.to) : subject);
    const target = match.target ?? parsed?.target ?? (parsed ? objectOf(s, groups, match.to, source) : passive ? subject : objectOf(s, groups, match.to, source));
    out.push({ source, target, code: match.code, reverse: match.reverse, from: i, to: match.to, modeFrom: subject ? subject.to + 1 : 0, rule: match.source || match.target ? 'pattern' : 'verb' });
    for (let k = i; k <= match.to; k++) claimed.add(k);
    i = match.to;
  }
  return out;
}

/**
 * True for a speech verb whose dictionary entries all code a plain statement (CAMEO 01) or nothing (`said`,
 * `told`): what it introduces is a quote, and the events in it are coded from its own verbs.
 */
function statementOnly(verbs: VerbDictionary, word: string): boolean {
  return (verbs.forms[word] ?? []).every((f) => (f.code ?? verbs.blocks[f.block]?.code ?? '01').startsWith('01'));
}
