import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../data-dir.js';

let places: ReadonlySet<string> | null = null;

/**
 * True when `name` is a place the knowledge base knows (a country, a city, a location of the gazetteer),
 * compared in lower case with spaces collapsed. The list is `data/lexicon/dateline-places.json`, made by
 * `scripts/build-dateline-places.ts`, read once on first use.
 */
export function isKnownPlace(name: string): boolean {
  places ??= new Set((JSON.parse(readFileSync(join(defaultDataDir(), 'lexicon', 'dateline-places.json'), 'utf8')) as { places: string[] }).places);
  return places.has(name.toLowerCase().replace(/\s+/gu, ' ').trim());
}
