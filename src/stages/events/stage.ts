import type { Event, EventActor, Quote, Token } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import type { Stage } from '../../pipeline/stage.js';
import { CUE_VERBS } from '../quotes/locale/en.js';
import { ArticleIndex } from './article-index.js';
import { findActorGroups, indexActors, pluralDescriptor, type ActorIndex } from './actors.js';
import { agentOf, clauseEnd, dateOf, isPassive, modeOf, objectOf, subjectOf } from './clause.js';
import { mergeActorDictionaries, type ActorDictionary } from './dictionaries/actors.js';
import { ploverOf } from './dictionaries/plover.js';
import { mergeVerbDictionaries, type VerbDictionary } from './dictionaries/verbs.js';
import type { EventLexicon } from './lexicon.js';
import { typeCodedEvent } from './plover/coded.js';
import type { PloverTyper } from './plover/typer.js';
import { COUNT_WORDS, NOMINAL_EVENTS } from './locale/en.js';
import { matchVerb } from './patterns.js';
import { isVerbTag, type ActorGroup, type ActorRef, type CoderSentence } from './sentence.js';

/** How the coder runs, and the user's dictionaries. */
export interface EventOptions {
  /** Actor dictionaries (with agents) to use besides the entity layer's actors. */
  readonly actors?: readonly ActorDictionary[];
  /** Verb dictionaries to add to (or, with `replaceVerbs`, use instead of) the built-in CAMEO 2.0 one. */
  readonly verbs?: readonly VerbDictionary[];
  readonly replaceVerbs?: boolean;
  /** Code only actors from the given dictionaries, not the entity layer's (as PETRARCH does). */
  readonly actorsOnly?: boolean;
  /** Leave out events without a target (PETRARCH's `require_dyad`). */
  readonly requireDyad?: boolean;
  /** Code plain statements (CAMEO 01: `said`, `noted`) as events, as PETRARCH does; by default a statement is a quote, not an event. */
  readonly codeStatements?: boolean;
  /** Phrases (lower case) that keep a sentence from being coded: sports and other non-political uses (PETRARCH's discards). */
  readonly discards?: readonly string[];
  /**
   * The learned PLOVER typer that decides whether a coded predicate is an event and its PLOVER type; by default
   * the built-in one (none with `replaceVerbs`, where the user's codes are the PLOVER table's); null for none.
   */
  readonly ploverTyper?: PloverTyper | null;
  /** The least typer confidence (0 to 1) an event is kept at; 0 by default. */
  readonly minConfidence?: number;
}

/** What the event stage loads once. */
export interface EventResources {
  readonly lexicon: EventLexicon;
  readonly verbs: VerbDictionary;
  readonly actors: ActorIndex;
  readonly typer: PloverTyper | null;
  readonly options: EventOptions;
}

const cueWords = new Set<string>(CUE_VERBS);
/** CAMEO roots of mutual actions: intent to cooperate, consult, diplomatic and material cooperation, aid, yield, reject, reduce relations. */
const MUTUAL = /^(?:03|04|05|06|07|08|12|16)/u;
const nominal = new Map(NOMINAL_EVENTS.flatMap((e) => e.nouns.map((n) => [n, e] as const)));
const NON_STATE = new Set(['IGO', 'NGO', 'NGM', 'MNC', 'IMG', 'UIS', 'REB', 'INS', 'SPY', 'OPP', 'CVL', 'BUS', 'MED', 'GOV', 'MIL', 'COP', 'LEG', 'JUD', '---', '+++']);

/** Builds the event stage for a set of options and user dictionaries. */
export function eventsStageWith(options: EventOptions = {}): Stage<EventResources> {
  return {
    name: 'events',
    requires: ['tokens', 'sentences', 'pos', 'entities', 'timexes', 'quotes'],
    assigns: ['events'],
    load(resources) {
      const lexicon = resources.eventLexicon();
      const userVerbs = options.verbs ?? [];
      const userActors = options.actors ?? [];
      // Note: without user dictionaries the merged built-in ones are the same for every pipeline, so they are made once.
      const verbs = options.replaceVerbs
        ? mergeVerbDictionaries(userVerbs)
        : userVerbs.length === 0 ? resources.derived('events:verbs', () => mergeVerbDictionaries([lexicon.verbs])) : mergeVerbDictionaries([lexicon.verbs, ...userVerbs]);
      // Note: with actorsOnly, the user's dictionaries are the only source of actors and agents (PETRARCH's way).
      const actors = !options.actorsOnly && userActors.length === 0
        ? resources.derived('events:actors', () => indexActors(mergeActorDictionaries([lexicon.actors])))
        : indexActors(mergeActorDictionaries([...(options.actorsOnly ? [] : [lexicon.actors]), ...userActors]));
      const typer = options.ploverTyper !== undefined ? options.ploverTyper : options.replaceVerbs ? null : resources.ploverTyper();
      return { lexicon, verbs, actors, typer, options };
    },
    run(article, resources) {
      const { meta } = article;
      return { layers: { events: codeEvents(article.text, article.layers, meta.published ?? meta.dateline?.date ?? null, meta.dateline, resources) } };
    },
  };
}

