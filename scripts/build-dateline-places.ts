/**
 * Builds `data/lexicon/dateline-places.json`, the places the wire and plain text reader accepts as a dateline
 * without a date or a credit (`WASHINGTON -`, `KYIV, Ukraine -`), from the knowledge base `data/kb.bin`:
 * country names, city names and the recogniser's location gazetteer (which holds Phoenix's places).
 * Note: the readers must not import stages, so the reader gets this small list as data instead of the
 * knowledge base itself (which is 20 times larger and loaded by the entity stage).
 * Run: `npm run build:kb` first if the knowledge base changed, then
 * `npx tsc -p tsconfig.json && node dist/scripts/build-dateline-places.js`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/data-dir.js';
import { readKbFile } from '../src/stages/entities/kb-file.js';

// Note: common datelines whose names the tables hold only in another form (`Washington, D.C.`) or not at all.
const ALSO = ['washington', 'united nations', 'the hague', 'vatican city'];

const root = packageRoot();
const kb = readKbFile(readFileSync(join(root, 'data', 'kb.bin')));
const names = [
  ...kb.countries.flatMap((c) => c.names),
  ...kb.cities.map((c) => c.name),
  ...(kb.gazetteer['LOC'] ?? []),
  ...ALSO,
];
// Note: a dateline place is a few words of letters; longer names and names with digits never head a story.
const places = [...new Set(names.map((n) => n.toLowerCase().replace(/\s+/gu, ' ').trim()))]
  .filter((n) => n.length >= 2 && n.length <= 40 && /^\p{L}[\p{L}\p{M} .'’-]*$/u.test(n) && n.split(' ').length <= 4)
  .sort();
const file = {
  generatedBy: 'scripts/build-dateline-places.ts from data/kb.bin (country names, cities, the location gazetteer)',
  places,
};
writeFileSync(join(root, 'data', 'lexicon', 'dateline-places.json'), `${JSON.stringify(file)}\n`);
process.stdout.write(`data/lexicon/dateline-places.json: ${places.length} places\n`);
