/**
 * The API's contract: every response shape declared once (zod), from which the routes take their JSON Schemas,
 * the store its row types and the web UI its types. The UI imports nothing else of `src/`.
 */
export * from './articles.js';
export * from './facts.js';
export { jsonSchema, type DeepReadonly, type JsonSchema, type Shape } from './shape.js';
