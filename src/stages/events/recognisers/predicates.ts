import type { SentenceContext } from '../candidates.js';
import type { CoderSentence } from '../sentence.js';
import { isVerbTag } from '../sentence.js';

/**
 * True when the word at i is used as a verb: tagged one, or a dictionary-shaped noun right after its subject
 * or a modal (`France agree that`, `will not ever clash`), and not a participle modifying a noun (`a failed summit`).
 */
export function isPredicate(ctx: SentenceContext, i: number): boolean {
  const { s, groups } = ctx;
  const tag = s.tags[i]!;
  // Note: a dictionary verb right after its subject is read as a verb even when tagged a noun (`France agree that`).
  const verbLike = isVerbTag(tag) || (/^NNS?$/u.test(tag) && s.lower[i + 1] !== 'of' && (groups.some((g) => g.to === i - 1) || afterModal(s, i)));
  // Note: a participle between a determiner and a noun modifies the noun (`a failed summit`): no verb there.
  const attributive = /^VB[NG]$/u.test(tag) && /^(?:DT|PRP\$)$/u.test(s.tags[i - 1] ?? '') && /^NNS?$/u.test(s.tags[i + 1] ?? '');
  return verbLike && !attributive && !speechOnly(ctx, i);
}

/**
 * True for the cue of a verbatim quotation (`"...," Hong added`): it says who speaks, and does nothing to anyone;
 * an indirect one (`Lawmakers demanded that the minister resign`) may be an event by what it says.
 */
function speechOnly(ctx: SentenceContext, i: number): boolean {
  if (ctx.r.options.codeStatements) return false;
  const token = ctx.s.tokens[i]!;
  return ctx.index.quoteCuedBy(token.start, token.end)?.kind === 'direct';
}

/** True when a word follows a modal or `to`, past adverbs (`will not ever clash`): a verb, whatever its tag. */
function afterModal(s: CoderSentence, i: number): boolean {
  let k = i - 1;
  while (k > 0 && /^RB/u.test(s.tags[k]!)) k--;
  return s.tags[k] === 'MD' || s.lower[k] === 'to';
}
