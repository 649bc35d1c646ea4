import { readFileSync } from 'node:fs';
import { parsePetrarchActors, parsePetrarchAgents } from '../../src/stages/events/dictionaries/actors.js';

/** One entry of a PETRARCH/TABARI actor dictionary: its names, its (dated) codes, and its line's comment. */
export type PhoenixEntry = ReturnType<typeof parsePetrarchActors>[number];

/** Reads a PETRARCH actor dictionary file (see {@link parsePetrarchActors}). */
export function readPhoenixActors(path: string): PhoenixEntry[] {
  return parsePetrarchActors(readFileSync(path, 'utf8'));
}

/** Reads the Phoenix agents dictionary file (see {@link parsePetrarchAgents}). */
export function readPhoenixAgents(path: string): Record<string, string> {
  return parsePetrarchAgents(readFileSync(path, 'utf8'));
}
