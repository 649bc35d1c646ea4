import { argumentSentence, type Candidate, type SentenceContext } from '../candidates.js';
import { typeLearnedEvent } from '../plover/coded.js';
import { AUXILIARIES } from '../plover/features.js';
import { knowsTrigger } from '../plover/typer.js';
import { CUE_WORDS, isVerbTag, type ActorGroup } from '../sentence.js';
import { parsedArguments, statementArguments } from '../syntax-args.js';
import { isPredicate } from './predicates.js';

/** Relations of words that are no predicate of their own (auxiliaries, copulas, participles used as adjectives). */
const NOT_PREDICATE = /^(?:aux|cop|amod|case|mark|det)/u;

/**
 * How sure the typer must be of a predicate the verb dictionary does not code for it to be an event. Note: chosen
 * on PLV `train` through the product path with the refiners' `SENTENCE_RATIO` at 0.4 (which the seed story's `advance`
 * needs): 0.9 keeps 1.494 events a sentence and 0.480 fully right; 0.8 1.515 and 0.482; 0.7 1.537 and 0.485.
 */
export const LEARNED_THRESHOLD = 0.9;

/**
 * Learned events: a verb of a parsed sentence that the dictionaries do not code (`outlawed`, `launched cyber
 * warfare against`, `handed over`), with its source and target from the parse, kept where the typer is at least
 * {@link LEARNED_THRESHOLD} sure of a type; and a statement that PLOVER codes by what it says (`X demanded
 * that Y step down`: REQUEST, from the speaker to the subject of what they said), where the typer is as sure.
 * Without a parse or a typer it finds nothing.
 */
export function recogniseLearned(ctx: SentenceContext, claimed: Set<number>): Candidate[] {
  const { s, tree, r, groups } = ctx;
  const typer = r.typer;
  if (!tree || !typer) return [];
  const out: Candidate[] = [];
  const range = (g: ActorGroup | null): { from: number; to: number } | null => (g ? { from: g.from, to: g.to } : null);
  for (let i = 0; i < s.tokens.length; i++) {
    // Note: a verb the typer never saw as a trigger would be typed by its context alone; it is left out (and not
    // typed, which is most of the cost). The tests have no side effects: the cheapest go first (a predicate is tagged a verb or a noun).
    const tag = s.tags[i]!;
    if (claimed.has(i) || (!isVerbTag(tag) && !tag.startsWith('NN')) || AUXILIARIES.has(s.lower[i]!) || NOT_PREDICATE.test(tree.relations[i]!) || !knowsTrigger(typer, s.lower[i]!) || !isPredicate(ctx, i)) continue;
    const statement = !r.options.codeStatements && CUE_WORDS.has(s.lower[i]!);
    const sentence = argumentSentence(ctx);
    const parsed = statement ? statementArguments(sentence, tree, groups, i) : parsedArguments(sentence, tree, groups, i);
    if (!parsed?.source) continue;
    const typed = typeLearnedEvent(typer, r.verbs, { lower: s.lower, tags: s.tags, trigger: i, source: range(parsed.source), target: range(parsed.target) }, Math.max(LEARNED_THRESHOLD, r.options.minConfidence ?? 0));
    if (!typed) continue;
    out.push({ source: parsed.source, target: parsed.target, code: typed.cameo, reverse: null, from: i, to: i, modeFrom: parsed.source.to + 1, rule: 'learned', typed });
    claimed.add(i);
  }
  return out;
}
