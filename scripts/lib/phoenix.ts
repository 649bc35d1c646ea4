import { readFileSync } from 'node:fs';
import type { DatedCode } from '../../src/stages/entities/kb-types.js';
import { parseDatedCodes, parsePetrarchAgents } from '../../src/stages/events/dictionaries/actors.js';

/** One entry of a PETRARCH/TABARI actor dictionary: its names and its (dated) codes. */
export interface PhoenixEntry {
  readonly names: string[];
  readonly codes: DatedCode[];
  readonly comment: string;
}

/** `VLADIMIR_PUTIN_` -> `VLADIMIR PUTIN`. */
export function phoenixName(raw: string): string {
  return raw.replace(/_+$/u, '').replace(/_/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** Reads a PETRARCH actor dictionary: entries, each with its `+` synonyms and its code lines. */
export function readPhoenixActors(path: string): PhoenixEntry[] {
  const entries: PhoenixEntry[] = [];
  let current: PhoenixEntry | null = null;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/u, '');
    if (line.trim() === '' || line.startsWith('#') || line.startsWith('!') || line.startsWith('<')) continue;
    const [body = '', comment = ''] = line.split('#', 2);
    if (/^\s+\[/u.test(line) || /^\[/u.test(line)) {
      current?.codes.push(...parseDatedCodes(body));
    } else if (line.startsWith('+')) {
      const name = phoenixName(body.slice(1).replace(/\[.*$/u, ''));
      if (current && name) current.names.push(name);
    } else {
      const name = phoenixName(body.replace(/\[.*$/u, ''));
      if (!name) continue;
      current = { names: [name], codes: parseDatedCodes(body), comment: comment.trim() };
      entries.push(current);
    }
  }
  return entries;
}

/** Reads the Phoenix agents dictionary (see {@link parsePetrarchAgents}). */
export function readPhoenixAgents(path: string): Record<string, string> {
  return parsePetrarchAgents(readFileSync(path, 'utf8'));
}
