import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSource } from '../src/api/extract.js';
import type { WiregraphDoc } from '../src/output/wiregraph1.js';
import { sharedPath } from './shared.js';

/** One compared field: gold value, system value, and whether they agree. */
export interface FieldResult {
  readonly field: string;
  readonly gold: unknown;
  readonly system: unknown;
  readonly ok: boolean;
}

const FIELDS: ReadonlyArray<[string, (meta: Record<string, any>) => unknown]> = [
  ['outlet', (m) => m['outlet']],
  ['published', (m) => m['published']],
  ['headline', (m) => m['headline']],
  ['language', (m) => m['language']],
  ['dateline.place', (m) => m['dateline']?.['place']],
  ['dateline.date', (m) => m['dateline']?.['date']],
  ['dateline.credits', (m) => m['dateline']?.['credits']],
  ['dateline.originator', (m) => m['dateline']?.['originator']],
  ['dateline.republisher', (m) => m['dateline']?.['republisher']],
];

/**
 * Extracts each gold-annotated seed story and compares its meta, field by field, with the gold.
 * @returns one list of field results per gold file, or null when `../shared` is absent
 */
export function evaluateSeedMeta(): Array<{ gold: string; fields: FieldResult[] }> | null {
  const goldDir = sharedPath('gold');
  if (!goldDir) return null;
  return readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort().map((file) => {
    const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as { document: string; meta: Record<string, unknown> };
    const path = sharedPath(gold.document)!;
    const [result] = extractSource({ name: path, bytes: readFileSync(path), contentType: null, url: null }, { kind: 'auto', date: null, maxBytes: 1e7 });
    const meta = (result?.ok ? result.doc.meta : {}) as WiregraphDoc['meta'];
    const fields = FIELDS.map(([field, get]) => {
      const g = get(gold.meta);
      const s = get(meta as unknown as Record<string, unknown>);
      return { field, gold: g, system: s, ok: JSON.stringify(g) === JSON.stringify(s) };
    });
    return { gold: file, fields };
  });
}
