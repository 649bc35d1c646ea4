/** Typed calls to the wiregraph HTTP API. */

/** A page of a list and the cursor of the next one. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** An entity resolved across articles. */
export interface Entity {
  readonly id: number;
  readonly type: string;
  readonly name: string;
  readonly wikidata: string | null;
  readonly country: string | null;
  readonly cameo: string | null;
  readonly mentions: number;
  readonly articles: number;
}

/** Where a fact came from: article, sentence and span. */
export interface SourceRef {
  readonly article: string;
  readonly headline: string | null;
  readonly published: string | null;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
}

/** A stored quote. */
export interface Quote {
  readonly id: number;
  readonly speaker: number | null;
  readonly speakerText: string | null;
  readonly kind: string;
  readonly cue: string;
  readonly content: string;
  readonly date: string | null;
  readonly source: SourceRef;
}

/** One side of a stored event. */
export interface EventActor {
  readonly entity: number | null;
  readonly name: string | null;
  readonly code: string;
  readonly country: string | null;
  readonly text: string;
}

/** A stored event with its actors and source. */
export interface StoredEvent {
  readonly id: number;
  readonly cameo: string;
  readonly plover: string | null;
  readonly quad: string;
  readonly mode: string;
  readonly date: string | null;
  readonly trigger: string;
  readonly sourceActors: EventActor[];
  readonly targetActors: EventActor[];
  readonly source: SourceRef;
}

/** An entity's page: the entity, its roles, mentions by month, co-actors and counts. */
export interface Profile {
  readonly entity: Entity;
  readonly roles: Array<{ role: string; first: string | null; last: string | null; articles: number }>;
  readonly mentionsByMonth: Array<{ month: string; mentions: number }>;
  readonly coActors: Array<{ entity: Entity; articles: number }>;
  readonly quotes: number;
  readonly events: number;
  readonly merges: Array<{ id: number; article: string; headline: string | null; localId: string; entity: number; reason: string; undone: boolean }>;
}

/** A full-text hit with its snippet as fragments. */
export interface SearchHit {
  readonly id: string;
  readonly headline: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly fragments: Array<{ text: string; match: boolean }>;
}

/** The actor network of a query. */
export interface Network {
  readonly nodes: Array<{ id: number; name: string; type: string; events: number }>;
  readonly edges: Array<{ source: number; target: number; weight: number; cooperation: number; conflict: number; quad: string; events: number[] }>;
}

/** A span with its text, as in wiregraph/1. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The parts of a wiregraph/1 document the reader shows. */
export interface Doc {
  readonly id: string;
  readonly text: string;
  readonly meta: { headline: string | null; outlet: string | null; published: string | null };
  readonly sentences: Array<{ start: number; end: number }>;
  readonly entities: Array<{ id: string; type: string; name: string; mentions: Array<TextSpan & { kind: string }> }>;
  readonly timexes: Array<TextSpan & { type: string; value: string }>;
  readonly quotes: Array<{ id: string; speaker: string | null; speakerText: string | null; cue: TextSpan; content: TextSpan }>;
  readonly events: Array<{ id: string; cameo: string; plover: string | null; mode: string; date: string | null; sentence: number; trigger: TextSpan; source: Array<{ text: string; code: string; entity: string | null }>; target: Array<{ text: string; code: string; entity: string | null }> }>;
}

/** An API error, with the server's code and message. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Sends a POST without a body and returns the JSON answer. */
async function post<T>(path: string): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { accept: 'application/json' } });
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.message ?? res.statusText);
  return body;
}

async function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)]));
  const res = await fetch(`${path}${query.size > 0 ? `?${query}` : ''}`, { headers: { accept: 'application/json' } });
  const body = (await res.json()) as T & { error?: { message: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.message ?? res.statusText);
  return body;
}

/** The API calls the views make. */
export const api = {
  search: (q: string) => get<Page<SearchHit>>('/api/search', { q, limit: 20 }),
  articles: () => get<Page<SearchHit & { snippet?: string }>>('/api/articles', { limit: 30 }),
  article: (id: string) => get<Doc>(`/api/articles/${encodeURIComponent(id)}`),
  articleEntities: (id: string) => get<{ items: Array<{ localId: string; entity: number }> }>(`/api/articles/${encodeURIComponent(id)}/entities`),
  entities: (q: string) => get<Page<Entity>>('/api/entities', { q, limit: 12 }),
  entity: (id: number) => get<Profile>(`/api/entities/${id}`),
  quotes: (params: { speaker?: number; article?: string }) => get<Page<Quote>>('/api/quotes', { ...params, limit: 50 }),
  events: (params: { actor?: number; counterpart?: number; plover?: string; from?: string; to?: string }) => get<Page<StoredEvent>>('/api/events', { ...params, limit: 50 }),
  network: (params: { actor?: number; plover?: string }) => get<Network>('/api/network', { ...params, limit: 40 }),
  undoMerge: (id: number) => post<{ entity: Entity }>(`/api/merges/${id}/undo`),
  timeline: (params: { actor?: number }) => get<{ periods: Array<{ period: string; events: number; cooperation: number; conflict: number }> }>('/api/timeline', params),
};
