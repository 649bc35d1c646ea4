/**
 * The JSON Schemas of the routes: the responses are the contract's shapes (src/contract), made JSON Schema once;
 * the query and path parameters are declared here.
 */
import {
  articleEntitiesShape, articlePageShape, corpusOverviewShape, errorShape, globalEntityShape, jsonSchema, networkShape, pageShape, profileShape, quoteShape,
  searchHitShape, eventMapShape, mentionMapShape, storedEventShape, storyDetailShape, storyPageShape, timelineShape, undoneMergeShape,
} from '../contract/index.js';

/** Query string of a paged list. */
export const pageQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', maxLength: 100 },
  },
} as const;

/** An article id (or a unique prefix) in a path: any id no article has is a 404, not a 400. */
export const articleIdSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;

/** The `count` query parameter: count stories (each story once, the default) or copies (each publication). */
export const countQuerySchema = { type: 'string', enum: ['stories', 'copies'], default: 'stories' } as const;

/** Escapes text for HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** The response of each route, from the contract. */
export const responses = {
  error: jsonSchema(errorShape),
  articlePage: jsonSchema(articlePageShape),
  searchPage: jsonSchema(pageShape(searchHitShape)),
  overview: jsonSchema(corpusOverviewShape),
  entityPage: jsonSchema(pageShape(globalEntityShape)),
  profile: jsonSchema(profileShape),
  articleEntities: jsonSchema(articleEntitiesShape),
  undoneMerge: jsonSchema(undoneMergeShape),
  quotePage: jsonSchema(pageShape(quoteShape)),
  eventPage: jsonSchema(pageShape(storedEventShape)),
  network: jsonSchema(networkShape),
  timeline: jsonSchema(timelineShape),
  eventMap: jsonSchema(eventMapShape),
  mentionMap: jsonSchema(mentionMapShape),
  storyPage: jsonSchema(storyPageShape),
  storyDetail: jsonSchema(storyDetailShape),
} as const;

/** The error body every route sends. */
export const errorSchema = responses.error;
