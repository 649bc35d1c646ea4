import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { WiregraphError } from '../../../errors.js';
import { parseCsvActors, parseJsonActors, parsePetrarchActors, parsePetrarchAgents, type ActorDictionary } from './actors.js';
import { parseVerbDictionary, type VerbDictionary } from './verbs.js';

/**
 * Reads a user's actor dictionary by its extension: `.csv` (`name,code[,from,to]`), `.json`
 * (`[{"name", "code", ...}]`), anything else PETRARCH's format (actors, with `[~CODE]` lines read as agents).
 * @throws WiregraphError WG_BAD_DICTIONARY naming the file and line of the first problem, or WG_INPUT_NOT_FOUND
 */
export function loadActorDictionary(path: string): ActorDictionary {
  const text = readText(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.json') {
    const { dictionary, problems } = ext === '.csv' ? parseCsvActors(text) : parseJsonActors(text);
    if (problems[0]) throw new WiregraphError('WG_BAD_DICTIONARY', `${path}:${problems[0].line}: ${problems[0].text}`);
    return dictionary;
  }
  const actors = parsePetrarchActors(text).map((e) => ({ ...e, codes: e.codes.filter((c) => !c.code.startsWith('~')) })).filter((e) => e.codes.length > 0);
  const agents = parsePetrarchAgents(text);
  if (actors.length === 0 && Object.keys(agents).length === 0) throw new WiregraphError('WG_BAD_DICTIONARY', `${path}: no actors or agents found (expected lines such as "NORTH_KOREA [PRK]" or "TROOPS [~MIL]")`);
  return { actors, agents };
}

/**
 * Reads a user's verb dictionary (PETRARCH's CAMEO format).
 * @throws WiregraphError WG_BAD_DICTIONARY naming the file and line of the first problem
 */
export function loadVerbDictionary(path: string): VerbDictionary {
  const { dictionary, problems } = parseVerbDictionary(readText(path));
  const serious = problems.filter((p) => !p.text.startsWith('transformation'));
  if (serious[0]) throw new WiregraphError('WG_BAD_DICTIONARY', `${path}:${serious[0].line}: ${serious[0].text}`);
  if (dictionary.blocks.length === 0) throw new WiregraphError('WG_BAD_DICTIONARY', `${path}: no verb blocks found (expected "--- VERB [code] ---" headers)`);
  return dictionary;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new WiregraphError('WG_INPUT_NOT_FOUND', `${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}
