/**
 * Development of the time stage, run on its own (not the whole eval or bench):
 * `node dist/scripts/time-dev.js eval` scores TBAQ (component and product rows) and the seed timexes;
 * `node dist/scripts/time-dev.js bench [runs]` times the time stage alone on the BBC articles (as `npm run bench`
 * does) and prints a hash of the timex layer, so that a speed change can be shown to change no output.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateProductTimeml } from '../eval/product-time.js';
import { evaluateSeedTimexes } from '../eval/seed-timexes.js';
import { sharedPath } from '../eval/shared.js';
import { evaluateTimeml, readTimemlFolder, type TempEvalResult } from '../eval/timeml.js';
import { loadBbc } from '../bench/corpus.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { readSource } from '../src/read/read.js';
import { segmentStage } from '../src/stages/segment/index.js';
import { timeStage } from '../src/stages/time/stage.js';

const line = (name: string, r: TempEvalResult): string =>
  `${name}: strict ${r.strict.f1.toFixed(3)} relaxed ${r.relaxed.f1.toFixed(3)} type ${r.typeAccuracy.toFixed(3)} value ${r.value.f1.toFixed(3)} (P ${r.value.precision.toFixed(3)} R ${r.value.recall.toFixed(3)})`;

function evaluate(): void {
  const tbaq = sharedPath('data', 'timeml', 'TBAQ-cleaned');
  if (!tbaq) throw new Error('../shared/data/timeml/TBAQ-cleaned is absent');
  const docs = readTimemlFolder(tbaq);
  console.log(line('component', evaluateTimeml(docs)));
  if (!process.argv.includes('--no-product')) console.log(line('product', evaluateProductTimeml(docs)));
  const goldDir = sharedPath('gold');
  for (const goldFile of goldDir ? readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')) : []) {
    const goldPath = join(goldDir!, goldFile);
    const document = sharedPath((JSON.parse(readFileSync(goldPath, 'utf8')) as { document: string }).document);
    if (!document) continue;
    const seed = evaluateSeedTimexes(goldPath, document);
    console.log(`seed ${goldFile}: ${seed.right}/${seed.total} right ${seed.wrong.join('; ')}`);
  }
}

function bench(runs: number): void {
  const folder = sharedPath('data', 'news', 'bbc');
  if (!folder) throw new Error('../shared/data/news/bbc is absent');
  const segmentOnly = createPipeline([segmentStage]);
  const articles = loadBbc(folder).flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [i.article] : [])));
  const segmented = articles.map((a) => segmentOnly.run(a));
  const hash = createHash('sha256');
  for (const a of segmented) hash.update(JSON.stringify(timeStage.run(a, undefined).layers.timexes ?? []));
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    // Note: CPU time, not wall time: on a shared machine the wall clock counts the other processes' turns too.
    const t0 = process.cpuUsage();
    let sink = 0;
    for (const a of segmented) sink += timeStage.run(a, undefined).layers.timexes?.length ?? 0;
    const used = process.cpuUsage(t0);
    times.push((used.user + used.system) / 1000);
    if (sink < 0) console.log(sink);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`time stage: ${segmented.length} articles, median ${median.toFixed(0)} ms of CPU, ${(segmented.length / (median / 1000)).toFixed(0)} articles/s; timex layer sha256 ${hash.digest('hex').slice(0, 16)}`);
}

if (process.argv[2] === 'bench') bench(Number(process.argv[3] ?? 7));
else evaluate();
