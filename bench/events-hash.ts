/**
 * The sha256 of the events layer and of the dependency layer (JSON) that the default pipeline gives the 2,225 BBC
 * articles and the seed stories (`../shared/corpus/seed`): a speed change to the syntax or event stage keeps both.
 * Usage: node dist/bench/events-hash.js
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/article/article.js';
import { sharedPath } from '../eval/shared.js';
import { defaultPipeline } from '../src/pipeline/pipeline.js';
import { readSource } from '../src/read/read.js';
import { loadBbc, type BenchDoc } from './corpus.js';

/** The articles the text reader makes of some documents. */
function readDocs(docs: readonly BenchDoc[]): Article[] {
  return docs.flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [i.article] : [])));
}

/** The two hashes over a list of articles, run through the default pipeline in order. */
function hashes(articles: readonly Article[]): { events: string; deps: string; count: number } {
  const pipeline = defaultPipeline();
  const events = createHash('sha256');
  const deps = createHash('sha256');
  let count = 0;
  for (const a of articles) {
    const done = pipeline.run(a);
    events.update(JSON.stringify(done.layers.events ?? null)).update('\n');
    deps.update(JSON.stringify(done.layers.deps ?? null)).update('\n');
    count += done.layers.events?.length ?? 0;
  }
  return { events: events.digest('hex'), deps: deps.digest('hex'), count };
}

const bbc = sharedPath('data', 'news', 'bbc');
const seed = sharedPath('corpus', 'seed');
if (!bbc && !seed) process.stdout.write('skipped: ../shared/data/news/bbc and ../shared/corpus/seed are absent\n');
if (bbc) {
  const h = hashes(readDocs(loadBbc(bbc)));
  process.stdout.write(`bbc   events ${h.events} (${h.count} events)\n      deps   ${h.deps}\n`);
}
if (seed) {
  const docs = readdirSync(seed).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, bytes: readFileSync(join(seed, f)) }));
  const h = hashes(readDocs(docs));
  process.stdout.write(`seed  events ${h.events} (${h.count} events)\n      deps   ${h.deps}\n`);
}
