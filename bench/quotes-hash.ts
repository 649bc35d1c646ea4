/**
 * A fingerprint of the quote stage's output, to tell a speed change from a change of behaviour: the sha256 of
 * the JSON of every article's quotes layer on the 2,225 BBC articles and on PolNeAR `dev`, and PolNeAR dev's
 * scores. The layers the stage reads are made as in `quotes-only.ts` (no parse, which the stage does not read).
 * Run: `node dist/bench/quotes-hash.js` (reads ../shared/data/news/bbc and ../shared/data/polnear/data/dev).
 */
import { createHash } from 'node:crypto';
import { createArticle, type Article } from '../src/article/article.js';
import { EMPTY_META } from '../src/article/meta.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { defaultResources } from '../src/pipeline/resources.js';
import type { Stage } from '../src/pipeline/stage.js';
import { readSource } from '../src/read/read.js';
import { entitiesStage } from '../src/stages/entities/stage.js';
import { quotesStage } from '../src/stages/quotes/stage.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { syntaxStageWith } from '../src/stages/syntax/stage.js';
import { timeStage } from '../src/stages/time/stage.js';
import { readPolnearFolder, scorePolnear } from '../eval/polnear.js';
import { sharedPath } from '../eval/shared.js';
import { loadBbc } from './corpus.js';

const before = createPipeline([segmentStage, entitiesStage as Stage, syntaxStageWith({ parse: 'none' }) as Stage, timeStage]);
const resources = quotesStage.load!(defaultResources());
const quotesOf = (articles: readonly Article[]) => articles.map((a) => quotesStage.run(a, resources).layers.quotes ?? []);
const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

const bbc = sharedPath('data', 'news', 'bbc');
if (!bbc) process.stdout.write('skipped  BBC: ../shared/data/news/bbc is absent\n');
else {
  const articles = loadBbc(bbc).flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [before.run(i.article)] : [])));
  const quotes = quotesOf(articles);
  process.stdout.write(`BBC: ${articles.length} articles, ${quotes.flat().length} quotes, sha256 ${sha(quotes)}\n`);
}
const polnear = sharedPath('data', 'polnear', 'data', 'dev');
if (!polnear) process.stdout.write('skipped  PolNeAR dev: ../shared/data/polnear/data/dev is absent\n');
else {
  const docs = readPolnearFolder(polnear);
  const quotes = quotesOf(docs.map((d) => before.run(createArticle(d.text, { ...EMPTY_META, language: 'en' }))));
  const r = scorePolnear(docs.map((doc, i) => ({ doc, quotes: quotes[i]! })));
  const f = (x: number): string => x.toFixed(3);
  process.stdout.write(`PolNeAR dev: ${docs.length} documents, ${quotes.flat().length} quotes, sha256 ${sha(quotes)}\n`);
  process.stdout.write(`PolNeAR dev: content overlap P ${f(r.content.precision)} R ${f(r.content.recall)} F1 ${f(r.content.f1)}; source ${f(r.sourceRight)}\n`);
}
