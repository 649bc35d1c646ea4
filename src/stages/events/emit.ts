import type { Entity, Event, EventActor, Quote } from '../../article/layers.js';
import { pluralDescriptor } from './actors.js';
import { sameActor, type Candidate, type EventDraft, type SentenceContext } from './candidates.js';
import { dateOf, modeOf } from './clause.js';
import { ploverOf } from './dictionaries/plover.js';
import { typeCodedEvent } from './plover/coded.js';
import { CUE_WORDS, UNKNOWN_ACTOR, type ActorGroup, type ActorRef, type CoderSentence } from './sentence.js';

/** CAMEO roots of mutual actions: intent to cooperate, consult, diplomatic and material cooperation, aid, yield, reject, reduce relations. */
const MUTUAL = /^(?:03|04|05|06|07|08|12|16)/u;
const NON_STATE = new Set(['IGO', 'NGO', 'NGM', 'MNC', 'IMG', 'UIS', 'REB', 'INS', 'SPY', 'OPP', 'CVL', 'BUS', 'MED', 'GOV', 'MIL', 'COP', 'LEG', 'JUD', '---', '+++']);
const PRONOUN = /^(?:he|she|it|they|we|i|you|who|which|that)$/iu;

/**
 * The events a candidate makes: typed by the learned typer (which may take the predicate for no event), with
 * its mode, date, place and the quote it is known from: one event, the first coordinated actor acting on the others
 * for a mutual action; with `bothWays`, each on the others, and the reverse event where the dictionary gives one.
 */
export function draftsOf(ctx: SentenceContext, c: Candidate): EventDraft[] {
  const { s, text, r } = ctx;
  const { source, target, code } = c;
  if (!source) return [];
  // Note: `the three leaders` never includes the one who speaks of them.
  const resolved = target?.descriptor ? pluralDescriptor(s, text, target.descriptor.at, target.descriptor.before, source.actors)?.actors ?? [] : target?.actors ?? [];
  const targets = resolved.filter((t) => !source.actors.some((a) => sameActor(a, t)));
  const start = s.tokens[c.from]!.start;
  const end = s.tokens[c.to]!.end;
  const trigger = { start, end, text: text.slice(start, end) };
  const common = {
    mode: modeOf(s, c.modeFrom, c.from),
    date: dateOf(s, ctx.index.timexesIn(s.tokens), c.from, CUE_WORDS, ctx.dateline),
    place: placeOf(s, ctx.entities, c.to, target),
    sentence: s.index,
    trigger,
    ...reportOf(ctx.index.quoteAround(start, end), ctx.byEntity),
    rule: c.rule,
  };
  const { options, verbs } = r;
  // Note: the learned typer decides whether the predicate is an event and its PLOVER type; the CAMEO code stays the dictionary's.
  const typed = c.typed ?? (r.typer && code ? typeCodedEvent(r.typer, verbs, { lower: s.lower, tags: s.tags, trigger: c.from, source, target, cameo: code }, options.minConfidence) : undefined);
  if (typed === null) return [];
  const out: EventDraft[] = [];
  const actor = (a: ActorRef): EventActor => ({ entity: a.entity, code: a.code, country: countryOf(a, ctx.byEntity), text: a.text, start: a.start, end: a.end });
  const add = (cameo: string | null, src: readonly ActorRef[], tgt: readonly ActorRef[]): void => {
    if (!cameo || src.length === 0) return;
    if (cameo.startsWith('01') && !options.codeStatements) return;
    if (tgt.length === 0 && options.requireDyad) return;
    // Note: without the typer (a user's own verb dictionary) the dictionary's code is taken as it is.
    out.push({ cameo, plover: typed && cameo === code ? typed.plover : ploverOf(r.lexicon.plover, cameo), source: src.map(actor), target: tgt.map(actor), confidence: typed?.confidence ?? 1, ...common });
  };
  // Note: a target the parse names but no dictionary or entity knows (`signed a pact`, `visiting facilities`) is a thing acted on, not a counterpart.
  const counterparts = targets.filter((t) => t.entity !== null || t.code !== UNKNOWN_ACTOR);
  if (counterparts.length === 0 && source.actors.length > 1 && code && (options.replaceVerbs || MUTUAL.test(code))) {
    // Note: coordinated actors with no target act on each other when the action is mutual (`Moscow and
    // Pyongyang signed a pact`: agreeing, meeting, cooperating, cutting ties), not when it is one-sided (`warned`).
    // Which codes are mutual is CAMEO knowledge: with a verb dictionary of the user's own, every code is (PETRARCH's way).
    for (const a of options.bothWays ? source.actors : source.actors.slice(0, 1)) add(code, [a], source.actors.filter((b) => b !== a));
    return out;
  }
  add(code, source.actors, targets);
  if (counterparts.length > 0 && (options.bothWays || out.length === 0)) add(c.reverse, counterparts, source.actors);
  return out;
}

