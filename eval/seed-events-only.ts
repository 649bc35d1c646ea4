/**
 * The seed stories' event rows of `npm run eval` alone: required events found, and found with the right mode, date
 * and attribution. Usage: node dist/eval/seed-events-only.js
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateSeedEvents } from './seed-events.js';
import { sharedPath } from './shared.js';

const goldDir = sharedPath('gold');
if (!goldDir) process.stdout.write('skipped: ../shared/gold is absent\n');
for (const goldFile of goldDir ? readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort() : []) {
  const document = sharedPath((JSON.parse(readFileSync(join(goldDir!, goldFile), 'utf8')) as { document: string }).document);
  if (!document) continue;
  const seed = evaluateSeedEvents(join(goldDir!, goldFile), document);
  process.stdout.write(`${goldFile}: found ${seed.found}/${seed.total}, right ${seed.right}/${seed.total}, ${seed.optionalFound} optional, ${seed.extra} others; ${seed.wrong.join('; ')}\n`);
}
