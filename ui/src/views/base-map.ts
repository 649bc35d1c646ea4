import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Natural Earth's countries at 1:110m from world-atlas, bundled and loaded only with the views that draw a map
 * (the map of events, a place's inset): no tile server.
 */
export const loadCountries = (): Promise<GeoPermissibleObjects> =>
  import('world-atlas/countries-110m.json').then((m) => {
    const topology = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection }>;
    return feature(topology, topology.objects.countries) as GeoPermissibleObjects;
  });
