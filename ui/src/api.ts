/** Typed calls to the wiregraph HTTP API. */

import type { ArticleEntities, ArticlePage, CorpusOverview, Doc, EventMap, MentionMap, GlobalEntity, Network, Page, Profile, Quote, SearchHit, StoredEvent, StoryDetail, StoryPage, Timeline } from '../../src/contract/index.js';
import type { Filters } from './filters.js';

// Note: the shapes the API sends are declared once, in src/contract, and imported as types only (nothing of the server is bundled).
export type { ArticlePage, ArticleSummary, CorpusOverview, Doc, EventActor, EventMap, MentionMap, EventQuoteRef, EventReporter, Network, Page, PeriodCount, Profile, Quote, SearchHit, SourceRef, StoredEvent, StoryCopyDiff, StoryDetail, StoryRef, StorySummary, Timeline } from '../../src/contract/index.js';
export type Entity = GlobalEntity;

/**
 * The event filter of `GET /api/events`: `sourceActor` and `targetActor` give one network edge's events; modes
 * every mode unless `modes` (`all`, or modes joined by commas) says; `minConfidence` from 0 to 1.
 */
export interface EventParams {
  readonly actor?: number;
  readonly counterpart?: number;
  readonly sourceActor?: number;
  readonly targetActor?: number;
  readonly plover?: string;
  readonly from?: string;
  readonly to?: string;
  readonly modes?: string;
  readonly minConfidence?: number;
  /** `LAT,LON`: the events whose place is within `km` of the point. */
  readonly near?: string;
  readonly km?: number;
}

/** The lists that export as CSV or JSON Lines. */
export type ExportList = 'events' | 'quotes' | 'entities';

/** The link that downloads a whole list of a filter as CSV or JSON Lines (streamed by the server). */
export function exportHref(list: ExportList, format: 'csv' | 'jsonl', params: Record<string, string | number | undefined>): string {
  return `/api/${list}?${query({ ...params, format })}`;
}

/** An API error, with the server's code and message. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The API key the analyst gave this browser (`localStorage['wiregraph.apiKey']`), for a server started with one. */
function apiKey(): string | null {
  try {
    return globalThis.localStorage?.getItem('wiregraph.apiKey') ?? null;
  } catch {
    return null;
  }
}

/** Sends a POST without a body and returns the JSON answer. */
async function post<T>(path: string): Promise<T> {
  const key = apiKey();
  // Note: x-wiregraph makes this a request a browser sends only after a preflight, which the server grants no other page.
  const res = await fetch(path, { method: 'POST', headers: { accept: 'application/json', 'x-wiregraph': '1', ...(key ? { 'x-api-key': key } : {}) } });
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.message ?? res.statusText);
  return body;
}

/** A query string of the parameters that are set. */
function query(params: Record<string, string | number | undefined>): URLSearchParams {
  return new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)]));
}

async function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const q = query(params);
  const res = await fetch(`${path}${q.size > 0 ? `?${q}` : ''}`, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.message ?? res.statusText);
  return body;
}

/** The API calls the views make. */
export const api = {
  search: (q: string, filters: Filters = {}, cursor?: string) => get<Page<SearchHit>>('/api/search', { q, limit: 30, cursor, ...filters }),
  articles: (filters: Filters = {}, cursor?: string) => get<ArticlePage>('/api/articles', { limit: 30, order: 'published', cursor, ...filters }),
  overview: () => get<CorpusOverview>('/api/overview'),
  article: (id: string) => get<Doc>(`/api/articles/${encodeURIComponent(id)}`),
  articleEntities: (id: string) => get<ArticleEntities>(`/api/articles/${encodeURIComponent(id)}/entities`),
  entities: (q: string) => get<Page<Entity>>('/api/entities', { q, limit: 12 }),
  entity: (id: number) => get<Profile>(`/api/entities/${id}`),
  quotes: (params: { speaker?: number; article?: string } & Filters, cursor?: string) => get<Page<Quote>>('/api/quotes', { ...params, limit: 50, cursor }),
  events: (params: EventParams & Filters, cursor?: string) => get<Page<StoredEvent>>('/api/events', { ...params, limit: 50, cursor }),
  network: (params: { actor?: number; modes?: string } & Filters) => get<Network>('/api/network', { ...params, limit: 40 }),
  undoMerge: (id: number) => post<{ entity: Entity }>(`/api/merges/${id}/undo`),
  redoMerge: (id: number) => post<{ entity: Entity }>(`/api/merges/${id}/redo`),
  stories: (params: { cursor: string | undefined; minCopies: number }) => get<StoryPage>('/api/stories', { ...params, limit: 25 }),
  story: (id: number) => get<StoryDetail>(`/api/stories/${id}`),
  storyCopies: (id: number) => get<StoryDetail>(`/api/stories/${id}`, { diffs: 'false' }),
  timeline: (params: { actor?: number; modes?: string } & Filters) => get<Timeline>('/api/timeline', params),
  map: (params: { actor?: number; modes?: string } & Filters) => get<EventMap>('/api/map', params),
  mentionMap: (params: Filters) => get<MentionMap>('/api/map/mentions', params),
};
