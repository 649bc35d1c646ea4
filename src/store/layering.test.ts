import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageRoot } from '../data-dir.js';

/** The store's source files (tests aside), under src/store. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : []));
}

it('imports nothing from an extraction stage, the server or the command line', () => {
  const files = sources(join(packageRoot(), 'src', 'store'));
  expect(files.length).toBeGreaterThan(10);
  const wrong = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/gu)].map((m) => m[1]!).filter((p) => /\/(?:stages|server|cli)\//u.test(p)).map((p) => `${f}: ${p}`));
  expect(wrong).toEqual([]);
});
