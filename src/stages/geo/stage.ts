import type { Stage } from '../../pipeline/stage.js';
import { defaultResources, type Resources } from '../../pipeline/resources.js';
import type { Gazetteer } from './gazetteer-file.js';
import { articleEvidence, resolvePlaces } from './places.js';
import { secondLook } from './second-look.js';

/** What the geo stage loads once per process: the gazetteer. */
export interface GeoResources {
  readonly gazetteer: Gazetteer;
}

/** The gazetteer, from the shared resources (the process-wide ones by default). */
export function loadGeoResources(resources: Resources = defaultResources()): GeoResources {
  return { gazetteer: resources.derived('geo:cached-gazetteer', () => cachedLookups(resources.gazetteer())) };
}

/**
 * The gazetteer with its lookups remembered (a name is looked up several times per article: for the evidence,
 * for itself, as a container, by the second look). Note: the memory is bounded; past it, it starts afresh.
 */
export function cachedLookups(gazetteer: Gazetteer, limit = 50_000): Gazetteer {
  const seen = new Map<string, readonly number[]>();
  return {
    ...gazetteer,
    lookup(key) {
      let found = seen.get(key);
      if (found === undefined) {
        if (seen.size >= limit) seen.clear();
        found = gazetteer.lookup(key);
        seen.set(key, found);
      }
      return found;
    },
  };
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
    // Note: the article's evidence is gathered once, for the entities and the second look alike.
    const evidence = articleEvidence(gazetteer, input);
    const { places, messages } = resolvePlaces(gazetteer, input, evidence);
    const missed = secondLook(gazetteer, input, article.layers.tokens ?? [], article.layers.sentences ?? [], evidence.all);
    return { layers: { places: [...places, ...missed] }, messages };
  },
};
