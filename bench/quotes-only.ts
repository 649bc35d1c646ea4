/**
 * The quote stage alone on the BBC articles, on one core: the layers it reads (tokens, sentences, quotations,
 * entities, tags, timexes) are computed first, then only `quotesStage.run` is timed (median of three runs).
 * Run: `node dist/bench/quotes-only.js` (reads ../shared/data/news/bbc).
 */
import type { Article } from '../src/article/article.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { defaultResources } from '../src/pipeline/resources.js';
import type { Stage } from '../src/pipeline/stage.js';
import { readSource } from '../src/read/read.js';
import { entitiesStage } from '../src/stages/entities/stage.js';
import { quotesStage } from '../src/stages/quotes/stage.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { syntaxStageWith } from '../src/stages/syntax/stage.js';
import { timeStage } from '../src/stages/time/stage.js';
import { sharedPath } from '../eval/shared.js';
import { loadBbc } from './corpus.js';
import { time } from './timing.js';

const folder = sharedPath('data', 'news', 'bbc');
if (!folder) {
  process.stdout.write('skipped  quotes-only: ../shared/data/news/bbc is absent\n');
} else {
  const before = createPipeline([segmentStage, entitiesStage as Stage, syntaxStageWith({ parse: 'none' }) as Stage, timeStage]);
  const articles: Article[] = loadBbc(folder).flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [before.run(i.article)] : [])));
  const resources = quotesStage.load!(defaultResources());
  let quotes = 0;
  const timing = time(articles.length, () => articles.reduce((sum, a) => ((quotes += quotesStage.run(a, resources).layers.quotes?.length ?? 0), sum + (a.layers.tokens?.length ?? 0)), 0));
  process.stdout.write(`quote stage: ${articles.length} BBC articles in ${timing.seconds.toFixed(3)} s: ${Math.round(articles.length / timing.seconds)} articles/s (${quotes / 4} quotes a run)\n`);
}
