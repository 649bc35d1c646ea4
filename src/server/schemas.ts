/** JSON Schemas shared by the routes. */
export const summarySchema = {
  type: 'object',
  required: ['id', 'headline', 'outlet', 'published', 'url', 'source'],
  properties: {
    id: { type: 'string' },
    headline: { type: ['string', 'null'] },
    outlet: { type: ['string', 'null'] },
    published: { type: ['string', 'null'] },
    url: { type: ['string', 'null'] },
    source: { type: 'string' },
  },
} as const;

/** Query string of a paged list. */
export const pageQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', maxLength: 100 },
  },
} as const;

/** The error body every route sends. */
export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
} as const;

/** Escapes text for HTML. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}
