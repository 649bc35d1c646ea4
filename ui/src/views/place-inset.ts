import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { geoCircle, geoNaturalEarth1, geoPath } from 'd3-geo';
import { api, type Profile } from '../api.js';
import { useLoad } from '../hooks.js';
import { loadCountries } from './base-map.js';
import { eventLine, loaded } from './common.js';

type Point = NonNullable<Profile['place']>;

// Note: how much of the world around the point the inset shows, in degrees: a country's neighbours, a city's region.
const SPAN: Record<Point['kind'], number> = { country: 22, region: 12, city: 7, place: 5 };
const WIDTH = 320;
const HEIGHT = 190;
// Note: the radius within which the events "here" are listed, by kind of place.
const NEAR_KM: Record<Point['kind'], number> = { country: 400, region: 150, city: 40, place: 25 };

/** Degrees as a reader writes them: `37.57° N, 126.98° E`. */
export function degrees(p: { lat: number; lon: number }): string {
  return `${Math.abs(p.lat).toFixed(2)}° ${p.lat >= 0 ? 'N' : 'S'}, ${Math.abs(p.lon).toFixed(2)}° ${p.lon >= 0 ? 'E' : 'W'}`;
}

/**
 * Where a place is: its point on a small offline map of its surroundings, its coordinates, kind and gazetteer id,
 * and the events that happened within reach of it (their place, or their dateline's).
 */
export function PlaceInset({ place }: { place: Point }): VNode {
  const countries = useLoad('map:countries', loadCountries);
  const km = NEAR_KM[place.kind];
  const events = useLoad(`place-events:${place.lat},${place.lon},${km}`, () => api.events({ modes: 'all', near: `${place.lat},${place.lon}`, km }));
  const around = geoCircle().center([place.lon, place.lat]).radius(SPAN[place.kind])();
  const projection = geoNaturalEarth1().rotate([-place.lon, 0]).fitSize([WIDTH, HEIGHT], around);
  const path = geoPath(projection);
  const xy = projection([place.lon, place.lat]);
  return html`<div class="place-inset">
    <div class="map">
      <svg width=${WIDTH} height=${HEIGHT} role="img" aria-label=${`Map: ${place.name} at ${degrees(place)}`}>
        <rect class="sphere" width=${WIDTH} height=${HEIGHT} />
        ${countries.state === 'ok' ? html`<path class="land" d=${path(countries.value) ?? ''} />` : null}
        ${xy ? html`<circle class="here" cx=${xy[0].toFixed(1)} cy=${xy[1].toFixed(1)} r="6"><title>${place.name}</title></circle>` : null}
      </svg>
    </div>
    <p class="muted">${place.name}: ${degrees(place)} · ${place.kind}${place.country ? ` in ${place.country}` : ''} · ${place.id}</p>
    <h3>Events within ${km} km</h3>
    ${loaded(events, (page) => (page.items.length === 0 ? html`<p class="muted">None.</p>` : html`<ul class="events">${page.items.map(eventLine)}</ul>`))}
  </div>`;
}
