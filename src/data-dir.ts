import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where wiregraph's files are, for every layer: the package root and its `data/` folder. Neutral ground, so
 * that the extraction layer (stages, readers, resources) does not depend on the command line.
 */

/** The folder holding wiregraph's package.json, found from this file whether run from `src` or `dist`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('wiregraph: cannot find the package root');
    dir = parent;
  }
  return dir;
}

/** The package's own data folder (knowledge base, models, dictionaries): `data/` under the package root. */
export function defaultDataDir(): string {
  return join(packageRoot(), 'data');
}
