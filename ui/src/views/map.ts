import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { api, type EventMap } from '../api.js';
import { loadCountries } from './base-map.js';
import { filterKey, filtersOf } from '../filters.js';
import { useLoad, useWidth } from '../hooks.js';
import { eventLine, loaded } from './common.js';
import { FilterBar } from './filter-bar.js';
import { clusterPoints, clusterRadiusKm, type Cluster } from './map-clusters.js';

const CELL = 26;

/** Where a query's events happened: circles on a world map, merged where dense, each opening its events. */
export function MapView({ params: route }: { params: URLSearchParams }): VNode {
  const filters = filtersOf(route);
  const key = filterKey(filters);
  const map = useLoad(`map:${key}`, () => api.map({ modes: 'all', ...filters }));
  const countries = useLoad('map:countries', loadCountries);
  const overview = useLoad('overview', () => api.overview());
  const outlets = overview.state === 'ok' ? overview.value.outlets.map((o) => o.outlet) : [];
  const [ref, width] = useWidth<HTMLDivElement>();
  const [chosen, setChosen] = useState<{ lat: number; lon: number; km: number; events: number } | null>(null);
  return html`<section>
    <h2>Map of events</h2>
    <${FilterBar} path=${['map']} params=${route} filters=${filters} outlets=${outlets} />
    <p class="muted">Each circle is where events happened (their place, or the dateline's when the sentence names none); its size is their number. Choose one to list them.</p>
    <div class="map" ref=${ref}>
      ${loaded(map, (m) => (width > 0 && countries.state === 'ok' ? html`<${WorldMap} width=${width} map=${m} countries=${countries.value} onChoose=${setChosen} />` : html`<p class="muted">Loading the map…</p>`))}
    </div>
    ${loaded(map, (m) => (m.unplaced > 0 ? html`<p class="muted">${m.unplaced} ${m.unplaced === 1 ? 'event has' : 'events have'} no place on the map.</p>` : null))}
    ${chosen ? html`<${PlaceEvents} key=${`${chosen.lat},${chosen.lon},${chosen.km}:${key}`} at=${chosen} filters=${filters} />` : null}
  </section>`;
}

function WorldMap({ width, map, countries, onChoose }: { width: number; map: EventMap; countries: GeoPermissibleObjects; onChoose: (at: { lat: number; lon: number; km: number; events: number }) => void }): VNode {
  const height = Math.round(width * 0.52);
  const projection = geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
  const path = geoPath(projection);
  const points = map.points.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [{ ...p, x: xy[0], y: xy[1] }] : [];
  });
  const clusters = clusterPoints(points, CELL);
  const biggest = Math.max(1, ...clusters.map((c) => c.events));
  const choose = (c: Cluster): void => {
    const top = c.members.reduce((a, b) => (b.events > a.events ? b : a));
    onChoose({ lat: top.lat, lon: top.lon, km: clusterRadiusKm(top, c.members), events: c.events });
  };
  return html`<svg width=${width} height=${height} role="img" aria-label=${`World map with ${clusters.length} places of events`}>
    <path class="sphere" d=${path({ type: 'Sphere' }) ?? ''} />
    <path class="land" d=${path(countries) ?? ''} />
    ${clusters.map((c) => {
      const r = 4 + 14 * Math.sqrt(c.events / biggest);
      const kind = c.conflict > c.cooperation ? 'conflict' : c.cooperation > c.conflict ? 'cooperation' : 'neutral';
      return html`<circle class=${`place ${kind}`} cx=${c.x.toFixed(1)} cy=${c.y.toFixed(1)} r=${r.toFixed(1)} tabindex="0" role="button"
        aria-label=${`${c.events} events here`} onClick=${() => choose(c)} onKeyDown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && choose(c)}><title>${c.events} ${c.events === 1 ? 'event' : 'events'}</title></circle>`;
    })}
  </svg>`;
}

function PlaceEvents({ at, filters }: { at: { lat: number; lon: number; km: number; events: number }; filters: ReturnType<typeof filtersOf> }): VNode {
  const events = useLoad(`map-events:${at.lat},${at.lon},${at.km}:${filterKey(filters)}`, () => api.events({ modes: 'all', ...filters, near: `${at.lat},${at.lon}`, km: at.km }));
  return html`<section class="place-events">
    <h3>Events within ${at.km} km of ${at.lat.toFixed(2)}, ${at.lon.toFixed(2)}</h3>
    ${loaded(events, (page) => (page.items.length === 0 ? html`<p class="muted">No events.</p>` : html`<ul class="events">${page.items.map(eventLine)}</ul>`))}
  </section>`;
}
