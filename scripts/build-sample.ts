/**
 * Builds the bundled sample that `npm start` ingests: the seed wire story, and the English Wikinews
 * articles of the MEANTIME corpus (CC BY 4.0) turned from their token XML into plain JSONL articles.
 * Run: `npm run build:sample` (reads ../shared; writes data/sample/).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseTimestamp } from '../src/read/timestamp.js';
import { meantimeDocuments } from './lib/meantime.js';

const shared = process.env['WIREGRAPH_SHARED'] ?? join(process.cwd(), '..', 'shared');
const meantime = join(shared, 'data', 'meantime', 'intra-doc_annotation');
const out = join(process.cwd(), 'data', 'sample');

const records = meantimeDocuments(meantime).map((doc) => {
  const [title, date, ...body] = doc.sentences;
  const published = date ? parseTimestamp(date) : null;
  const paragraphs = published ? body : [date ?? '', ...body];
  return JSON.stringify({ id: `wikinews-${doc.id}`, headline: title, text: paragraphs.join('\n\n'), published, outlet: 'Wikinews', url: doc.url });
});
mkdirSync(join(out, 'wikinews'), { recursive: true });
writeFileSync(join(out, 'wikinews', 'meantime-wikinews.jsonl'), `${records.join('\n')}\n`);
const seed = readdirSync(join(shared, 'corpus', 'seed')).filter((f) => f.endsWith('.txt'));
mkdirSync(join(out, 'seed'), { recursive: true });
for (const f of seed) writeFileSync(join(out, 'seed', basename(f)), readFileSync(join(shared, 'corpus', 'seed', f)));
process.stdout.write(`data/sample: ${records.length} Wikinews articles, ${seed.length} seed stories\n`);
