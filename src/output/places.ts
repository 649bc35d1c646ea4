import type { Entity, Event, GeoPoint, Mention, Place } from '../article/layers.js';
import type { Dateline } from '../article/meta.js';

/** A mention in `wiregraph/1`: with its own point where it names another place than its entity. */
export interface OutputMention extends Mention {
  readonly geo?: GeoPoint;
}

/** An entity in `wiregraph/1`: a GPE or LOC entity has `geo`, its point, or null when it is not placed. */
export interface OutputEntity extends Omit<Entity, 'mentions'> {
  readonly mentions: readonly OutputMention[];
  readonly geo?: GeoPoint | null;
}

/** An event's place in `wiregraph/1`: with its point, and `fallback: "dateline"` when the clause names none. */
export interface OutputPlace {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly entity: string | null;
  /** Absent when the geo stage did not run. */
  readonly geo?: GeoPoint | null;
  readonly fallback?: 'dateline';
}

/** An event in `wiregraph/1`. */
export interface OutputEvent extends Omit<Event, 'place'> {
  readonly place: OutputPlace | null;
}

/**
 * Folds the places layer into the entities: each GPE and LOC entity gets `geo` (null when unplaced), a mention
 * naming another place its own `geo`; a place name the recogniser missed becomes an entity of its own, after
 * the others (`E<n+1>`), typed GPE for a country, LOC otherwise.
 * @param places - null when the geo stage did not run: no entity gets `geo` then
 */
export function placedEntities(entities: readonly Entity[], places: readonly Place[] | null): OutputEntity[] {
  if (places === null) return [...entities];
  const byEntity = new Map(places.filter((p) => p.entity !== null).map((p) => [p.entity!, p]));
  const out: OutputEntity[] = entities.map((e) => {
    if (e.type !== 'GPE' && e.type !== 'LOC') return e;
    const place = byEntity.get(e.id);
    if (!place) return { ...e, geo: null };
    const own = new Map(place.mentions.map((m) => [`${m.start}:${m.end}`, m.geo]));
    const mentions = e.mentions.map((m) => {
      const geo = own.get(`${m.start}:${m.end}`);
      return geo ? { ...m, geo } : m;
    });
    return { ...e, mentions, geo: place.geo };
  });
  let n = entities.length;
  for (const p of places.filter((x) => x.entity === null)) {
    const qid = /^Q\d+$/u.test(p.geo.id) ? p.geo.id : null;
    out.push({
      id: `E${++n}`, type: p.geo.kind === 'country' ? 'GPE' : 'LOC', name: p.geo.name,
      links: { wikidata: qid, country: p.geo.country, cameo: p.geo.kind === 'country' ? p.geo.country : null }, role: null,
      mentions: p.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, kind: 'name' as const })), geo: p.geo,
    });
  }
  return out;
}

/**
 * Gives each event's place its point, and an event that names no place the dateline's place, marked
 * `fallback: "dateline"`, when the dateline's place is a placed entity.
 */
export function placedEvents(events: readonly Event[], entities: readonly OutputEntity[], dateline: Dateline | null, text: string): OutputEvent[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const fromDateline = dateline ? entities.find((e) => e.geo && e.mentions.some((m) => m.start >= dateline.start && m.end <= dateline.end)) : undefined;
  const datelineMention = fromDateline?.mentions.find((m) => dateline && m.start >= dateline.start && m.end <= dateline.end);
  return events.map((ev) => {
    if (ev.place) {
      const entity = ev.place.entity ? byId.get(ev.place.entity) : undefined;
      const own = entity?.mentions.find((m) => m.start === ev.place!.start && m.end === ev.place!.end)?.geo;
      return { ...ev, place: { ...ev.place, geo: own ?? entity?.geo ?? null } };
    }
    if (fromDateline && datelineMention) {
      return { ...ev, place: { start: datelineMention.start, end: datelineMention.end, text: text.slice(datelineMention.start, datelineMention.end), entity: fromDateline.id, geo: datelineMention.geo ?? fromDateline.geo ?? null, fallback: 'dateline' as const } };
    }
    return ev;
  });
}
