/**
 * Related coverage: whether two stories (of different agencies, with no text in common) report the same
 * real-world event, from their `wiregraph/1` documents: shared actors weighted by how rare they are, dates
 * close to each other, shared places and shared kinds of event. Related stories are linked, never merged.
 */
import type { WiregraphDoc } from '../output/wiregraph1.js';
import { dayNumber, storyFeatures, type StoryDay, type StoryFeatures, type StoryMention } from './related-features.js';

/** How many stories carry a key (`Q30`, `n:lindsay lohan`), for rarity; the store keeps these counts. */
export interface KeyFrequencies {
  /** Stories counted. */
  readonly documents: number;
  /** Stories that carry `key`. */
  count(key: string): number;
}

/** Weights of the four parts of the score. */
export interface RelatedWeights {
  readonly actors: number;
  readonly places: number;
  readonly dates: number;
  readonly events: number;
}

/** Options of {@link relatedness}; defaults chosen on ECB+ (README, Related coverage). */
export interface RelatedOptions {
  /** Two stories are related at this score or above. */
  readonly threshold: number;
  readonly weights: RelatedWeights;
  /** Two dates at most this many days apart are close (the score falls with the distance). */
  readonly dayWindow: number;
  /** Stories whose own dates are further apart than this many days are about different events. */
  readonly farApart: number;
  /** Document frequencies of actor and place keys; without them, rarity is a prior by entity type. */
  readonly frequencies: KeyFrequencies | null;
}

/** The defaults: the best pairwise F1 on the odd-numbered ECB+ topics with frequencies counted there (eval/related.ts). */
export const DEFAULT_RELATED_OPTIONS: RelatedOptions = Object.freeze({
  threshold: 0.125,
  weights: Object.freeze({ actors: 0.7, places: 0.15, dates: 0.15, events: 0.1 }),
  dayWindow: 3,
  farApart: 30,
  frequencies: null,
});

/** The score, the decision, and what it was decided on (`actors: Lindsay Lohan, Betty Ford Center`). */
export interface Relatedness {
  readonly score: number;
  readonly related: boolean;
  readonly reasons: readonly string[];
}

/** A story: its document, or its features when they are already computed. */
export type RelatedInput = WiregraphDoc | StoryFeatures;

/** The four parts of the score, each in [0, 1] (dates in [-1, 1]), with what they were found on. */
export interface RelatedParts {
  readonly actors: number;
  readonly places: number;
  readonly dates: number;
  readonly events: number;
  readonly reasons: readonly string[];
}

/** Whether two stories are about the same real-world event. */
export function relatedness(a: RelatedInput, b: RelatedInput, options: Partial<RelatedOptions> = {}): Relatedness {
  const o = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const parts = relatedParts(a, b, o);
  const score = weightedScore(parts, o.weights);
  return { score, related: score >= o.threshold, reasons: parts.reasons };
}

/** The score of the parts under the weights. */
export function weightedScore(parts: RelatedParts, w: RelatedWeights): number {
  // Note: thousands of stories share a day and an event type; those count only as far as actors or places are shared too.
  const support = Math.min(1, (parts.actors + parts.places) / SUPPORT);
  const context = w.dates * parts.dates + w.events * parts.events;
  return w.actors * parts.actors + w.places * parts.places + (parts.dates < 0 ? w.dates * parts.dates : support * context);
}

/** Actor and place similarity (summed) at which dates and event types count in full. */
const SUPPORT = 0.25;

/** The parts of the score, before they are weighted (the evaluation tunes the weights on them). */
export function relatedParts(a: RelatedInput, b: RelatedInput, options: Partial<RelatedOptions> = {}): RelatedParts {
  const o = { ...DEFAULT_RELATED_OPTIONS, ...options };
  const fa = featuresOf(a);
  const fb = featuresOf(b);
  const reasons: string[] = [];
  const actors = sharedWeight(fa.actors, fb.actors, o.frequencies);
  if (actors.shared.length) reasons.push(`actors: ${actors.shared.join(', ')}`);
  const places = sharedWeight(fa.places, fb.places, o.frequencies);
  if (places.shared.length) reasons.push(`places: ${places.shared.join(', ')}`);
  const dates = dateCloseness(fa, fb, o);
  if (dates.reason) reasons.push(dates.reason);
  const events = jaccard(fa.eventTypes, fb.eventTypes);
  if (events.shared.length) reasons.push(`event types: ${events.shared.join(', ')}`);
  return { actors: actors.score, places: places.score, dates: dates.score, events: events.score, reasons };
}

function featuresOf(input: RelatedInput): StoryFeatures {
  return 'schema' in input ? storyFeatures(input) : input;
}