/** The event stage with the built-in dictionaries. */
export const eventsStage: Stage<EventResources> = eventsStageWith();

type ArticleLayers = Parameters<Stage['run']>[0]['layers'];

/** Codes the events of an article, sentence by sentence. */
export function codeEvents(text: string, layers: ArticleLayers, date: string | null, dateline: Span | null, r: EventResources): Event[] {
  const { verbs, options } = r;
  const bySentence: Token[][] = (layers.sentences ?? []).map(() => []);
  const tagsBySentence: string[][] = bySentence.map(() => []);
  // Note: the part-of-speech tags are the syntax stage's layer, one per token.
  (layers.tokens ?? []).forEach((t, i) => {
    bySentence[t.sentence]?.push(t);
    tagsBySentence[t.sentence]?.push(layers.pos?.[i] ?? 'NN');
  });
  const entities = layers.entities ?? [];
  const index = new ArticleIndex(entities, layers.timexes ?? [], layers.quotes ?? []);
  const byEntity = new Map(entities.map((e) => [e.id, e]));
  const history: ActorRef[] = [];
  const drafts: Array<Omit<Event, 'id'>> = [];
  // Note: the text is lower-cased once, when that keeps every offset (it does unless a letter changes length).
  const lowered = text.toLowerCase();
  const sameLength = lowered.length === text.length;
  bySentence.forEach((tokens, sentence) => {
    // Note: what the sentence holds of the article's entities and timexes; every question below gets the answer it got from all of them.
    const inSentence = index.entitiesIn(tokens);
    const forms = tokens.map((t) => text.slice(t.start, t.end));
    const lower = sameLength ? tokens.map((t) => lowered.slice(t.start, t.end)) : forms.map((f) => f.toLowerCase());
    // Note: a sentence without a dictionary verb or an event noun has no event; it is not tagged at all.
    // Note: nor one without anything that could be an actor (an entity, a dictionary actor, an agent, `the N ...`).
    if (!lower.some((w) => verbs.forms[w] || nominal.has(w)) || !mayHoldActors(lower, tokens, inSentence, r.actors, options.actorsOnly ?? false)) {
      if (!options.actorsOnly) history.push(...sentenceActors(inSentence, tokens));
      return;
    }
    if (options.discards?.length) {
      const joined = ` ${lower.join(' ')} `;
      if (options.discards.some((d) => joined.includes(` ${d} `))) return;
    }
    const s: CoderSentence = { index: sentence, tokens, forms, lower, tags: tagsBySentence[sentence]! };
    const groups = findActorGroups(s, text, r.actors, inSentence, date, options.actorsOnly ?? false, history);
    history.push(...groups.flatMap((g) => g.actors));
    if (groups.length === 0) return;
    const emit = (source: ActorGroup | null, target: ActorGroup | null, code: string | null, reverse: string | null, from: number, to: number, modeFrom: number, rule: string): void => {
      if (!source) return;
      // Note: `the three leaders` never includes the one who speaks of them.
      const resolved = target?.descriptor ? pluralDescriptor(s, target.descriptor.at, target.descriptor.before, source.actors)?.actors ?? [] : target?.actors ?? [];
      const targets = resolved.filter((t) => !source.actors.some((a) => same(a, t)));
      const trigger = { start: tokens[from]!.start, end: tokens[to]!.end, text: text.slice(tokens[from]!.start, tokens[to]!.end) };
      const common = {
        mode: modeOf(s, modeFrom, from),
        date: dateOf(s, index.timexesIn(tokens), from, cueWords, dateline),
        place: placeOf(s, inSentence, to, target),
        sentence,
        trigger,
        ...reportOf(index.quoteAround(trigger.start, trigger.end), byEntity),
        rule,
      };
      // Note: the learned typer decides whether the predicate is an event and its PLOVER type; the CAMEO code stays the dictionary's.
      const typed = r.typer && code ? typeCodedEvent(r.typer, verbs, { lower, tags: s.tags, trigger: from, source, target, cameo: code }, options.minConfidence) : undefined;
      if (typed === null) return;
      const add = (c: string | null, src: readonly ActorRef[], tgt: readonly ActorRef[]): void => {
        if (!c || src.length === 0) return;
        if (c.startsWith('01') && !options.codeStatements) return;
        if (tgt.length === 0 && options.requireDyad) return;
        // Note: without the typer (a user's own verb dictionary) the dictionary's code is taken as it is.
        drafts.push({ cameo: c, plover: typed && c === code ? typed.plover : ploverOf(r.lexicon.plover, c), source: src.map(actor), target: tgt.map(actor), confidence: typed?.confidence ?? 1, ...common });
      };
      if (targets.length === 0 && source.actors.length > 1 && code && (options.replaceVerbs || MUTUAL.test(code))) {
        // Note: coordinated actors with no target act on each other when the action is mutual (`Moscow and
        // Pyongyang signed a pact`: agreeing, meeting, cooperating, cutting ties), not when it is one-sided (`warned`).
        // Which codes are mutual is CAMEO knowledge: with a verb dictionary of the user's own, every code is (PETRARCH's way).
        for (const a of source.actors) add(code, [a], source.actors.filter((b) => b !== a));
        return;
      }
      add(code, source.actors, targets);
      if (targets.length > 0) add(reverse, targets, source.actors);
    };
    const actor = (a: ActorRef): EventActor => ({ entity: a.entity, code: a.code, country: countryOf(a, byEntity), text: a.text, start: a.start, end: a.end });
    for (let i = 0; i < tokens.length; i++) {
      // Note: a dictionary verb right after its subject is read as a verb even when tagged a noun (`France agree that`).
      const verbLike = isVerbTag(s.tags[i]!) || (/^NNS?$/u.test(s.tags[i]!) && lower[i + 1] !== 'of' && (groups.some((g) => g.to === i - 1) || afterModal(s, i)));
      // Note: a participle between a determiner and a noun modifies the noun (`a failed summit`): no verb there.
      const attributive = /^VB[NG]$/u.test(s.tags[i]!) && /^(?:DT|PRP\$)$/u.test(s.tags[i - 1] ?? '') && /^NNS?$/u.test(s.tags[i + 1] ?? '');
      if (verbLike && !attributive && verbs.forms[lower[i]!]) {
        if (!options.codeStatements && cueWords.has(lower[i]!) && (lower[i + 1] === 'that' || statementOnly(verbs, lower[i]!))) continue;
        // Note: `according to` names a source; it is never the action.
        if (lower[i] === 'according' && lower[i + 1] === 'to') continue;
        const passive = isPassive(s, i);
        const subject = subjectOf(s, groups, i);
        const match = matchVerb(s, i, verbs, groups, subject, clauseEnd(s, groups, i));
        if (!match) continue;
        const source = match.source ?? (passive ? agentOf(s, groups, match.to) : subject);
        const target = match.target ?? (passive ? subject : objectOf(s, groups, match.to, source));
        emit(source, target, match.code, match.reverse, i, match.to, subject ? subject.to + 1 : 0, match.source || match.target ? 'pattern' : 'verb');
        i = match.to;
        continue;
      }
      // Note: event nouns are part of the built-in dictionary, so a user's verb dictionary that replaces it has none.
      const noun = /^NNS?$/u.test(s.tags[i]!) && !options.replaceVerbs ? nominal.get(lower[i]!) : undefined;
      if (!noun) continue;
      const after = (preps: readonly string[]): ActorGroup | null => {
        for (let k = i + 1; k < Math.min(tokens.length, i + 3); k++) if (preps.includes(lower[k]!)) return groups.find((g) => g.from === k + 1 || g.from === k + 2) ?? null;
        return null;
      };
      const bySource = after(noun.source);
      const subject = subjectOf(s, groups, i);
      const source = bySource ?? subject;
      const target = noun.target === 'subject' ? (bySource ? subject : null) : after(noun.target);
      emit(source, target, noun.code, null, i, i, i - 2, 'noun');
    }
  });
  return dedupe(drafts).map((d, k) => ({ id: `V${k + 1}`, ...d }));
}

