/**
 * The event stage's throughput with the parse it reads, timed as `npm run bench` times it: the default syntax
 * stage's time less tagging's, plus the event stage's, on the 2,225 BBC articles (every other layer given, warm),
 * with wall time and CPU time (process.cpuUsage) per phase, the median of the runs.
 * Usage: node dist/bench/events-speed.js [runs]; `--loop N [syntax|events]` runs only the parse and events (or one of them) N times, for --cpu-prof.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { defaultPipeline } from '../src/pipeline/pipeline.js';
import { defaultResources } from '../src/pipeline/resources.js';
import { readSource } from '../src/read/read.js';
import { eventsStage } from '../src/stages/events/stage.js';
import { syntaxStage, syntaxStageWith } from '../src/stages/syntax/stage.js';
import type { Article } from '../src/article/article.js';
import { sharedPath } from '../eval/shared.js';
import { loadBbc } from './corpus.js';

/** One phase's median wall and CPU seconds. */
interface Phase {
  readonly wall: number;
  readonly cpu: number;
}

/** Runs `work` once to warm it, then `runs` times; the median wall and CPU time. */
function measure(work: () => void, runs: number): Phase {
  work();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    work();
    walls.push((performance.now() - start) / 1000);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1e6);
  }
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: median(walls), cpu: median(cpus) };
}

const folder = sharedPath('data', 'news', 'bbc');
if (!folder) {
  process.stdout.write('skipped: ../shared/data/news/bbc is absent\n');
  process.exit(0);
}
const articles: Article[] = loadBbc(folder).flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [i.article] : [])));
const n = articles.length;
const full = defaultPipeline();
// Note: every layer the default pipeline gives; the stages timed below read what they need of them.
// Note: WG_LAYERS_CACHE names a file that keeps them between runs (written when absent), to time changes faster.
const cache = process.env['WG_LAYERS_CACHE'];
const done: Article[] = cache && existsSync(cache) ? (JSON.parse(readFileSync(cache, 'utf8')) as Article[]) : articles.map((a) => full.run(a));
if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(done));
const tagsOnly = syntaxStageWith({ parse: 'none' });
const shared = defaultResources();
const tagsOnlyR = tagsOnly.load!(shared);
const syntaxR = syntaxStage.load!(shared);
const eventsR = eventsStage.load!(shared);
let sink = 0;
const tag = (): void => done.forEach((a) => (sink += tagsOnly.run(a, tagsOnlyR).layers.pos?.length ?? 0));
const syntax = (): void => done.forEach((a) => (sink += syntaxStage.run(a, syntaxR).layers.deps?.length ?? 0));
const events = (): void => done.forEach((a) => (sink += eventsStage.run(a, eventsR).layers.events?.length ?? 0));
const loopAt = process.argv.indexOf('--loop');
if (loopAt >= 0) {
  const times = Number(process.argv[loopAt + 1] ?? 5);
  const started = performance.now();
  const only = process.argv[loopAt + 2];
  for (let i = 0; i < times; i++) {
    if (only !== 'events') syntax();
    if (only !== 'syntax') events();
  }
  process.stdout.write(`loop: ${times} × (syntax + events) in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
} else {
  const runs = Number(process.argv[2] ?? 5);
  const t = measure(tag, runs);
  const s = measure(syntax, runs);
  const e = measure(events, runs);
  const parseWall = Math.max(0, s.wall - t.wall);
  const parseCpu = Math.max(0, s.cpu - t.cpu);
  const rate = (sec: number): string => `${Math.round(n / sec)} articles/s`;
  process.stdout.write(`articles ${n}; median of ${runs} runs (wall / cpu)\n`);
  process.stdout.write(`tagging            ${t.wall.toFixed(3)} s / ${t.cpu.toFixed(3)} s\n`);
  process.stdout.write(`syntax (default)   ${s.wall.toFixed(3)} s / ${s.cpu.toFixed(3)} s\n`);
  process.stdout.write(`events alone       ${e.wall.toFixed(3)} s / ${e.cpu.toFixed(3)} s   ${rate(e.wall)} / ${rate(e.cpu)}\n`);
  process.stdout.write(`events with parse  ${(e.wall + parseWall).toFixed(3)} s / ${(e.cpu + parseCpu).toFixed(3)} s   ${rate(e.wall + parseWall)} / ${rate(e.cpu + parseCpu)}\n`);
}
if (sink < 0) process.stdout.write('');