/** How rare a key is: its inverse document frequency when frequencies are given, else its type's prior. */
function rarity(m: StoryMention, frequencies: KeyFrequencies | null): number {
  if (!frequencies) return m.prior;
  return Math.max(0, Math.log((frequencies.documents + 1) / (frequencies.count(m.key) + 0.5)));
}

/** The least norm of a story's mention vector: one organisation named once (prior), or a key in an eighth of the stories (counts). */
const MIN_NORM = 2;

/** Cosine of the two stories' rarity-weighted mention vectors, and the names shared, rarest first. */
function sharedWeight(a: ReadonlyMap<string, StoryMention>, b: ReadonlyMap<string, StoryMention>, frequencies: KeyFrequencies | null): { score: number; shared: string[] } {
  const weight = (m: StoryMention): number => rarity(m, frequencies) * (1 + Math.log(m.count));
  let dot = 0;
  let na = 0;
  let nb = 0;
  const shared: Array<[string, number]> = [];
  for (const m of a.values()) {
    const wa = weight(m);
    na += wa * wa;
    const other = b.get(m.key);
    if (!other) continue;
    const wb = weight(other);
    dot += wa * wb;
    if (wa * wb > 0 && !shared.some(([name]) => name === m.name)) shared.push([m.name, wa * wb]);
  }
  for (const m of b.values()) nb += weight(m) ** 2;
  // Note: a plain cosine is 1 for two stories whose only place is the United States; a story's norm counts as
  // at least that of one key of weight MIN_NORM, so that sharing only common things stays weak.
  const floor = MIN_NORM * MIN_NORM;
  const score = na === 0 || nb === 0 ? 0 : dot / Math.sqrt(Math.max(na, floor) * Math.max(nb, floor));
  return { score, shared: shared.sort((x, y) => y[1] - x[1]).slice(0, 4).map(([name]) => name) };
}

/**
 * 1 for two days the same, falling to 0 past `dayWindow` days; half as much when one of the two has no year
 * (the same month and day); -1 when the stories' own dates are more than `farApart` days apart.
 */
function dateCloseness(a: StoryFeatures, b: StoryFeatures, o: RelatedOptions): { score: number; reason: string | null } {
  if (a.anchor !== null && b.anchor !== null && Math.abs(a.anchor - b.anchor) > o.farApart) {
    return { score: -1, reason: `dates ${Math.abs(a.anchor - b.anchor)} days apart` };
  }
  let best = 0;
  let shown: StoryDay | null = null;
  for (const x of a.days) {
    for (const y of b.days) {
      const c = closeness(x, y, o.dayWindow);
      if (c > best) [best, shown] = [c, x.year === null ? y : x];
    }
  }
  return { score: best, reason: shown ? `dates close: ${dayText(shown)}` : null };
}

function closeness(x: StoryDay, y: StoryDay, window: number): number {
  if (x.year !== null && y.year !== null) {
    const apart = Math.abs(dayNumber(x) - dayNumber(y));
    return apart > window ? 0 : 1 - apart / (window + 1);
  }
  return x.month === y.month && x.day === y.day ? 0.5 : 0;
}

function dayText(d: StoryDay): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.year ?? 'XXXX'}-${pad(d.month)}-${pad(d.day)}`;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): { score: number; shared: string[] } {
  const shared = [...a].filter((x) => b.has(x)).sort();
  const union = a.size + b.size - shared.length;
  return { score: union === 0 ? 0 : shared.length / union, shared };
}

/** Actors (and places) per story that its lookup keys are made of. */
const KEY_ACTORS = 4;
/** Below this type prior an actor makes no key (a country, a nationality). */
const KEY_MIN_PRIOR = 1;

/**
 * Lookup keys for related candidates, so that the store finds them by key, not by a scan: the few actors and
 * places the story names most (persons and organisations before places; no country or nationality), each with
 * the story's week and the next (two stories at most a week apart share one), or alone when it has no date.
 */
export function relatedKeys(doc: RelatedInput): string[] {
  const f = featuresOf(doc);
  // Note: the type prior ranks, not the document frequency: the rarest keys of a story are mostly recogniser noise named once.
  const ranked = [...f.actors.values(), ...f.places.values()]
    .filter((m) => m.prior >= KEY_MIN_PRIOR)
    .sort((x, y) => y.prior * (1 + Math.log(y.count)) - x.prior * (1 + Math.log(x.count)) || (x.key < y.key ? -1 : 1))
    .slice(0, KEY_ACTORS);
  if (f.anchor === null) return ranked.map((m) => m.key);
  const week = Math.floor(f.anchor / 7);
  return ranked.flatMap((m) => [`${m.key}@${week}`, `${m.key}@${week + 1}`]);
}
