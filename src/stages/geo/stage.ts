import type { Stage } from '../../pipeline/stage.js';
import { defaultResources, type Resources } from '../../pipeline/resources.js';
import type { Gazetteer } from './gazetteer-file.js';
import { resolvePlaces } from './places.js';
import { secondLook } from './second-look.js';

/** What the geo stage loads once per process: the gazetteer. */
export interface GeoResources {
  readonly gazetteer: Gazetteer;
}

/** The gazetteer, from the shared resources (the process-wide ones by default). */
export function loadGeoResources(resources: Resources = defaultResources()): GeoResources {
  return { gazetteer: resources.gazetteer() };
}

/**
 * Places: each GPE and LOC entity resolved to a point through the gazetteer, with the article's own evidence
 * (its other places, its dateline, containment such as `Springfield, Ill.`), and the place names the
 * recogniser missed that the gazetteer knows as large places (the second look).
 */
export const geoStage: Stage<GeoResources> = {
  name: 'geo',
  requires: ['entities', 'tokens', 'sentences'],
  assigns: ['places'],
  load: loadGeoResources,
  run(article, { gazetteer }) {
    const entities = article.layers.entities ?? [];
    const input = { text: article.text, entities, dateline: article.meta.dateline };
    const { places, messages } = resolvePlaces(gazetteer, input);
    const missed = secondLook(gazetteer, input, article.layers.tokens ?? [], article.layers.sentences ?? []);
    return { layers: { places: [...places, ...missed] }, messages };
  },
};
