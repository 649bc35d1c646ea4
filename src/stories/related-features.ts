/**
 * What relatedness compares of a story's `wiregraph/1` document: its actors and places by name or knowledge-base
 * id, the days it speaks of, and the kinds of event it codes.
 */
import type { Entity } from '../article/layers.js';
import type { WiregraphDoc } from '../output/wiregraph1.js';

/** One actor or place of a story: its key, a name to show, how much its type says, and how often it is named. */
export interface StoryMention {
  /** `Q30` for a linked entity, else `n:` and the normalised name (`n:lindsay lohan`). */
  readonly key: string;
  readonly name: string;
  /** A prior for how rare things of its kind are (a person says more than a country), used without frequencies. */
  readonly prior: number;
  /** Mentions in the story. */
  readonly count: number;
}

/** A day the story speaks of; `year` is null when the text gives none (`June 8`). */
export interface StoryDay {
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
}

/** The features relatedness compares. */
export interface StoryFeatures {
  readonly actors: ReadonlyMap<string, StoryMention>;
  readonly places: ReadonlyMap<string, StoryMention>;
  /** Days from the published date, the dateline, the time expressions and the events' dates. */
  readonly days: readonly StoryDay[];
  /** The story's own date: published, else the dateline's, else the first full date in its text; as days since 1970. */
  readonly anchor: number | null;
  /** CAMEO root codes (`19`) of the events it asserts. */
  readonly eventTypes: ReadonlySet<string>;
}

/** Type priors: a country or a nationality is shared by many stories, a named person by few. */
const PRIOR: Readonly<Record<Entity['type'], number>> = { PERSON: 3, ORG: 2, MISC: 1, NORP: 0.3, GPE: 1.5, LOC: 1.5 };
/** Prior of a place that is a whole country (its CAMEO code is its ISO code). */
const COUNTRY_PRIOR = 0.3;
const FULL_DAY = /^(\d{4}|XXXX)-(\d\d)-(\d\d)/;
/** Words that open a name without being part of it for matching (`the`, titles). */
const LEADING = /^(?:the|mr|mrs|ms|dr|president|sen|rep|gov|gen)\.?\s+/;

/** Longer names are recogniser errors, not names. */
const MAX_NAME_WORDS = 5;

const cache = new WeakMap<WiregraphDoc, StoryFeatures>();

/** The features of a story's document (computed once per document object). */
export function storyFeatures(doc: WiregraphDoc): StoryFeatures {
  const known = cache.get(doc);
  if (known) return known;
  const actors = new Map<string, StoryMention>();
  const places = new Map<string, StoryMention>();
  for (const e of doc.entities) {
    const isPlace = e.type === 'GPE' || e.type === 'LOC';
    const prior = isPlace && e.links.country && e.links.cameo === e.links.country ? COUNTRY_PRIOR : PRIOR[e.type];
    const names = e.mentions.filter((m) => m.kind === 'name').length || 1;
    for (const key of entityKeys(e)) add(isPlace ? places : actors, { key, name: e.name, prior, count: names });
  }
  for (const ev of doc.events) {
    if (ev.place && !ev.place.entity) for (const key of nameKeys(ev.place.text, false)) add(places, { key, name: ev.place.text, prior: PRIOR.GPE, count: 1 });
  }
  if (doc.meta.dateline) for (const key of nameKeys(doc.meta.dateline.place, false)) add(places, { key, name: doc.meta.dateline.place, prior: PRIOR.GPE, count: 1 });
  const days = storyDays(doc);
  const features: StoryFeatures = { actors, places, days, anchor: anchorOf(days), eventTypes: eventTypesOf(doc) };
  cache.set(doc, features);
  return features;
}

function add(into: Map<string, StoryMention>, m: StoryMention): void {
  const had = into.get(m.key);
  into.set(m.key, had ? { ...had, prior: Math.max(had.prior, m.prior), count: had.count + m.count } : m);
}

/** The keys of an entity: its Wikidata id when linked, else its normalised name (and a person's surname). */
function entityKeys(e: Entity): string[] {
  if (e.links.wikidata) return [e.links.wikidata];
  return nameKeys(e.name, e.type === 'PERSON');
}

/** A name's keys: `n:` and the lower-cased name without a leading article or title; a person's surname too. */
export function nameKeys(name: string, person: boolean): string[] {
  const plain = name.toLowerCase().replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(LEADING, '');
  const words = plain.split(' ');
  // Note: a "name" of more than five words is a headline or clause the recogniser took whole; it matches nothing.
  if (plain.length < 2 || words.length > MAX_NAME_WORDS) return [];
  const keys = [`n:${plain}`];
  // Note: "Lohan" in one story and "Lindsay Lohan" in another are one person; a surname of two letters says too little.
  if (person && words.length > 1 && words[words.length - 1]!.length > 2) keys.push(`n:${words[words.length - 1]}`);
  return keys;
}

function storyDays(doc: WiregraphDoc): StoryDay[] {
  const values = [doc.meta.published, doc.meta.dateline?.date ?? null, ...doc.timexes.filter((t) => t.type === 'DATE').map((t) => t.value), ...doc.events.map((e) => e.date)];
  const days: StoryDay[] = [];
  for (const v of values) {
    const m = v ? FULL_DAY.exec(v) : null;
    if (m) days.push({ year: m[1] === 'XXXX' ? null : Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  }
  return days;
}

/** Published first, then the dateline's date, then the text's dates: the first with a year. */
function anchorOf(days: readonly StoryDay[]): number | null {
  const first = days.find((d) => d.year !== null);
  return first ? dayNumber(first) : null;
}

/** Days since 1970-01-01 of a day with a year. */
export function dayNumber(d: StoryDay): number {
  return Math.floor(Date.UTC(d.year ?? 1970, d.month - 1, d.day) / 86_400_000);
}

function eventTypesOf(doc: WiregraphDoc): Set<string> {
  return new Set(doc.events.filter((e) => e.mode === 'asserted').map((e) => e.cameo.slice(0, 2)));
}
