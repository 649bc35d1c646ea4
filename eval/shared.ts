import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/data-dir.js';

/** Where `../shared` is: `WIREGRAPH_SHARED`, else beside the repository. */
export const SHARED = process.env['WIREGRAPH_SHARED'] ?? join(packageRoot(), '..', 'shared');

/** A path under `../shared`, or null when that path is absent (so the caller can skip with a clear line). */
export function sharedPath(...parts: string[]): string | null {
  const path = join(SHARED, ...parts);
  return existsSync(path) ? path : null;
}
