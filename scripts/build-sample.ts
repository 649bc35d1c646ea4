/**
 * Builds the bundled sample that `npm start` ingests: the seed wire story, and the English Wikinews
 * articles of the MEANTIME corpus (CC BY 4.0) turned from their token XML into plain JSONL articles.
 * Run: `npm run build:sample` (reads ../shared; writes data/sample/).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseTimestamp } from '../src/read/timestamp.js';

const shared = process.env['WIREGRAPH_SHARED'] ?? join(process.cwd(), '..', 'shared');
const meantime = join(shared, 'data', 'meantime', 'intra-doc_annotation');
const out = join(process.cwd(), 'data', 'sample');

interface Token { '#text': string | number; '@_sentence': string }

/** Joins tokens into text: no space before closing punctuation or after opening punctuation. */
export function detokenize(tokens: readonly string[]): string {
  let text = '';
  let quoteOpen = false;
  let glueNext = false;
  for (const t of tokens) {
    let glue = glueNext || text === '' || /^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/iu.test(t);
    glueNext = /^[([{$£€]$/u.test(t);
    if (t === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      quoteOpen = !quoteOpen;
    }
    text += glue ? t : ` ${t}`;
  }
  return text;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'token' });
const records: string[] = [];
for (const corpus of readdirSync(meantime).sort()) {
  for (const file of readdirSync(join(meantime, corpus)).filter((f) => f.endsWith('.xml')).sort()) {
    const doc = parser.parse(readFileSync(join(meantime, corpus, file), 'utf8'))['Document'];
    const sentences: string[][] = [];
    for (const token of doc.token as Token[]) {
      const n = Number(token['@_sentence']);
      (sentences[n] ??= []).push(String(token['#text']));
    }
    const [title, date, ...body] = sentences.filter(Boolean).map(detokenize);
    const published = date ? parseTimestamp(date) : null;
    const paragraphs = published ? body : [date ?? '', ...body];
    records.push(JSON.stringify({
      id: `wikinews-${doc['@_doc_id']}`,
      headline: title,
      text: paragraphs.join('\n\n'),
      published,
      outlet: 'Wikinews',
      url: doc['@_url'],
    }));
  }
}
mkdirSync(join(out, 'wikinews'), { recursive: true });
writeFileSync(join(out, 'wikinews', 'meantime-wikinews.jsonl'), `${records.join('\n')}\n`);
const seed = readdirSync(join(shared, 'corpus', 'seed')).filter((f) => f.endsWith('.txt'));
mkdirSync(join(out, 'seed'), { recursive: true });
for (const f of seed) copyFileSync(join(shared, 'corpus', 'seed', f), join(out, 'seed', basename(f)));
process.stdout.write(`data/sample: ${records.length} Wikinews articles, ${seed.length} seed stories\n`);
