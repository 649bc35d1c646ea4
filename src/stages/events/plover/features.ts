import type { PloverEntry } from '../dictionaries/plover.js';
import { ploverOf } from '../dictionaries/plover.js';
import type { VerbDictionary } from '../dictionaries/verbs.js';
import type { WordClusters } from '../../entities/ner/clusters.js';
import { NEGATION_WORDS, NOMINAL_EVENTS } from '../locale/en.js';
import { lexicalFeatures } from './lexical.js';
import { stem } from './stem.js';

export { stem } from './stem.js';

/** Token indices of a span, inclusive. */
export interface TokenRange {
  readonly from: number;
  readonly to: number;
}

/**
 * A candidate predicate as the typer reads it: the sentence's lower-cased words and POS tags, the trigger,
 * the source and target spans (when known), and the CAMEO codes the verb dictionary offers for the trigger.
 */
export interface PloverCandidate {
  readonly lower: readonly string[];
  readonly tags: readonly string[];
  readonly trigger: number;
  readonly source: TokenRange | null;
  readonly target: TokenRange | null;
  /** CAMEO codes for the trigger (see {@link dictionaryCodes}), best first. */
  readonly cameo: readonly string[];
  /** CAMEO codes of the other dictionary words in the dyad's region (see {@link contextCodes}). */
  readonly context: readonly string[];
  /** CAMEO codes of the dictionary words just after the trigger, where a speech or light verb's content is (see {@link followingCodes}). */
  readonly following?: readonly string[];
}

const negation = new Set<string>(NEGATION_WORDS);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const nominal = new Map(NOMINAL_EVENTS.flatMap((e) => e.nouns.map((n) => [n, e.code] as const)));
/** Auxiliary verbs (and their contractions): no predicate of their own. */
export const AUXILIARIES: ReadonlySet<string> = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'s", "'re", 'have', 'has', 'had', 'having', "'ve", 'do', 'does', 'did']);
/**
 * The CAMEO codes the verb dictionary gives the word at i: each entry whose particles follow it, by its own code
 * or its block's (patterns are not matched here), and an event noun's code; the codes of longer entries first.
 */
export function dictionaryCodes(verbs: VerbDictionary, lower: readonly string[], i: number): string[] {
  const out: Array<{ code: string; rank: number }> = [];
  for (const form of verbs.forms[lower[i]!] ?? []) {
    if (!form.particles.every((p, k) => lower[i + 1 + k] === p)) continue;
    const code = form.code ?? verbs.blocks[form.block]?.code ?? null;
    if (code) out.push({ code, rank: form.particles.length });
  }
  const noun = nominal.get(lower[i]!);
  if (noun) out.push({ code: noun, rank: 0 });
  return [...new Set(out.sort((a, b) => b.rank - a.rank).map((c) => c.code))];
}

/**
 * The first event predicate of a span of a sentence: a dictionary verb that is not an auxiliary, else any
 * other verb, else an event noun; used where training data names the dyad but not the trigger.
 */
export function firstPredicate(verbs: VerbDictionary, lower: readonly string[], tags: readonly string[], from: number, to: number): number {
  const span = Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
  const verbal = (k: number): boolean => tags[k]!.startsWith('VB') && !AUXILIARIES.has(lower[k]!);
  return span.find((k) => verbal(k) && verbs.forms[lower[k]!] !== undefined) ?? span.find(verbal) ?? span.find((k) => nominal.has(lower[k]!) || (tags[k]!.startsWith('NN') && verbs.forms[lower[k]!] !== undefined)) ?? -1;
}

/**
 * Where the typer should look for the predicate of a dyad: between source and target (either order), else
 * after the source, else anywhere in the sentence.
 */
export function guessTrigger(verbs: VerbDictionary, lower: readonly string[], tags: readonly string[], source: TokenRange | null, target: TokenRange | null): number {
  const n = lower.length;
  const tries: Array<[number, number]> = [];
  if (source && target) tries.push(source.to < target.from ? [source.to + 1, target.from] : [target.to + 1, source.from]);
  if (source) tries.push([source.to + 1, n]);
  tries.push([0, n]);
  for (const [from, to] of tries) {
    const at = firstPredicate(verbs, lower, tags, from, to);
    if (at >= 0) return at;
  }
  return 0;
}

