/** The API's shapes of articles, search hits, stories, the corpus overview, pages and errors. */
import { z } from 'zod';
import type { WiregraphDoc } from '../output/wiregraph1.js';
import { globalEntityShape } from './facts.js';
import type { Shape } from './shape.js';

const id = z.int();
const count = z.int().min(0);
const nullableString = z.string().nullable();

/** A page of a list: its items and the cursor of the next page (null on the last). */
export const pageShape = <T extends z.ZodType>(items: T) => z.object({ items: z.array(items), nextCursor: nullableString });
/** A page of results and the cursor for the next page (null on the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * A line of an article list.
 * Note: no `source`: the name the article was read from is a path on the server's disk, which is not the client's business.
 */
export const articleSummaryShape = z.object({ id: z.string(), headline: nullableString, outlet: nullableString, published: nullableString, url: nullableString });
/** A line of an article list. */
export type ArticleSummary = Shape<typeof articleSummaryShape>;

/** `GET /api/articles`: a page of articles, with how many articles are stored. */
export const articlePageShape = pageShape(articleSummaryShape).extend({ total: count });
/** A page of the article list. */
export type ArticlePage = Shape<typeof articlePageShape>;

/** A full-text hit: `snippet` marks matches with `[` and `]`, and `fragments` gives them as data. */
export const searchHitShape = articleSummaryShape.extend({
  snippet: z.string(),
  score: z.number(),
  fragments: z.array(z.object({ text: z.string(), match: z.boolean() })),
});
/** A full-text hit. */
export type SearchHit = Shape<typeof searchHitShape>;

/** An article's story, as the reader shows it ("copy 3 of 12, originated by AFP"); `position` is 1-based in time order. */
export const storyRefShape = z.object({ id, copies: count, originator: nullableString, position: count });
/** An article's story. */
export type StoryRef = Shape<typeof storyRefShape>;

/** A `wiregraph/1` document (see `schema/wiregraph-1.schema.json`), as `GET /api/articles/:id` sends it: with its story. */
export type Doc = WiregraphDoc & { readonly story: StoryRef | null };
export type { WiregraphDoc };

/** A line of the stories list: originator, first copy, copies and distinct texts, related stories. */
export const storySummaryShape = z.object({ id, originator: nullableString, first: nullableString, headline: nullableString, published: nullableString, copies: count, articles: count, related: z.array(id) });
/** A line of the stories list. */
export type StorySummary = Shape<typeof storySummaryShape>;

/** `GET /api/stories`: a page of stories, with how many the filter selects. */
export const storyPageShape = pageShape(storySummaryShape).extend({ total: count });
/** A page of the stories list. */
export type StoryPage = Shape<typeof storyPageShape>;

/** A story about the same real-world event as another: its score and what it was decided on (`actors: Lindsay Lohan`). */
export const relatedStoryShape = z.object({ id, headline: nullableString, originator: nullableString, score: z.number(), reasons: z.array(z.string()) });
/** A related story. */
export type RelatedStory = Shape<typeof relatedStoryShape>;

/** One step of a paragraph diff: kept, cut from the older, added in the newer, or edited (before → after). */
export const diffOpShape = z.object({ op: z.enum(['same', 'cut', 'added', 'edited']), before: z.string().optional(), after: z.string().optional() });

/** The roles of a copy: the earliest published copy is the original; the others are copies or versions. */
export const COPY_ROLES = ['original', 'copy', 'version'] as const;
/** A copy's place in its story. */
export type CopyRole = (typeof COPY_ROLES)[number];

/** One publication of an article's text. */
export const storyCopyShape = z.object({ article: z.string(), outlet: nullableString, url: nullableString, published: nullableString, headline: nullableString, role: z.enum(COPY_ROLES) });
/** One publication of an article's text. */
export type StoryCopy = Shape<typeof storyCopyShape>;

/** A copy in a story's lineage, with its diff against the closest earlier copy (`against`: that copy's index, null for the first). */
export const storyCopyDiffShape = storyCopyShape.extend({ against: id.nullable(), diff: z.array(diffOpShape) });
/** A copy in a story's lineage. */
export type StoryCopyDiff = Shape<typeof storyCopyDiffShape>;

/** One story: its copies in time order, originator, first copy and related stories (the best score first). */
export const storyDetailShape = z.object({ id, originator: nullableString, first: nullableString, copies: z.array(storyCopyDiffShape), related: z.array(relatedStoryShape) });
/** One story with its copies in time order. */
export type StoryDetail = Shape<typeof storyDetailShape>;

/** What the corpus holds: counts, the outlets by copies (at most 20) and how many there are, the span of publication times, the top entities. */
export const corpusOverviewShape = z.object({
  articles: count,
  copies: count,
  stories: count,
  outlets: z.array(z.object({ outlet: z.string(), copies: count })),
  outletCount: count,
  first: nullableString,
  last: nullableString,
  topEntities: z.array(globalEntityShape),
});
/** What the corpus holds, as the home page says it. */
export type CorpusOverview = Shape<typeof corpusOverviewShape>;

/** The error body every route sends: `{"error": {"code", "message"}}`. */
export const errorShape = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
/** The error body every route sends. */
export type ErrorBody = Shape<typeof errorShape>;
