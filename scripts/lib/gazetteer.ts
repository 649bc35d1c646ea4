import { existsSync, readFileSync } from 'node:fs';
import { decodeKbFile } from '../../src/stages/entities/kb-file.js';
import { gazetteerTagger, type GazetteerLists } from '../../src/stages/entities/gazetteer.js';

/**
 * Loads the gazetteer lists from the knowledge-base file and makes the tagger (for training; at run time
 * the recogniser gets it from the shared resources).
 * @returns null when the file is absent (a recogniser trained without a gazetteer)
 */
export function loadGazetteer(kbPath: string): ((words: readonly string[], lower?: readonly string[]) => Array<string[] | undefined>) | null {
  if (!existsSync(kbPath)) return null;
  const kb: { gazetteer?: GazetteerLists } = decodeKbFile(readFileSync(kbPath), kbPath).rest;
  return kb.gazetteer ? gazetteerTagger(kb.gazetteer) : null;
}
