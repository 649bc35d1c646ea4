import { gunzipSync } from 'node:zlib';
import { WiregraphError } from '../../errors.js';
import type { ActorDictionary } from './dictionaries/actors.js';
import type { PloverEntry } from './dictionaries/plover.js';
import type { VerbDictionary } from './dictionaries/verbs.js';

/** Everything the event coder reads: verbs and patterns, actors and agents, and the CAMEO-to-PLOVER table. */
export interface EventLexicon {
  readonly verbs: VerbDictionary;
  readonly actors: ActorDictionary;
  readonly plover: Readonly<Record<string, PloverEntry>>;
}

/**
 * Reads the built-in lexicon of `data/events/` (built by `scripts/build-events.ts`); it has no actors of its own: those come from the entity layer.
 * @param read - the bytes of a file under `data/events/`
 * @throws WiregraphError `WG_MODEL_FORMAT` when the files are not event data this version reads
 */
export function readEventLexicon(read: (name: string) => Uint8Array): EventLexicon {
  const json = <T>(bytes: Uint8Array): T => JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as T;
  const verbs = json<VerbDictionary & { format: string }>(gunzipSync(read('verbs.json.gz')));
  const agents = json<{ format: string; agents: Record<string, string> }>(read('agents.json'));
  const plover = json<{ format: string; codes: Record<string, PloverEntry> }>(read('cameo-plover.json'));
  if (verbs.format !== 'wiregraph-verbs/1' || agents.format !== 'wiregraph-agents/1' || plover.format !== 'wiregraph-plover/1') {
    throw new WiregraphError('WG_MODEL_FORMAT', 'data/events holds event data this version does not read; run npm run build:events.');
  }
  return { verbs, actors: { actors: [], agents: agents.agents }, plover: plover.codes };
}
