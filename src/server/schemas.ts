/** JSON Schemas shared by the routes. */
export const summarySchema = {
  type: 'object',
  required: ['id', 'headline', 'outlet', 'published', 'url'],
  // Note: no `source`: the name the article was read from is a path on the server's disk, which is not the client's business.
  properties: {
    id: { type: 'string' },
    headline: { type: ['string', 'null'] },
    outlet: { type: ['string', 'null'] },
    published: { type: ['string', 'null'] },
    url: { type: ['string', 'null'] },
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

/** A page of a list: its items and the cursor of the next page (null on the last). */
export const pageOf = <T extends object>(items: T) => ({ type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items }, nextCursor: { type: ['string', 'null'] } } }) as const;

/** An article id (or a unique prefix) in a path: any id no article has is a 404, not a 400. */
export const articleIdSchema = { type: 'string', minLength: 1, maxLength: 64 } as const;

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

/** A global entity. */
export const entitySchema = {
  type: 'object',
  required: ['id', 'type', 'name', 'wikidata', 'country', 'cameo', 'mentions', 'articles', 'stories', 'copies'],
  properties: {
    id: { type: 'integer' },
    type: { type: 'string' },
    name: { type: 'string' },
    wikidata: { type: ['string', 'null'] },
    country: { type: ['string', 'null'] },
    cameo: { type: ['string', 'null'] },
    mentions: { type: 'integer' },
    articles: { type: 'integer' },
    stories: { type: 'integer' },
    copies: { type: 'integer' },
  },
} as const;

/** The `count` query parameter: count stories (each story once, the default) or copies (each publication). */
export const countQuerySchema = { type: 'string', enum: ['stories', 'copies'], default: 'stories' } as const;

/** The counts of the fact a quote or event is an occurrence of (see `FactCounts`). */
const factProperties = {
  fact: { type: ['integer', 'null'] },
  copies: { type: 'integer' },
  outlets: { type: 'integer' },
  sources: { type: 'integer' },
  occurrences: {
    type: 'array',
    items: {
      type: 'object',
      required: ['article', 'row', 'copies', 'outlets'],
      properties: { article: { type: 'string' }, row: { type: 'integer' }, copies: { type: 'integer' }, outlets: { type: 'array', items: { type: 'string' } } },
    },
  },
} as const;
const factRequired = ['fact', 'copies', 'outlets', 'sources', 'occurrences'] as const;

/** Where a fact came from: article, sentence and span. */
export const sourceRefSchema = {
  type: 'object',
  required: ['article', 'headline', 'published', 'sentence', 'start', 'end'],
  properties: {
    article: { type: 'string' },
    headline: { type: ['string', 'null'] },
    published: { type: ['string', 'null'] },
    sentence: { type: 'integer' },
    start: { type: 'integer' },
    end: { type: 'integer' },
  },
} as const;

/** A stored quote. */
export const quoteSchema = {
  type: 'object',
  required: ['id', 'speaker', 'speakerText', 'kind', 'cue', 'content', 'date', 'source', ...factRequired],
  properties: {
    id: { type: 'integer' },
    speaker: { type: ['integer', 'null'] },
    speakerText: { type: ['string', 'null'] },
    kind: { type: 'string' },
    cue: { type: 'string' },
    content: { type: 'string' },
    date: { type: ['string', 'null'] },
    source: sourceRefSchema,
    ...factProperties,
  },
} as const;

const eventActorSchema = {
  type: 'object',
  required: ['entity', 'name', 'code', 'country', 'text'],
  properties: { entity: { type: ['integer', 'null'] }, name: { type: ['string', 'null'] }, code: { type: 'string' }, country: { type: ['string', 'null'] }, text: { type: 'string' } },
} as const;

/** Who reports an event known only from a quote (see `EventReporterRow`). */
const eventReporterSchema = {
  type: ['object', 'null'],
  required: ['name', 'entity'],
  properties: { name: { type: 'string' }, entity: { type: ['integer', 'null'] } },
} as const;

