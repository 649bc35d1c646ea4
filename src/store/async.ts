import type { GraphStore } from './graph.js';
import type { ArticleStore } from './store.js';

/** An interface whose methods answer with promises. */
type Promised<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K];
};

/** The knowledge graph of an {@link AsyncArticleStore}: {@link GraphStore}, each answer a promise. */
export type AsyncGraphStore = Promised<GraphStore>;

/**
 * The store as the server, the CLI and the contract suite use it: {@link ArticleStore} with every answer a promise,
 * so that a store on a server (PostgreSQL) and the embedded one (SQLite, through {@link asyncStore}) are one.
 * Note: the synchronous interface stays for the embedded store's own callers (ingest's batch writer, tests).
 */
export type AsyncArticleStore = Omit<Promised<ArticleStore>, 'graph'> & {
  readonly graph: AsyncGraphStore;
  /** Marks an asynchronous store, so that a caller given either kind can tell them apart. */
  readonly async: true;
};

/** Either kind of store. */
export type AnyArticleStore = ArticleStore | AsyncArticleStore;

/** Whether a store is already asynchronous. */
export function isAsyncStore(store: AnyArticleStore): store is AsyncArticleStore {
  return 'async' in store && store.async === true;
}

/** Each method of an object, answering with a promise (a throw becomes a rejection). */
function promised<T extends object>(target: T): Promised<T> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(target) as Array<keyof T & string>) {
    const value = target[key];
    out[key] = typeof value === 'function' ? async (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(target, args) : value;
  }
  return out as Promised<T>;
}

/**
 * The asynchronous face of a store: a synchronous one (SQLite) wrapped, an asynchronous one as it is.
 * Note: the SQLite store's methods are own properties of a plain object, so they can be listed and wrapped.
 */
export function asyncStore(store: AnyArticleStore): AsyncArticleStore {
  if (isAsyncStore(store)) return store;
  const { graph, ...rest } = store;
  return { ...promised(rest), graph: promised(graph), async: true };
}
