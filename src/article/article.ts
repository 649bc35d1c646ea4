import { createHash } from 'node:crypto';
import { WiregraphError } from '../errors.js';
import type { Layers, LayerName, Message } from './layers.js';
import type { ArticleMeta } from './meta.js';

/** One news item: a text that never changes, its meta, and stand-off layers added by stages. */
export interface Article {
  /** Derived from the text (see {@link articleId}). */
  readonly id: string;
  readonly text: string;
  readonly meta: ArticleMeta;
  readonly layers: Readonly<Partial<Layers>>;
  /** What the reader noticed (which path read a page, characters it removed); the pipeline puts them first in `messages`. */
  readonly notes: readonly Message[];
}

/**
 * Derives an article's stable id from its text: the first 16 hex digits of the SHA-256 of the text
 * with whitespace collapsed, so that copies differing only in spacing or line ends share an id.
 * @param text - the Article's text
 */
export function articleId(text: string): string {
  const canonical = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/**
 * Makes a frozen Article with no layers.
 * @param text - the readable text (headline, blank line, body)
 * @param meta - what the reader found besides the text
 * @param notes - the reader's messages (source `read`), positioned in `text`
 */
export function createArticle(text: string, meta: ArticleMeta, notes: readonly Message[] = []): Article {
  return Object.freeze({ id: articleId(text), text, meta: Object.freeze(meta), layers: Object.freeze({}), notes: Object.freeze([...notes]) });
}

/**
 * Returns a new Article with the given layers added. A layer that is already present is never replaced.
 * @throws WiregraphError `WG_LAYER_REASSIGNED` when a layer is already there
 */
export function withLayers(article: Article, added: Readonly<Partial<Layers>>): Article {
  for (const name of Object.keys(added) as LayerName[]) {
    if (article.layers[name] !== undefined) {
      throw new WiregraphError('WG_LAYER_REASSIGNED', `Layer "${name}" is already assigned; a stage may only add new layers.`);
    }
  }
  return Object.freeze({ ...article, layers: Object.freeze({ ...article.layers, ...added }) });
}
