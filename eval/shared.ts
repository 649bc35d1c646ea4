import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url).href.replace(/\/dist\/$/u, '/'));

/** Where `../shared` is: `WIREGRAPH_SHARED`, else beside the repository. */
export const SHARED = process.env['WIREGRAPH_SHARED'] ?? join(ROOT, '..', 'shared');

/** A path under `../shared`, or null when that path is absent (so the caller can skip with a clear line). */
export function sharedPath(...parts: string[]): string | null {
  const path = join(SHARED, ...parts);
  return existsSync(path) ? path : null;
}