const isContent = (tag: string): boolean => /^(?:NN|VB|JJ|RB|IN|RP|TO|CD)/u.test(tag);

/**
 * The candidate the typer reads for the predicate at `trigger` with its source and target: the dictionary's CAMEO
 * codes for it (or `cameo`, best first), those of the dyad's region and of the words after it.
 */
export function candidateAt(verbs: VerbDictionary, sentence: Pick<PloverCandidate, 'lower' | 'tags' | 'trigger' | 'source' | 'target'>, cameo?: readonly string[]): PloverCandidate {
  const { lower, trigger } = sentence;
  return { ...sentence, cameo: cameo ?? dictionaryCodes(verbs, lower, trigger), context: contextCodes(verbs, sentence), following: followingCodes(verbs, lower, trigger) };
}

/**
 * The features of a candidate: the trigger's stem, word, tag and neighbours, the words between source and
 * target, the argument heads, the dictionary's CAMEO candidates (root, code and PLOVER type by the table),
 * negation, modality and tense, and the shapes that mark a non-event (a participle used as an adjective, a noun).
 */
export function ploverFeatures(c: PloverCandidate, table: Readonly<Record<string, PloverEntry>>, clusters: WordClusters | null = null): string[] {
  const { lower, tags, trigger: i } = c;
  const word = (k: number): string => lower[k] ?? (k < 0 ? '<s>' : '</s>');
  const tag = (k: number): string => tags[k] ?? (k < 0 ? '<s>' : '</s>');
  const v = stem(word(i));
  const f = ['b', `v=${v}`, `vw=${word(i)}`, `vt=${tag(i)}`, `v-1=${stem(word(i - 1))}`, `v+1=${word(i + 1)}`, `v+2=${word(i + 2)}`, `t-1=${tag(i - 1)}|${tag(i)}|${tag(i + 1)}`];
  f.push(`vn=${v}|${word(i + 1)}`, `vnn=${v}|${word(i + 1)}|${word(i + 2)}`);
  for (const [k, code] of c.cameo.slice(0, 3).entries()) {
    const type = ploverOf(table, code) ?? 'none';
    f.push(`c2=${code.slice(0, 2)}`, `c3=${code.slice(0, 3)}`, `cp=${type}`);
    if (k === 0) f.push(`c1=${code.slice(0, 3)}`, `cp1=${type}`, `cpv=${type}|${v}`);
  }
  if (c.cameo.length === 0) f.push('c=none');
  for (const code of c.context) f.push(`bc=${ploverOf(table, code) ?? 'none'}`);
  for (const [k, code] of (c.following ?? []).entries()) {
    const type = ploverOf(table, code) ?? 'none';
    f.push(`ac=${type}`, `vac=${v}|${type}`);
    if (k === 0) f.push(`ac1=${type}`, `ac1c=${code.slice(0, 3)}`);
  }
  f.push(...complementMode(lower, tags, i));
  f.push(...armsFeatures(c));
  f.push(...lexicalFeatures(c, clusters));
  f.push(...modeFeatures(lower, tags, i));
  if (/^VB[NG]$/u.test(tag(i)) && /^(?:DT|PRP\$|JJ|CD|POS)$/u.test(tag(i - 1)) && /^NN/u.test(tag(i + 1))) f.push('attributive');
  if (/^VB[NG]$/u.test(tag(i)) && /^NN/u.test(tag(i - 1)) && !AUXILIARIES.has(word(i - 1))) f.push(`reduced=${tag(i)}`);
  if (tag(i).startsWith('NN')) f.push('noun', `noun=${v}`, `noun+1=${word(i + 1)}`);
  if (tag(i).startsWith('JJ')) f.push('adjective');
  return f;
}

