import type { Stage } from '../../pipeline/stage.js';
import { indexActors } from './actors.js';
import { codeEvents } from './coder.js';
import { mergeActorDictionaries } from './dictionaries/actors.js';
import { mergeVerbDictionaries } from './dictionaries/verbs.js';
import type { EventOptions, EventResources } from './resources.js';

export type { EventOptions, EventResources } from './resources.js';

/** Builds the event stage for a set of options and user dictionaries. */
export function eventsStageWith(options: EventOptions = {}): Stage<EventResources> {
  return {
    name: 'events',
    requires: ['tokens', 'sentences', 'pos', 'entities', 'timexes', 'quotes'],
    assigns: ['events'],
    load(resources) {
      const lexicon = resources.eventLexicon();
      const userVerbs = options.verbs ?? [];
      const userActors = options.actors ?? [];
      // Note: without user dictionaries the merged built-in ones are the same for every pipeline, so they are made once.
      const verbs = options.replaceVerbs
        ? mergeVerbDictionaries(userVerbs)
        : userVerbs.length === 0 ? resources.derived('events:verbs', () => mergeVerbDictionaries([lexicon.verbs])) : mergeVerbDictionaries([lexicon.verbs, ...userVerbs]);
      // Note: with actorsOnly, the user's dictionaries are the only source of actors and agents (PETRARCH's way).
      const actors = !options.actorsOnly && userActors.length === 0
        ? resources.derived('events:actors', () => indexActors(mergeActorDictionaries([lexicon.actors])))
        : indexActors(mergeActorDictionaries([...(options.actorsOnly ? [] : [lexicon.actors]), ...userActors]));
      const typer = options.ploverTyper !== undefined ? options.ploverTyper : options.replaceVerbs ? null : resources.ploverTyper();
      const targets = options.targetRanker !== undefined ? options.targetRanker : options.actorsOnly ? null : resources.targetRanker();
      return { lexicon, verbs, actors, typer, targets, options };
    },
    run(article, resources) {
      const { meta } = article;
      return { layers: { events: codeEvents(article.text, article.layers, meta.published ?? meta.dateline?.date ?? null, meta.dateline, resources) } };
    },
  };
}

/** The event stage with the built-in dictionaries. */
export const eventsStage: Stage<EventResources> = eventsStageWith();