/**
 * The quote an event is known from and who reports it: the quote's speaker by the words that name them here
 * (their entity's name when those are a pronoun), else the innermost channel (`state media said`).
 */
export function reportOf(quote: Quote | null, byEntity: ReadonlyMap<string, { name: string }>): Pick<Event, 'quote' | 'reportedBy'> {
  if (!quote) return { quote: null, reportedBy: null };
  const words = [quote.speakerSpan?.text, quote.speakerText].find((w) => w && !PRONOUN.test(w));
  const name = words ?? (quote.speaker ? byEntity.get(quote.speaker)?.name : undefined) ?? quote.speakerText ?? quote.sources[0]?.text ?? null;
  return { quote: quote.id, reportedBy: name ? { name, entity: quote.speaker } : null };
}

function countryOf(a: ActorRef, byEntity: ReadonlyMap<string, { links: { country: string | null } }>): string | null {
  const fromEntity = a.entity ? byEntity.get(a.entity)?.links.country : null;
  if (fromEntity) return fromEntity;
  const head = a.code.slice(0, 3);
  return /^[A-Z]{3}$/u.test(head) && !NON_STATE.has(head) ? head : null;
}

/**
 * The place of an event: a location or state named after `in`/`at` within a few words after the trigger, not
 * its target. An `at`/`in` phrase that names no place lets the search run on to the next one (`flanked Xi at a
 * massive parade in Beijing`).
 */
function placeOf(s: CoderSentence, entities: readonly Entity[], after: number, target: ActorGroup | null): Event['place'] {
  let limit = after + 9;
  for (let k = after + 1; k < Math.min(s.lower.length - 1, limit); k++) {
    if (s.lower[k] === ',' || s.lower[k] === ';') return null;
    if (s.lower[k] !== 'in' && s.lower[k] !== 'at') continue;
    const found = placeAfter(s, entities, k, target);
    if (found) return found;
    // Note: the phrase is the scene (`at a massive parade`); the place is said of it, a few words on.
    limit = Math.max(limit, k + 6);
  }
  return null;
}

/** The LOC or GPE mention starting within three words after the preposition at `k`, before a comma, not a target. */
function placeAfter(s: CoderSentence, entities: readonly Entity[], k: number, target: ActorGroup | null): Event['place'] {
  const start = s.tokens[k + 1]!.start;
  let last = k + 1;
  while (last < Math.min(k + 3, s.tokens.length - 1) && s.lower[last + 1] !== ',' && s.lower[last + 1] !== ';') last++;
  const latest = s.tokens[last]!.start;
  for (const e of entities) {
    if (e.type !== 'LOC' && e.type !== 'GPE') continue;
    const m = e.mentions.find((x) => x.start >= start && x.start <= latest);
    if (m && !target?.actors.some((a) => a.start === m.start)) return { entity: e.id, text: m.text, start: m.start, end: m.end };
  }
  return null;
}
