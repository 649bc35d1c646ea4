import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { api, type EventMap, type MentionMap } from '../api.js';
import { loadCountries } from './base-map.js';
import { filterKey, filtersOf, type Filters } from '../filters.js';
import { useLoad, useWidth } from '../hooks.js';
import { href } from '../router.js';
import { eventLine, loaded } from './common.js';
import { FilterBar } from './filter-bar.js';
import { clusterPoints, clusterRadiusKm, type Cluster, type ScreenPoint } from './map-clusters.js';

const CELL = 26;

/** The member of a cluster that counts most. */
const largest = (c: Cluster): ScreenPoint => c.members.reduce((a, b) => (b.events > a.events ? b : a));
const pointKey = (p: { lat: number; lon: number }): string => `${p.lat},${p.lon}`;

type Layer = 'events' | 'mentions';
type MapPoint = Omit<ScreenPoint, 'x' | 'y'>;
type Chosen = { lat: number; lon: number; km: number; events: number };

/**
 * Where a query's events happened, or (`layer=mentions`) where its articles talk about: circles on a world map,
 * merged where dense; an events circle lists its events, a mentions circle opens the place named most there.
 */
export function MapView({ params: route }: { params: URLSearchParams }): VNode {
  const filters = filtersOf(route);
  const key = filterKey(filters);
  const layer: Layer = route.get('layer') === 'mentions' ? 'mentions' : 'events';
  const overview = useLoad('overview', () => api.overview());
  const outlets = overview.state === 'ok' ? overview.value.outlets.map((o) => o.outlet) : [];
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const tab = (to: Layer, label: string): VNode => (to === layer
    ? html`<strong aria-current="page">${label}</strong>`
    : html`<a href=${href(['map'], { ...filters, ...(to === 'mentions' ? { layer: 'mentions' } : {}) })}>${label}</a>`);
  return html`<section>
    <h2>${layer === 'events' ? 'Map of events' : 'Map of places mentioned'}</h2>
    <${FilterBar} path=${['map']} params=${route} filters=${filters} outlets=${outlets} />
    <p class="layers">${tab('events', 'Events')} · ${tab('mentions', 'Places mentioned')}</p>
    ${layer === 'events'
      ? html`<${EventsLayer} key=${key} filters=${filters} onChoose=${setChosen} />${chosen ? html`<${PlaceEvents} key=${`${chosen.lat},${chosen.lon},${chosen.km}:${key}`} at=${chosen} filters=${filters} />` : null}`
      : html`<${MentionsLayer} key=${key} filters=${filters} />`}
  </section>`;
}

function EventsLayer({ filters, onChoose }: { filters: Filters; onChoose: (at: Chosen) => void }): VNode {
  const map = useLoad(`map:${filterKey(filters)}`, () => api.map({ modes: 'all', ...filters }));
  const choose = (c: Cluster): void => {
    const top = largest(c);
    onChoose({ lat: top.lat, lon: top.lon, km: clusterRadiusKm(top, c.members), events: c.events });
  };
  return html`<p class="muted">Each circle is where events happened (their place, or the dateline's when the sentence names none); its size is their number. Choose one to list them.</p>
    <${MapFrame} data=${map} points=${(m: EventMap) => m.points} label=${(c: Cluster) => `${c.events} ${c.events === 1 ? 'event' : 'events'}`} onChoose=${choose} />
    ${loaded(map, (m) => (m.unplaced > 0 ? html`<p class="muted">${m.unplaced} ${m.unplaced === 1 ? 'event has' : 'events have'} no place on the map.</p>` : null))}`;
}

function MentionsLayer({ filters }: { filters: Filters }): VNode {
  const map = useLoad(`mentions-map:${filterKey(filters)}`, () => api.mentionMap(filters));
  const at = new Map(map.state === 'ok' ? map.value.points.map((p) => [pointKey(p), p] as const) : []);
  const topOf = (c: Cluster): MentionMap['points'][number] | undefined => at.get(pointKey(largest(c)));
  return html`<p class="muted">Each circle is where the articles talk about: the places they name, each at its own point; its size is how often. Choose one to open the place named most there, with its facts and their sentences.</p>
    <${MapFrame} data=${map} points=${(m: MentionMap) => m.points.map((p) => ({ lat: p.lat, lon: p.lon, events: p.mentions, cooperation: 0, conflict: 0 }))}
      label=${(c: Cluster) => { const top = topOf(c); return `${c.events} ${c.events === 1 ? 'mention' : 'mentions'}${top ? `, most of ${top.text}` : ''}`; }}
      onChoose=${(c: Cluster) => { const top = topOf(c); if (top) location.hash = href(['entity', top.entity.id]); }} />`;
}

/** The map's frame: waits for its points and the base map, then draws them at the frame's width. */
function MapFrame<T>({ data, points, label, onChoose }: { data: ReturnType<typeof useLoad<T>>; points: (d: T) => MapPoint[]; label: (c: Cluster) => string; onChoose: (c: Cluster) => void }): VNode {
  const countries = useLoad('map:countries', loadCountries);
  const [ref, width] = useWidth<HTMLDivElement>();
  return html`<div class="map" ref=${ref}>
    ${loaded(data, (d) => (width > 0 && countries.state === 'ok' ? html`<${WorldMap} width=${width} points=${points(d)} countries=${countries.value} label=${label} onChoose=${onChoose} />` : html`<p class="muted">Loading the map…</p>`))}
  </div>`;
}

function WorldMap({ width, points: given, countries, label, onChoose }: { width: number; points: MapPoint[]; countries: GeoPermissibleObjects; label: (c: Cluster) => string; onChoose: (c: Cluster) => void }): VNode {
  const height = Math.round(width * 0.52);
  const projection = geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
  const path = geoPath(projection);
  const points = given.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [{ ...p, x: xy[0], y: xy[1] }] : [];
  });
  const clusters = clusterPoints(points, CELL);
  const biggest = Math.max(1, ...clusters.map((c) => c.events));
  return html`<svg width=${width} height=${height} role="img" aria-label=${`World map with ${clusters.length} places`}>
    <path class="sphere" d=${path({ type: 'Sphere' }) ?? ''} />
    <path class="land" d=${path(countries) ?? ''} />
    ${clusters.map((c) => {
      const r = 4 + 14 * Math.sqrt(c.events / biggest);
      const kind = c.conflict > c.cooperation ? 'conflict' : c.cooperation > c.conflict ? 'cooperation' : 'neutral';
      const said = label(c);
      return html`<circle class=${`place ${kind}`} cx=${c.x.toFixed(1)} cy=${c.y.toFixed(1)} r=${r.toFixed(1)} tabindex="0" role="button"
        aria-label=${said} onClick=${() => onChoose(c)} onKeyDown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && onChoose(c)}><title>${said}</title></circle>`;
    })}
  </svg>`;
}

function PlaceEvents({ at, filters }: { at: Chosen; filters: Filters }): VNode {
  const events = useLoad(`map-events:${at.lat},${at.lon},${at.km}:${filterKey(filters)}`, () => api.events({ modes: 'all', ...filters, near: `${at.lat},${at.lon}`, km: at.km }));
  return html`<section class="place-events">
    <h3>Events within ${at.km} km of ${at.lat.toFixed(2)}, ${at.lon.toFixed(2)}</h3>
    ${loaded(events, (page) => (page.items.length === 0 ? html`<p class="muted">No events.</p>` : html`<ul class="events">${page.items.map(eventLine)}</ul>`))}
  </section>`;
}
