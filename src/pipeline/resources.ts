import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../data-dir.js';
import { WiregraphError } from '../errors.js';
import { gazetteerTagger } from '../stages/entities/gazetteer.js';
import { decodeKnowledgeBase, type KnowledgeBase } from '../stages/entities/kb.js';
import { decodeClusters, type WordClusters } from '../stages/entities/ner/clusters.js';
import { decodeNerModel } from '../stages/entities/ner/model-file.js';
import type { NerModel } from '../stages/entities/ner/model.js';
import { readEventLexicon, type EventLexicon } from '../stages/events/lexicon.js';
import { decodePosModel, type PosModel } from '../stages/syntax/pos/model.js';
import { decodeParserModel } from '../stages/syntax/model-file.js';
import type { ParserModel } from '../stages/syntax/parser.js';
import { decodeTagger, type TaggerModel } from '../stages/quotes/tagger/model.js';
import { decodePloverModel } from '../stages/events/plover/model-file.js';
import { createPloverTyper, type PloverTyper } from '../stages/events/plover/typer.js';
import { decodeTargetModel, type TargetChooser } from '../stages/events/targets.js';
import { decodeGazetteer, type Gazetteer } from '../stages/geo/gazetteer-file.js';

/** The files under the data directory that resources are read from, by resource. */
export const RESOURCE_FILES = {
  knowledgeBase: 'kb.bin',
  recogniser: 'models/ner.weights',
  wordClusters: 'lexicon/clusters.tsv.gz',
  posTagger: 'models/pos.weights',
  parser: 'models/parser.tables',
  attributionTagger: 'models/attribution.weights',
  eventLexicon: 'events/',
  ploverTyper: 'events/plover/plover.weights',
  targetRanker: 'events/targets.json',
  gazetteer: 'geo/gazetteer.bin.gz',
} as const;

/** A resource's name. */
export type ResourceName = keyof typeof RESOURCE_FILES;

/**
 * The knowledge base, the models and the dictionaries, read from one data directory, each the first time a
 * stage asks for it and never again: a run without events never reads the part-of-speech model. Stages get
 * these in `load` and derive their own indexes from them (a user's actors, say); they read no file themselves.
 */
export interface Resources {
  /** The folder the files are read from. */
  readonly dataDir: string;
  knowledgeBase(): KnowledgeBase;
  /** The entity recogniser, with the knowledge base's gazetteer and the word clusters as its feature lexicons. */
  recogniser(): NerModel;
  /** The recogniser's word clusters, learned from unlabelled news. */
  wordClusters(): WordClusters;
  posTagger(): PosModel;
  /** The dependency parser of the syntax stage. */
  parser(): ParserModel;
  attributionTagger(): TaggerModel;
  eventLexicon(): EventLexicon;
  /** The learned PLOVER typer, over the event lexicon's CAMEO-to-PLOVER table. */
  ploverTyper(): PloverTyper;
  /** The learned ranker that chooses an event's target among those the parse offers. */
  targetRanker(): TargetChooser;
  /** Countries, regions, areas and cities with their points, for the geo stage. */
  gazetteer(): Gazetteer;
  /**
   * Something a stage derives from the resources and that does not depend on its options (the built-in verb
   * dictionary merged, say), made once per resources object under `key`.
   */
  derived<T>(key: string, make: () => T): T;
  /** How many times each resource has been read from disk (each is read at most once). */
  readonly loads: Readonly<Record<ResourceName, number>>;
}

/**
 * Resources read lazily from `dataDir`.
 * @param dataDir - a folder laid out like the package's `data/` (the default)
 */
export function createResources(dataDir: string = defaultDataDir()): Resources {
  const loads: Record<ResourceName, number> = { knowledgeBase: 0, recogniser: 0, wordClusters: 0, posTagger: 0, parser: 0, attributionTagger: 0, eventLexicon: 0, ploverTyper: 0, targetRanker: 0, gazetteer: 0 };
  const cache = new Map<string, unknown>();
  const once = <T>(name: ResourceName, make: () => T): T => {
    if (!cache.has(name)) {
      loads[name]++;
      cache.set(name, make());
    }
    return cache.get(name) as T;
  };
  const read = (relative: string): Buffer => {
    const path = join(dataDir, relative);
    try {
      return readFileSync(path);
    } catch (e) {
      throw new WiregraphError('WG_MODEL_FORMAT', `${path} cannot be read (${(e as Error).message}); the data directory must hold wiregraph's data files.`);
    }
  };
  const resources: Resources = {
    dataDir,
    knowledgeBase: () => once('knowledgeBase', () => decodeKnowledgeBase(read(RESOURCE_FILES.knowledgeBase), RESOURCE_FILES.knowledgeBase)),
    recogniser: () => once('recogniser', () => decodeNerModel(read(RESOURCE_FILES.recogniser), RESOURCE_FILES.recogniser, gazetteerTagger(resources.knowledgeBase().gazetteer), resources.wordClusters())),
    wordClusters: () => once('wordClusters', () => decodeClusters(read(RESOURCE_FILES.wordClusters), RESOURCE_FILES.wordClusters)),
    posTagger: () => once('posTagger', () => decodePosModel(read(RESOURCE_FILES.posTagger), RESOURCE_FILES.posTagger)),
    parser: () => once('parser', () => decodeParserModel(read(RESOURCE_FILES.parser), RESOURCE_FILES.parser)),
    attributionTagger: () => once('attributionTagger', () => decodeTagger(read(RESOURCE_FILES.attributionTagger), RESOURCE_FILES.attributionTagger)),
    eventLexicon: () => once('eventLexicon', () => readEventLexicon((name) => read(join(RESOURCE_FILES.eventLexicon, name)))),
    ploverTyper: () => once('ploverTyper', () => createPloverTyper(decodePloverModel(read(RESOURCE_FILES.ploverTyper), RESOURCE_FILES.ploverTyper), resources.eventLexicon().plover, resources.wordClusters())),
    targetRanker: () => once('targetRanker', () => decodeTargetModel(read(RESOURCE_FILES.targetRanker), RESOURCE_FILES.targetRanker)),
    gazetteer: () => once('gazetteer', () => decodeGazetteer(read(RESOURCE_FILES.gazetteer), RESOURCE_FILES.gazetteer)),
    derived<T>(key: string, make: () => T): T {
      const at = `derived:${key}`;
      if (!cache.has(at)) cache.set(at, make());
      return cache.get(at) as T;
    },
    loads,
  };
  return resources;
}

let shared: Resources | null = null;

/** The process-wide resources, read from the package's `data/`. */
export function defaultResources(): Resources {
  shared ??= createResources();
  return shared;
}