/** The quote an event is known from (see `EventQuoteRef`). */
const eventQuoteSchema = {
  type: ['object', 'null'],
  required: ['id', 'kind', 'speaker', 'speakerText', 'channels', 'start', 'end'],
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string' },
    speaker: { type: ['integer', 'null'] },
    speakerText: { type: ['string', 'null'] },
    channels: { type: 'array', items: { type: 'string' } },
    start: { type: 'integer' },
    end: { type: 'integer' },
  },
} as const;

/** A stored event. */
export const eventSchema = {
  type: 'object',
  required: ['id', 'cameo', 'plover', 'quad', 'mode', 'date', 'trigger', 'sourceActors', 'targetActors', 'source', 'confidence', 'reportedBy', 'quote', ...factRequired],
  properties: {
    id: { type: 'integer' },
    cameo: { type: 'string' },
    plover: { type: ['string', 'null'] },
    quad: { type: 'string' },
    mode: { type: 'string' },
    date: { type: ['string', 'null'] },
    trigger: { type: 'string' },
    sourceActors: { type: 'array', items: eventActorSchema },
    targetActors: { type: 'array', items: eventActorSchema },
    source: sourceRefSchema,
    confidence: { type: 'number' },
    reportedBy: eventReporterSchema,
    quote: eventQuoteSchema,
    ...factProperties,
  },
} as const;

const nullableString = { type: ['string', 'null'] } as const;

/** A line of the stories list. */
export const storySummarySchema = {
  type: 'object',
  required: ['id', 'originator', 'first', 'headline', 'published', 'copies', 'articles', 'related'],
  properties: {
    id: { type: 'integer' },
    originator: nullableString,
    first: nullableString,
    headline: nullableString,
    published: nullableString,
    copies: { type: 'integer' },
    articles: { type: 'integer' },
    related: { type: 'array', items: { type: 'integer' } },
  },
} as const;

/** A related story (same event, other agencies) with its score and what it was decided on. */
const relatedStorySchema = {
  type: 'object',
  required: ['id', 'headline', 'originator', 'score', 'reasons'],
  properties: {
    id: { type: 'integer' },
    headline: nullableString,
    originator: nullableString,
    score: { type: 'number' },
    reasons: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** One step of a paragraph diff. */
const diffOpSchema = {
  type: 'object',
  required: ['op'],
  properties: { op: { type: 'string', enum: ['same', 'cut', 'added', 'edited'] }, before: { type: 'string' }, after: { type: 'string' } },
} as const;

/** A copy in a story, with its diff against the closest earlier copy (`against`: that copy's index). */
export const storyCopySchema = {
  type: 'object',
  required: ['article', 'outlet', 'url', 'published', 'headline', 'role', 'against', 'diff'],
  properties: {
    article: { type: 'string' },
    outlet: nullableString,
    url: nullableString,
    published: nullableString,
    headline: nullableString,
    role: { type: 'string', enum: ['original', 'copy', 'version'] },
    against: { type: ['integer', 'null'] },
    diff: { type: 'array', items: diffOpSchema },
  },
} as const;

/** One story: its copies in time order, originator, first copy and related stories. */
export const storyDetailSchema = {
  type: 'object',
  required: ['id', 'originator', 'first', 'copies', 'related'],
  properties: {
    id: { type: 'integer' },
    originator: nullableString,
    first: nullableString,
    copies: { type: 'array', items: storyCopySchema },
    related: { type: 'array', items: relatedStorySchema },
  },
} as const;

/** What the corpus holds (see `CorpusOverview`). */
export const overviewSchema = {
  type: 'object',
  required: ['articles', 'copies', 'stories', 'outlets', 'outletCount', 'first', 'last', 'topEntities'],
  properties: {
    articles: { type: 'integer' },
    copies: { type: 'integer' },
    stories: { type: 'integer' },
    outlets: { type: 'array', items: { type: 'object', required: ['outlet', 'copies'], properties: { outlet: { type: 'string' }, copies: { type: 'integer' } } } },
    outletCount: { type: 'integer' },
    first: { type: ['string', 'null'] },
    last: { type: ['string', 'null'] },
    topEntities: { type: 'array', items: entitySchema },
  },
} as const;