/**
 * The quote an event is known from and who reports it: the quote's speaker by the words that name them here
 * (their entity's name when those are a pronoun), else the innermost channel (`state media said`).
 */
function reportOf(quote: Quote | null, byEntity: ReadonlyMap<string, { name: string }>): Pick<Event, 'quote' | 'reportedBy'> {
  if (!quote) return { quote: null, reportedBy: null };
  const words = [quote.speakerSpan?.text, quote.speakerText].find((w) => w && !PRONOUN.test(w));
  const name = words ?? (quote.speaker ? byEntity.get(quote.speaker)?.name : undefined) ?? quote.speakerText ?? quote.sources[0]?.text ?? null;
  return { quote: quote.id, reportedBy: name ? { name, entity: quote.speaker } : null };
}

const PRONOUN = /^(?:he|she|it|they|we|i|you|who|which|that)$/iu;

/** True when a word follows a modal or `to`, past adverbs (`will not ever clash`): a verb, whatever its tag. */
function afterModal(s: CoderSentence, i: number): boolean {
  let k = i - 1;
  while (k > 0 && /^RB/u.test(s.tags[k]!)) k--;
  return s.tags[k] === 'MD' || s.lower[k] === 'to';
}

/** True when two actors are one: the same entity, or the same country (`Turkey` and `Turkish`, two entities, one actor). */
function same(a: ActorRef, b: ActorRef): boolean {
  if (a.entity !== null && a.entity === b.entity) return true;
  if (a.code === b.code && /^[A-Z]{3}$/u.test(a.code)) return true;
  return a.entity === null && b.entity === null && a.code === b.code;
}

