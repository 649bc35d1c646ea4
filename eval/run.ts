/**
 * `npm run eval`: scores every layer against the gold data in ../shared and prints one table.
 * Exits non-zero only on errors, never on low scores; a corpus that is absent is skipped with a line.
 */
import { join } from 'node:path';
import { formatTable, type Row } from './scores.js';
import { evaluateSeedMeta } from './seed-meta.js';
import { compromiseSentences, conlluDocuments, meantimeSegmentedDocuments, ourSentences, scoreSegmenter, type SegmentedDoc } from './sentences.js';
import { SHARED, sharedPath } from './shared.js';

const rows: Row[] = [];
const skipped: string[] = [];

const seed = evaluateSeedMeta();
if (seed === null) skipped.push(`meta: ${join(SHARED, 'gold')} is absent; seed meta not scored`);
for (const { gold, fields } of seed ?? []) {
  const right = fields.filter((f) => f.ok).length;
  rows.push({ layer: 'meta', corpus: `seed ${gold.replace('.gold.json', '')}`, metric: 'fields exact', accuracy: right / fields.length, n: fields.length, note: fields.filter((f) => !f.ok).map((f) => `wrong: ${f.field}`).join(', ') });
}

const corpora: Array<[string, string[], (path: string) => SegmentedDoc[]]> = [
  ['UD EWT dev', ['data', 'treebanks', 'UD_English-EWT', 'en_ewt-ud-dev.conllu'], conlluDocuments],
  ['MEANTIME news', ['data', 'meantime', 'intra-doc_annotation'], meantimeSegmentedDocuments],
];
for (const [name, parts, load] of corpora) {
  const path = sharedPath(...parts);
  if (!path) {
    skipped.push(`sentences: ${join(SHARED, ...parts)} is absent; ${name} not scored`);
    continue;
  }
  const docs = load(path);
  for (const [system, segment] of [['wiregraph', ourSentences], ['peer: compromise', compromiseSentences]] as const) {
    const s = scoreSegmenter(docs, segment);
    rows.push({ layer: 'sentences', corpus: name, metric: `exact span, ${system}`, p: s.precision, r: s.recall, f1: s.f1, n: s.gold });
  }
}

for (const layer of ['entities', 'timexes', 'quotes', 'events']) {
  skipped.push(`${layer}: no stage yet (output layer is empty); scored when its issue lands`);
}

process.stdout.write(`${formatTable(rows)}\n`);
for (const line of skipped) process.stdout.write(`skipped  ${line}\n`);
