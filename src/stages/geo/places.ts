import type { Entity, Message, Place, PlaceMention } from '../../article/layers.js';
import type { Dateline } from '../../article/meta.js';
import type { Gazetteer } from './gazetteer-file.js';
import { addEvidence, containerAfter, nameKeys, noEvidence, pointOf, resolveName, type Evidence, type Resolution } from './resolve.js';

/** What the place resolver reads of an article. */
export interface PlaceInput {
  readonly text: string;
  readonly entities: readonly Entity[];
  readonly dateline: Dateline | null;
}

const isPlace = (e: Entity): boolean => e.type === 'GPE' || e.type === 'LOC';

/** The article's evidence, and what each entity gave to it (so that an entity is not its own evidence). */
export interface ArticleEvidence {
  readonly all: Evidence;
  readonly own: ReadonlyMap<string, ReadonlyArray<readonly [entry: number, weight: number]>>;
}

/**
 * The evidence an article gives about where it is, before any ambiguous name is resolved: the countries its
 * entities are linked to (a country name counts twice), the regions and unambiguous names it holds, and the
 * dateline's place (twice: a dateline says where the story was written).
 */
export function articleEvidence(gaz: Gazetteer, input: PlaceInput): ArticleEvidence {
  const all = noEvidence();
  const own = new Map<string, Array<readonly [number, number]>>();
  const give = (id: string, entry: number, weight: number): void => {
    addEvidence(all, gaz, entry, weight);
    const gave = own.get(id);
    if (gave) gave.push([entry, weight]);
    else own.set(id, [[entry, weight]]);
  };
  for (const e of input.entities) {
    if (e.links.country && (isPlace(e) || e.type === 'NORP')) {
      const entry = gaz.countryEntry(e.links.country);
      if (entry !== undefined) give(e.id, entry, e.type === 'GPE' && e.links.cameo === e.links.country ? 2 : 1);
    }
    if (!isPlace(e)) continue;
    for (const m of e.mentions) {
      if (m.kind !== 'name') continue;
      const found = plainEvidence(gaz, m.text, containerAfter(gaz, input.text, m.end));
      if (found !== null) give(e.id, found, 1);
    }
  }
  if (input.dateline) {
    const found = resolveName(gaz, input.dateline.region ?? input.dateline.place, noEvidence(), null);
    if (found.entry !== null) addEvidence(all, gaz, found.entry, 2);
  }
  return { all, own };
}

/**
 * What one name says without the article's other evidence: the one place of its name, a region of its name, or
 * (with a container) the container. Note: no scoring here, so gathering evidence costs a lookup per name.
 */
function plainEvidence(gaz: Gazetteer, name: string, within: number | null): number | null {
  if (within !== null) return within;
  const candidates = gaz.lookup(nameKeys(name)[0]!);
  if (candidates.length === 1) return candidates[0]!;
  return candidates.find((c) => gaz.kind(c) === 'region') ?? null;
}

/** The evidence less what one entity gave. */
function without(gaz: Gazetteer, evidence: ArticleEvidence, id: string): Evidence {
  const gave = evidence.own.get(id);
  if (!gave) return evidence.all;
  const rest: Evidence = { countries: new Map(evidence.all.countries), regions: new Map(evidence.all.regions) };
  for (const [entry, weight] of gave) addEvidence(rest, gaz, entry, -weight);
  for (const map of [rest.countries, rest.regions]) for (const [k, v] of map) if (v <= 1e-9) map.delete(k);
  return rest;
}

/** The entry of an entity that names a country the knowledge base linked (`country:KOR`, the metonymic `Seoul` too). */
function linkedCountry(gaz: Gazetteer, e: Entity): number | undefined {
  if (e.type !== 'GPE' || !e.links.country || e.links.cameo !== e.links.country) return undefined;
  return gaz.countryEntry(e.links.country);
}

/**
 * Resolves each GPE and LOC entity of an article to a place: a country entity to its country; any other to
 * the place most of its name mentions resolve to. A mention naming another place than its entity (the
 * capital `Seoul` standing for South Korea) keeps its own point. An entity with no point gets a message.
 */
export function resolvePlaces(gaz: Gazetteer, input: PlaceInput, evidence: ArticleEvidence = articleEvidence(gaz, input)): { places: Place[]; messages: Message[] } {
  const places: Place[] = [];
  const messages: Message[] = [];
  for (const e of input.entities.filter(isPlace)) {
    const names = e.mentions.filter((m) => m.kind === 'name');
    const others = without(gaz, evidence, e.id);
    // Note: an entity's mentions mostly repeat one name; each name and container is resolved once.
    const seen = new Map<string, Resolution>();
    const resolved = names.map((m) => {
      const within = containerAfter(gaz, input.text, m.end);
      const key = `${within ?? ''}|${m.text}`;
      let r = seen.get(key);
      if (r === undefined) seen.set(key, (r = resolveName(gaz, m.text, others, within)));
      return { m, r };
    });
    const byName = majority(resolved.map((x) => x.r));
    const country = linkedCountry(gaz, e);
    // Note: a name the knowledge base took for a country stays that country unless the article's other places put it elsewhere (`Georgia` beside Atlanta).
    const elsewhere = byName !== null && country !== undefined && byName.rule === 'context' && gaz.kind(byName.entry) !== 'country' && !others.countries.has(gaz.country(country));
    const chosen = country !== undefined && !elsewhere ? { entry: country, rule: 'country' } : byName;
    if (!chosen) {
      const first = resolved[0] ?? { m: e.mentions[0]!, r: { entry: null, reason: 'unknown' as const } };
      const reason = first.r.entry === null ? first.r.reason : 'unknown';
      messages.push({ source: 'geo', rule: `place-${reason}`, text: `"${e.name}" (${e.id}) is not placed: ${REASONS[reason]}.`, start: first.m.start, end: first.m.end });
      continue;
    }
    const mentions: PlaceMention[] = resolved
      .filter((x): x is { m: typeof x.m; r: { entry: number; rule: string } } => x.r.entry !== null && x.r.entry !== chosen.entry)
      .map((x) => ({ start: x.m.start, end: x.m.end, text: x.m.text, geo: pointOf(gaz, x.r.entry) }));
    places.push({ entity: e.id, geo: pointOf(gaz, chosen.entry), mentions, rule: chosen.rule });
  }
  return { places, messages };
}

const REASONS = {
  unknown: 'the gazetteer has no place of that name',
  'common-word': 'the name is also a common word and nothing else in the article places it',
  'not-a-name': 'it is not written as a name',
} as const;

/** The entry most resolutions chose (the first of them on a tie), with its rule; null when none resolved. */
function majority(resolutions: readonly Resolution[]): { entry: number; rule: string } | null {
  const counts = new Map<number, { n: number; rule: string }>();
  for (const r of resolutions) {
    if (r.entry === null) continue;
    const held = counts.get(r.entry);
    counts.set(r.entry, { n: (held?.n ?? 0) + 1, rule: held?.rule ?? r.rule });
  }
  let best: { entry: number; rule: string } | null = null, most = 0;
  for (const [entry, { n, rule }] of counts) if (n > most) (best = { entry, rule }), (most = n);
  return best;
}
