import { createArticle } from '../article/article.js';
import { EMPTY_META } from '../article/meta.js';
import { toWiregraph, type WiregraphDoc } from '../output/wiregraph1.js';
import { defaultPipeline } from '../pipeline/pipeline.js';

/** Makes a `wiregraph/1` document from a headline and body, through the default pipeline. */
export function docOf(headline: string, body: string, published: string | null = null): WiregraphDoc {
  const article = createArticle(`${headline}\n\n${body}`, { ...EMPTY_META, headline, published, language: 'en' });
  return toWiregraph(defaultPipeline().run(article));
}