/** Features of the dyad: heads, order, and the words between source and target and after the trigger. */
function armsFeatures(c: PloverCandidate): string[] {
  const { lower, tags, trigger: i, source, target } = c;
  const f: string[] = [];
  f.push(source ? `sh=${lower[source.to]}` : 'noS', target ? `th=${lower[target.to]}` : 'noT');
  if (target) f.push(`tp=${lower[target.from - 1] ?? ''}`, `vtp=${stem(lower[i]!)}|${lower[target.from - 1] ?? ''}`);
  if (source && target) f.push(source.to < target.from ? 'order=st' : 'order=ts');
  if (source && i < source.from) f.push('v<s');
  if (target && i > target.to) f.push('v>t');
  const [from, to] = regionOf(c);
  for (let k = from, n = 0; k < to && n < 12; k++) {
    if (k === i || !isContent(tags[k]!)) continue;
    f.push(`bw=${stem(lower[k]!)}`);
    n++;
  }
  // Note: what a light verb or a speech verb carries comes after it (`launched an attack on`, `said it would allow`).
  const next = lower.findIndex((_, k) => k > i && k <= i + 6 && /^(?:NN|VB)/u.test(tags[k]!) && !AUXILIARIES.has(lower[k]!) && (!target || k < target.from));
  if (next > 0) f.push(`v2=${stem(lower[next]!)}`, `vv2=${stem(lower[i]!)}|${stem(lower[next]!)}`);
  return f;
}

/** The span the typer reads as the dyad's region: between source and target, else a few words after the trigger. */
function regionOf(c: Pick<PloverCandidate, 'lower' | 'trigger' | 'source' | 'target'>): [number, number] {
  const { source, target, trigger: i } = c;
  if (source && target) return source.to < target.from ? [source.to + 1, target.from] : [target.to + 1, source.from];
  return [i + 1, Math.min(c.lower.length, i + 6)];
}

/**
 * The CAMEO codes of the dictionary words in the dyad's region other than the trigger (`filed a complaint`,
 * `passed a resolution criticising`): the first code of each, for {@link PloverCandidate.context}.
 */
export function contextCodes(verbs: VerbDictionary, c: Pick<PloverCandidate, 'lower' | 'trigger' | 'source' | 'target'>): string[] {
  const [from, to] = regionOf(c);
  const out: string[] = [];
  for (let k = from; k < to && k < c.lower.length; k++) {
    const code = k === c.trigger ? undefined : dictionaryCodes(verbs, c.lower, k)[0];
    if (code) out.push(code);
  }
  return out;
}

/** How many words after the trigger {@link followingCodes} reads. */
const FOLLOWING = 8;

/**
 * The CAMEO codes of the dictionary words in the few words after the trigger (`called for sanctions`, `said it
 * would withdraw`), the first code of each, for {@link PloverCandidate.following}.
 */
export function followingCodes(verbs: VerbDictionary, lower: readonly string[], trigger: number): string[] {
  const out: string[] = [];
  for (let k = trigger + 1; k <= trigger + FOLLOWING && k < lower.length; k++) {
    const code = dictionaryCodes(verbs, lower, k)[0];
    if (code) out.push(code);
  }
  return out;
}

/**
 * The mode of what follows a speech or light verb (`said it would free`, `said they will not attend`): a modal
 * or a negation among the few words after the trigger.
 */
function complementMode(lower: readonly string[], tags: readonly string[], i: number): string[] {
  const f: string[] = [];
  for (let k = i + 1; k <= i + FOLLOWING && k < lower.length; k++) {
    if (tags[k] === 'MD') f.push(`amd=${lower[k]}`);
    if (negation.has(lower[k]!)) f.push('aneg');
  }
  return f;
}

/** Negation, modal and tense of the trigger, from the few words before it. */
function modeFeatures(lower: readonly string[], tags: readonly string[], i: number): string[] {
  const f: string[] = [];
  const start = Math.max(0, i - 4);
  const before = lower.slice(start, i);
  if (before.some((w) => negation.has(w))) f.push('neg');
  const modal = before.findLast((_, k) => tags[start + k] === 'MD');
  if (modal) f.push(`md=${modal}`);
  if (lower[i - 1] === 'to') f.push('to-inf');
  const perfect = before.some((w) => w === 'has' || w === 'have' || w === 'had');
  const tense = modal ? 'modal' : perfect ? 'perfect' : tags[i] === 'VBD' ? 'past' : /^VB[ZP]$/u.test(tags[i] ?? '') ? 'present' : tags[i] ?? '';
  f.push(`tense=${tense}`);
  if (tags[i] === 'VBN' && before.some((w) => BE.has(w))) f.push('passive');
  return f;
}
