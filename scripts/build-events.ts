/**
 * Builds the event coder's data from ../shared/data:
 * - `data/events/verbs.json.gz`: PETRARCH2's CAMEO 2.0 verb dictionary (`petrarch/dictionaries/CAMEO.2.0.txt`,
 *   synonym sets, verbs and patterns), with our supplement `data/events/wiregraph.verbs.txt` merged before it;
 * - `data/events/agents.json`: the Phoenix agents (`officials`, `troops`, `police`, `rebels` -> GOV, MIL, COP, REB);
 * - `data/events/cameo-plover.json`: every CAMEO code's PLOVER event type, from `plover/CAMEO2PLOVER-2021.txt`.
 * Run: `npm run build:events`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageRoot } from '../src/data-dir.js';
import { parsePetrarchAgents } from '../src/stages/events/dictionaries/actors.js';
import { parseCameoToPlover } from '../src/stages/events/dictionaries/plover.js';
import { mergeVerbDictionaries, parseVerbDictionary } from '../src/stages/events/dictionaries/verbs.js';

const root = packageRoot();
const shared = process.env['WIREGRAPH_SHARED'] ?? join(root, '..', 'shared');
const out = join(root, 'data', 'events');
mkdirSync(out, { recursive: true });

// Note: our supplement comes first, so that where its patterns tie with CAMEO's, ours win.
const parts = [join(out, 'wiregraph.verbs.txt'), join(shared, 'data', 'petrarch', 'dictionaries', 'CAMEO.2.0.txt')].map((path) => {
  const { dictionary, problems } = parseVerbDictionary(readFileSync(path, 'utf8'));
  const transformations = problems.filter((p) => p.text.startsWith('transformation'));
  for (const p of problems.filter((x) => !transformations.includes(x))) process.stderr.write(`${path}:${p.line}: ${p.text}\n`);
  if (transformations.length > 0) process.stdout.write(`${path}: ${transformations.length} transformation rules (~ lines) left out: the coder does not read them\n`);
  return dictionary;
});
const verbs = mergeVerbDictionaries(parts);
const verbBytes = gzipSync(JSON.stringify({ format: 'wiregraph-verbs/1', generatedBy: 'scripts/build-events.ts from data/events/wiregraph.verbs.txt and CAMEO.2.0.txt', ...verbs }), { level: 9 });
writeFileSync(join(out, 'verbs.json.gz'), verbBytes);

const agents = parsePetrarchAgents(readFileSync(join(shared, 'data', 'petrarch', 'dictionaries', 'Phoenix.agents.txt'), 'utf8'));
writeFileSync(join(out, 'agents.json'), `${JSON.stringify({ format: 'wiregraph-agents/1', generatedBy: 'scripts/build-events.ts from Phoenix.agents.txt', agents })}\n`);

const plover = parseCameoToPlover(readFileSync(join(shared, 'data', 'plover', 'CAMEO2PLOVER-2021.txt'), 'utf8'));
writeFileSync(join(out, 'cameo-plover.json'), `${JSON.stringify({ format: 'wiregraph-plover/1', generatedBy: 'scripts/build-events.ts from CAMEO2PLOVER-2021.txt', codes: plover }, null, 1)}\n`);

const patterns = verbs.blocks.reduce((n, b) => n + b.patterns.length, 0);
process.stdout.write(`data/events/verbs.json.gz: ${verbs.blocks.length} verb blocks, ${Object.keys(verbs.forms).length} verb forms, ${patterns} patterns, ${Object.keys(verbs.synsets).length} synonym sets; ${(verbBytes.length / 1048576).toFixed(2)} MiB\n`);
process.stdout.write(`data/events/agents.json: ${Object.keys(agents).length} agent terms; data/events/cameo-plover.json: ${Object.keys(plover).length} CAMEO codes\n`);
