import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { packageRoot } from '../data-dir.js';

/** Every source file of the web UI, under ui/src. */
function uiSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? uiSources(join(dir, d.name)) : /\.(?:ts|js|mjs)$/u.test(d.name) ? [join(dir, d.name)] : []));
}

/** The module specifiers a file imports or re-exports (static and dynamic). */
function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/gu)].map((m) => m[1]!);
}

it("imports nothing of src/ into the web UI but the API's contract (src/contract)", () => {
  const root = packageRoot();
  const files = uiSources(join(root, 'ui', 'src'));
  expect(files.length).toBeGreaterThan(15);
  const seen: string[] = [];
  const wrong = files.flatMap((file) => specifiers(readFileSync(file, 'utf8')).filter((s) => s.startsWith('.')).flatMap((s) => {
    const target = relative(root, resolve(dirname(file), s)).split('\\').join('/');
    if (target.startsWith('ui/')) return [];
    seen.push(target);
    return target.startsWith('src/contract/') ? [] : [`${relative(root, file)}: ${s}`];
  }));
  expect(wrong).toEqual([]);
  // Note: the UI does take its types from the contract, so the check above looks at real imports.
  expect(seen.some((t) => t.startsWith('src/contract/'))).toBe(true);
});

it('finds an import of src/ outside the contract when there is one', () => {
  expect(specifiers("import type { EventRow } from '../../src/store/graph.js';\nexport { x } from \"./y.js\";\nconst m = import('../z.js');")).toEqual(['../../src/store/graph.js', './y.js', '../z.js']);
});
