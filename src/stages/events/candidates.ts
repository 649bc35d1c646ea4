import type { Entity, Event } from '../../article/layers.js';
import type { Span } from '../../article/span.js';
import type { ArticleIndex } from './article-index.js';
import type { EventResources } from './resources.js';
import type { TypedEvent } from './plover/coded.js';
import { UNKNOWN_ACTOR, type ActorGroup, type ActorRef, type CoderSentence } from './sentence.js';
import type { ArgumentSentence, SentenceTree } from './syntax-args.js';

/** An event before it has an id: what the refiners decide between. */
export type EventDraft = Omit<Event, 'id'>;

/** What every recogniser reads of one sentence: the words, the actor groups, the parse, and the article around it. */
export interface SentenceContext {
  readonly s: CoderSentence;
  readonly text: string;
  readonly groups: readonly ActorGroup[];
  /** The sentence's dependency tree, or null when it was not parsed (the clause rules then guess). */
  readonly tree: SentenceTree | null;
  /** The article's entities with a mention in the sentence. */
  readonly entities: readonly Entity[];
  readonly index: ArticleIndex;
  readonly byEntity: ReadonlyMap<string, Entity>;
  readonly dateline: Span | null;
  readonly r: EventResources;
}

/** Per sentence context, the sentence as the parse's argument rules read it, made once for every recogniser. */
const argumentSentences = new WeakMap<SentenceContext, ArgumentSentence>();

/**
 * The sentence as {@link SentenceContext}'s parse is read for arguments: its words, the dateline blocked, its
 * timexes and the target ranker. Note: made once a sentence (two recognisers read it, and its timexes are looked up).
 */
export function argumentSentence(ctx: SentenceContext): ArgumentSentence {
  let out = argumentSentences.get(ctx);
  if (!out) {
    const { s, r } = ctx;
    out = { ...s, text: ctx.text, blocked: ctx.dateline, phrases: !r.options.actorsOnly, targets: r.targets, times: ctx.index.timexesIn(s.tokens) };
    argumentSentences.set(ctx, out);
  }
  return out;
}

/**
 * A predicate a recogniser found, before it is typed and made into events: its source and target groups, the
 * dictionary's CAMEO code (and the code of the reverse event, `received aid from`), the trigger's tokens, where
 * its mode words start, the recogniser's name, and, for a predicate the typer found itself, its type.
 */
export interface Candidate {
  readonly source: ActorGroup | null;
  readonly target: ActorGroup | null;
  readonly code: string | null;
  readonly reverse: string | null;
  readonly from: number;
  readonly to: number;
  readonly modeFrom: number;
  readonly rule: string;
  readonly typed?: TypedEvent;
}

/** A recogniser: finds candidates in a sentence, skipping the tokens earlier recognisers claimed, and claims its own. */
export type Recogniser = (ctx: SentenceContext, claimed: Set<number>) => Candidate[];

/** A refiner: decides between an article's drafts (drops some), in the coder's declared order. */
export type Refiner = (drafts: readonly EventDraft[]) => EventDraft[];

/** True when two actors are one: the same entity, or the same country (`Turkey` and `Turkish`, two entities, one actor). */
export function sameActor(a: ActorRef, b: ActorRef): boolean {
  if (a.entity !== null && a.entity === b.entity) return true;
  if (a.code === b.code && /^[A-Z]{3}$/u.test(a.code)) return true;
  // Note: two things the parse names without a code (`---`) are one only where they stand in the same place.
  return a.entity === null && b.entity === null && a.code === b.code && (a.code !== UNKNOWN_ACTOR || a.start === b.start);
}
