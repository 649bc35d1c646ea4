import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSource } from '../api/extract.js';
import { createArticle } from '../article/article.js';
import { packageRoot } from '../data-dir.js';
import { EMPTY_META } from '../article/meta.js';
import { toWiregraph, type WiregraphDoc } from '../output/wiregraph1.js';
import { defaultPipeline } from '../pipeline/pipeline.js';

/** Makes a `wiregraph/1` document from a headline and body, through the default pipeline. */
export function docOf(headline: string, body: string, published: string | null = null): WiregraphDoc {
  const article = createArticle(`${headline}\n\n${body}`, { ...EMPTY_META, headline, published, language: 'en' });
  return toWiregraph(defaultPipeline().run(article));
}

/** The bundled sample's seed story (`data/sample/seed/`), as `wiregraph extract` makes it. */
export function seedStoryDoc(): WiregraphDoc {
  const path = join(packageRoot(), 'data', 'sample', 'seed', 'bss-2025-09-13-north-korea-arsenal.txt');
  const [seed] = extractSource({ name: path, bytes: readFileSync(path), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
  if (!seed?.ok) throw new Error('seed story not extracted');
  return seed.doc;
}
