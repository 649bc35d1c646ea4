import { sharedPath } from '../eval/shared.js';
import { toWiregraph } from '../src/output/wiregraph1.js';
import { defaultPipeline } from '../src/pipeline/pipeline.js';
import { readSource } from '../src/read/read.js';
import { openPostgresStore } from '../src/store/postgres/store.js';
import { loadBbc } from './corpus.js';
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
const cache = '/tmp/pgprobe/docs.json';
let docs: any[];
if (existsSync(cache)) docs = JSON.parse(readFileSync(cache, 'utf8'));
else {
  const pipeline = defaultPipeline();
  const articles = loadBbc(sharedPath('data', 'news', 'bbc')!).flatMap((d) => readSource({ name: d.name, bytes: d.bytes, contentType: null, url: null }, { kind: 'text', date: null }).flatMap((i) => (i.ok ? [i.article] : [])));
  docs = [...new Map(articles.map((a) => [a.id, toWiregraph(pipeline.run(a))])).values()];
  writeFileSync(cache, JSON.stringify(docs));
}
const store = await openPostgresStore(process.argv[2]!, { schema: `probe_${Date.now()}` });
const n = Number(process.argv[3] ?? 300);
const t = performance.now();
for (let i = 0; i < n; i += 100) await store.addBatch(docs.slice(i, i + 100).map((doc) => ({ doc, source: 'b' })));
console.log(`${n} docs ${(n / ((performance.now() - t) / 1000)).toFixed(1)} art/s`);
await store.close();
