import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packageRoot } from '../../cli/package-root.js';
import type { ActorDictionary } from './dictionaries/actors.js';
import type { PloverEntry } from './dictionaries/plover.js';
import type { VerbDictionary } from './dictionaries/verbs.js';

/** Everything the event coder reads: verbs and patterns, actors and agents, and the CAMEO-to-PLOVER table. */
export interface EventLexicon {
  readonly verbs: VerbDictionary;
  readonly actors: ActorDictionary;
  readonly plover: Readonly<Record<string, PloverEntry>>;
}

/** Loads the built-in lexicon from `data/events/` (built by `scripts/build-events.ts`); it has no actors of its own: those come from the entity layer. */
export function loadEventLexicon(): EventLexicon {
  const dir = join(packageRoot(), 'data', 'events');
  const verbs = JSON.parse(gunzipSync(readFileSync(join(dir, 'verbs.json.gz'))).toString('utf8')) as VerbDictionary & { format: string };
  const agents = JSON.parse(readFileSync(join(dir, 'agents.json'), 'utf8')) as { format: string; agents: Record<string, string> };
  const plover = JSON.parse(readFileSync(join(dir, 'cameo-plover.json'), 'utf8')) as { format: string; codes: Record<string, PloverEntry> };
  if (verbs.format !== 'wiregraph-verbs/1' || agents.format !== 'wiregraph-agents/1' || plover.format !== 'wiregraph-plover/1') {
    throw new Error(`${dir} holds event data this version does not read; run npm run build:events.`);
  }
  return { verbs, actors: { actors: [], agents: agents.agents }, plover: plover.codes };
}