function countryOf(a: ActorRef, byEntity: ReadonlyMap<string, { links: { country: string | null } }>): string | null {
  const fromEntity = a.entity ? byEntity.get(a.entity)?.links.country : null;
  if (fromEntity) return fromEntity;
  const head = a.code.slice(0, 3);
  return /^[A-Z]{3}$/u.test(head) && !NON_STATE.has(head) ? head : null;
}

/**
 * True for a speech verb whose dictionary entries all code a plain statement (CAMEO 01) or nothing (`said`,
 * `told`): what it introduces is a quote, and the events in it are coded from its own verbs.
 */
function statementOnly(verbs: VerbDictionary, word: string): boolean {
  return (verbs.forms[word] ?? []).every((f) => (f.code ?? verbs.blocks[f.block]?.code ?? '01').startsWith('01'));
}

/** A cheap test, before tagging, that a sentence names something that could be an actor. */
function mayHoldActors(lower: readonly string[], tokens: readonly Token[], entities: ArticleLayers['entities'], index: ActorIndex, actorsOnly: boolean): boolean {
  if (lower.some((w) => index.agentWords.has(w) || index.byFirst.has(w.slice(0, 5)) || COUNT_WORDS[w] !== undefined)) return true;
  if (actorsOnly || !entities || tokens.length === 0) return false;
  const first = tokens[0]!.start;
  const last = tokens.at(-1)!.end;
  return entities.some((e) => (e.links.cameo ?? e.links.country) !== null && e.mentions.some((m) => m.start >= first && m.end <= last));
}

/** Actors the entity layer knows in a sentence, for `the three leaders` in a later one. */
function sentenceActors(entities: ArticleLayers['entities'], tokens: readonly Token[]): ActorRef[] {
  if (!entities || tokens.length === 0) return [];
  const first = tokens[0]!.start;
  const last = tokens.at(-1)!.end;
  return entities.flatMap((e) => (e.links.cameo ? e.mentions.filter((m) => m.start >= first && m.end <= last).map((m) => ({ entity: e.id, code: e.links.cameo!, text: m.text, start: m.start, end: m.end })) : []));
}

/** The place of an event: a location or state named after `in`/`at` within a few words after the trigger, not its target. */
function placeOf(s: CoderSentence, entities: NonNullable<ArticleLayers['entities']>, after: number, target: ActorGroup | null): Event['place'] {
  for (let k = after + 1; k < Math.min(s.lower.length - 1, after + 9); k++) {
    if (s.lower[k] === ',' || s.lower[k] === ';') return null;
    if (s.lower[k] !== 'in' && s.lower[k] !== 'at') continue;
    const start = s.tokens[k + 1]!.start;
    for (const e of entities) {
      if (e.type !== 'LOC' && e.type !== 'GPE') continue;
      const m = e.mentions.find((x) => x.start === start || (x.start > start && x.start <= s.tokens[Math.min(k + 3, s.tokens.length - 1)]!.start));
      if (m && !target?.actors.some((a) => a.start === m.start)) return { entity: e.id, text: m.text, start: m.start, end: m.end };
    }
  }
  return null;
}

/** One event per sentence, code, source and target. */
function dedupe(drafts: ReadonlyArray<Omit<Event, 'id'>>): Array<Omit<Event, 'id'>> {
  const seen = new Set<string>();
  return drafts.filter((d) => {
    const key = `${d.sentence}|${d.cameo}|${d.source.map((a) => a.entity ?? a.code).join(',')}|${d.target.map((a) => a.entity ?? a.code).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
