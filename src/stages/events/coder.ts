import type { Entity, Event, Token } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { ArticleIndex } from './article-index.js';
import { findActorGroups, type ActorIndex } from './actors.js';
import type { EventDraft, Recogniser, Refiner, SentenceContext } from './candidates.js';
import { draftsOf } from './emit.js';
import { COUNT_WORDS } from './locale/en.js';
import { recogniseLearned } from './recognisers/learned.js';
import { isEventNoun, recogniseNouns } from './recognisers/nouns.js';
import { recogniseVerbs } from './recognisers/verbs.js';
import { dedupe, dropEchoes, keepConfident } from './refiners.js';
import type { VerbDictionary } from './dictionaries/verbs.js';
import { knowsTrigger, type PloverTyper } from './plover/typer.js';
import type { EventResources } from './resources.js';
import type { ActorRef, CoderSentence } from './sentence.js';
import { sentenceTree } from './syntax-args.js';

type ArticleLayers = Parameters<Stage['run']>[0]['layers'];

/**
 * The recognisers, in the order they claim a sentence's tokens: the dictionary's verbs and patterns first (they
 * carry CAMEO's fine codes), then the verbs the typer finds events in without them (and statements coded by what
 * they say), then event nouns on what is left.
 */
const RECOGNISERS: readonly Recogniser[] = [recogniseVerbs, recogniseLearned, recogniseNouns];

/**
 * The refiners, in order: one event per sentence, code and dyad; then event nouns that only echo a verb's event
 * (which needs the duplicates gone to compare sources); then, precision first, the events far less confident than
 * their sentence's best.
 */
const REFINERS: readonly Refiner[] = [dedupe, dropEchoes, keepConfident];

/** The tokens, tags and first token index of each sentence. */
function sentencesOf(layers: ArticleLayers): Array<{ tokens: Token[]; tags: string[]; first: number }> {
  const out = (layers.sentences ?? []).map(() => ({ tokens: [] as Token[], tags: [] as string[], first: -1 }));
  // Note: the part-of-speech tags are the syntax stage's layer, one per token.
  (layers.tokens ?? []).forEach((t, i) => {
    const s = out[t.sentence];
    if (!s) return;
    if (s.first === -1) s.first = i;
    s.tokens.push(t);
    s.tags.push(layers.pos?.[i] ?? 'NN');
  });
  return out;
}

/** Codes the events of an article, sentence by sentence: the recognisers' candidates made into drafts, then refined. */
export function codeEvents(text: string, layers: ArticleLayers, date: string | null, dateline: Span | null, r: EventResources): Event[] {
  const { verbs, options } = r;
  const entities = layers.entities ?? [];
  const index = new ArticleIndex(entities, layers.timexes ?? [], layers.quotes ?? []);
  const byEntity = new Map(entities.map((e) => [e.id, e]));
  const history: ActorRef[] = [];
  let drafts: EventDraft[] = [];
  // Note: the text is lower-cased once, when that keeps every offset (it does unless a letter changes length).
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  sentencesOf(layers).forEach(({ tokens, tags, first }, sentence) => {
    // Note: what the sentence holds of the article's entities and timexes; every question below gets the answer it got from all of them.
    // The dateline's place and credits (`KYIV, Ukraine (AP) -`) say where and by whom the story was filed: no actor of it.
    const inSentence = outsideDateline(index.entitiesIn(tokens), dateline);
    const forms = tokens.map((t) => text.slice(t.start, t.end));
    const lower = sameLength ? tokens.map((t) => lowered.slice(t.start, t.end)) : forms.map((f) => f.toLowerCase());
    // Note: with the user's actors only (PETRARCH's way) the clause rules choose between them: on PETRARCH's
    // validation records the parse's choice got 0.712 of records fully right against their 0.784.
    const tree = options.actorsOnly ? null : sentenceTree(layers.deps, first, tokens.length);
    // Note: a sentence without a word a recogniser starts from has no event, nor an unparsed one without anything that
    // could be an actor (an entity, a dictionary actor, an agent, `the N ...`); in a parsed one the parse names actors
    // no dictionary knows (`The Taliban attacked a base`).
    const mayHold = mayCode(verbs, r.typer, lower, tags, tree !== null) && (tree !== null || mayHoldActors(lower, tokens, inSentence, r.actors, options.actorsOnly ?? false));
    if (!mayHold) {
      if (!options.actorsOnly) history.push(...sentenceActors(inSentence, tokens));
      return;
    }
    if (options.discards?.length) {
      const joined = ` ${lower.join(' ')} `;
      if (options.discards.some((d) => joined.includes(` ${d} `))) return;
    }
    const s: CoderSentence = { index: sentence, tokens, forms, lower, tags };
    const groups = findActorGroups(s, text, r.actors, inSentence, date, options.actorsOnly ?? false, history, dateline);
    history.push(...groups.flatMap((g) => g.actors));
    if (groups.length === 0 && tree === null) return;
    const ctx: SentenceContext = { s, text, groups, tree, entities: inSentence, index, byEntity, dateline, r };
    const claimed = new Set<number>();
    for (const recognise of RECOGNISERS) for (const candidate of recognise(ctx, claimed)) drafts.push(...draftsOf(ctx, candidate));
  });
  for (const refine of REFINERS) drafts = refine(drafts);
  return drafts.map((d, k) => ({ id: `V${k + 1}`, ...d }));
}

