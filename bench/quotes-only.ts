/**
 * The quote stage alone on the BBC articles, on one core: the layers it reads (tokens, sentences, quotations,
 * entities, tags, timexes) are computed first, then only `quotesStage.run` is timed (median of three runs).
 * Run: `node dist/bench/quotes-only.js` (reads ../shared/data/news/bbc); with `QUOTES_PROFILE=q.cpuprofile`, the
 * timed runs are profiled into that file. Wall and CPU time (process.cpuUsage) are both reported.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
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

/** Starts V8's CPU profiler (for `QUOTES_PROFILE=file.cpuprofile`: the timed runs only). */
async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return session;
}

/** Stops the profiler and writes its profile. */
async function stopProfile(session: Session, file: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
}

const folder = sharedPath('data', 'news', 'bbc');
if (!folder) {
  process.stdout.write('skipped  quotes-only: ../shared/data/news/bbc is absent\n');
} else {
  const before = createPipeline([segmentStage, entitiesStage as Stage, syntaxStageWith({ parse: 'none' }) as Stage, timeStage]);
  const articles: Article[] = loadBbc(folder).flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [before.run(i.article)] : [])));
  const resources = quotesStage.load!(defaultResources());
  let quotes = 0;
  const cpu: number[] = [];
  const work = (): number => {
    const from = process.cpuUsage();
    const tokens = articles.reduce((sum, a) => ((quotes += quotesStage.run(a, resources).layers.quotes?.length ?? 0), sum + (a.layers.tokens?.length ?? 0)), 0);
    const used = process.cpuUsage(from);
    cpu.push((used.user + used.system) / 1e6);
    return tokens;
  };
  const profile = process.env['QUOTES_PROFILE'];
  const session = profile ? await startProfile() : null;
  const timing = time(articles.length, work);
  if (session && profile) await stopProfile(session, profile);
  // Note: the first entry is the warm-up run's; the CPU time kept is the timed runs' median, as the wall time is.
  const cpuSeconds = cpu.slice(1).sort((a, b) => a - b)[1]!;
  process.stdout.write(`quote stage: ${articles.length} BBC articles in ${timing.seconds.toFixed(3)} s: ${Math.round(articles.length / timing.seconds)} articles/s; CPU ${cpuSeconds.toFixed(3)} s: ${Math.round(articles.length / cpuSeconds)} articles/CPU-s (${quotes / 4} quotes a run)\n`);
}
