import type { Article } from '../article/article.js';
import type { Quote, Timex } from '../article/layers.js';
import { placedEntities, placedEvents, type OutputEntity, type OutputEvent } from './places.js';
import type { Span } from '../article/span.js';
import type { ArticleMeta } from '../article/meta.js';

/** The `wiregraph/1` document: one article with its meta, text and layers. See `schema/wiregraph-1.schema.json`. */
export interface WiregraphDoc {
  readonly schema: 'wiregraph/1';
  readonly id: string;
  readonly meta: ArticleMeta;
  readonly text: string;
  readonly sentences: readonly Span[];
  readonly tokens?: readonly Span[];
  readonly entities: readonly OutputEntity[];
  readonly timexes: readonly Timex[];
  readonly quotes: readonly Quote[];
  readonly events: readonly OutputEvent[];
  readonly messages: readonly unknown[];
}

/** Options for {@link toWiregraph}. */
export interface OutputOptions {
  /** An id to echo instead of the content-derived one (a JSONL record's `id`). */
  readonly id?: string | null;
  /** Include the tokens layer. */
  readonly tokens?: boolean;
}

/**
 * Serialises an Article as `wiregraph/1`. Every layer is present: those whose stages are not built yet
 * are empty arrays.
 */
export function toWiregraph(article: Article, options: OutputOptions = {}): WiregraphDoc {
  const { layers, meta } = article;
  const span = (s: Span): Span => ({ start: s.start, end: s.end });
  // Note: the places layer is folded into the entities (their `geo`) and the events (their place's point).
  const entities = placedEntities(layers.entities ?? [], layers.places ?? null);
  return {
    schema: 'wiregraph/1',
    id: options.id ?? article.id,
    meta: {
      outlet: meta.outlet,
      published: meta.published,
      headline: meta.headline,
      url: meta.url,
      language: meta.language,
      authors: meta.authors,
      dateline: meta.dateline,
    },
    text: article.text,
    sentences: (layers.sentences ?? []).map(span),
    ...(options.tokens ? { tokens: (layers.tokens ?? []).map(span) } : {}),
    entities,
    timexes: layers.timexes ?? [],
    quotes: layers.quotes ?? [],
    events: layers.places ? placedEvents(layers.events ?? [], entities, meta.dateline, article.text) : layers.events ?? [],
    messages: layers.messages ?? [],
  };
}