/**
 * True when a sentence has a word a recogniser starts from: a dictionary verb, an event noun, or (for the learned
 * recogniser, in a parsed sentence) a verb the typer knows as a trigger.
 * @param parsed - whether the sentence is parsed (or, before parsing, would be)
 */
function mayCode(verbs: VerbDictionary, typer: PloverTyper | null, lower: readonly string[], tags: readonly string[], parsed: boolean): boolean {
  if (lower.some((w) => verbs.forms[w] || isEventNoun(w))) return true;
  return parsed && typer !== null && lower.some((w, k) => tags[k]!.startsWith('VB') && knowsTrigger(typer, w));
}

/** The entities with only their mentions outside the dateline, those left with none dropped. */
function outsideDateline(entities: readonly Entity[], dateline: Span | null): Entity[] {
  if (!dateline) return [...entities];
  const outside = (m: { start: number; end: number }): boolean => m.end <= dateline.start || m.start >= dateline.end;
  return entities.flatMap((e) => (e.mentions.every(outside) ? [e] : e.mentions.some(outside) ? [{ ...e, mentions: e.mentions.filter(outside) }] : []));
}

/** A cheap test, before grouping, that a sentence names something that could be an actor. */
function mayHoldActors(lower: readonly string[], tokens: readonly Token[], entities: ArticleLayers['entities'], index: ActorIndex, actorsOnly: boolean): boolean {
  if (lower.some((w) => index.agentWords.has(w) || index.byFirst.has(w.slice(0, 5)) || COUNT_WORDS[w] !== undefined)) return true;
  if (actorsOnly || !entities || tokens.length === 0) return false;
  const first = tokens[0]!.start;
  const last = tokens.at(-1)!.end;
  return entities.some((e) => ((e.links.cameo ?? e.links.country) !== null || e.type === 'PERSON' || e.type === 'ORG') && e.mentions.some((m) => m.start >= first && m.end <= last));
}

/** Actors the entity layer knows in a sentence, for `the three leaders` in a later one. */
function sentenceActors(entities: ArticleLayers['entities'], tokens: readonly Token[]): ActorRef[] {
  if (!entities || tokens.length === 0) return [];
  const first = tokens[0]!.start;
  const last = tokens.at(-1)!.end;
  return entities.flatMap((e) => (e.links.cameo ? e.mentions.filter((m) => m.start >= first && m.end <= last).map((m) => ({ entity: e.id, code: e.links.cameo!, text: m.text, start: m.start, end: m.end })) : []));
}
