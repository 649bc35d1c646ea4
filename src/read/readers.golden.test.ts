import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSource } from './read.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const seed = fileURLToPath(new URL('../../data/sample/seed/bss-2025-09-13-north-korea-arsenal.txt', import.meta.url));
const update = process.env['UPDATE_FIXTURES'] === '1';

const inputs = [
  ...readdirSync(fixtures).filter((f) => !f.endsWith('.expected.json')).map((f) => join(fixtures, f)),
  seed,
];

/** What a reader produced, as compared with the golden file: meta and text, or the error code. */
function summarise(path: string): unknown {
  return readSource({ name: path.split('/').pop()!, bytes: readFileSync(path), contentType: null, url: null }, { kind: 'auto', date: null }).map((item) =>
    item.ok ? { id: item.inputId ?? null, meta: item.article.meta, text: item.article.text } : { id: item.inputId ?? null, error: item.error.code, line: item.error.line },
  );
}

describe('every reader matches its golden fixture', () => {
  it.each(inputs)('%s', (path) => {
    const expectedPath = join(fixtures, `${path.split('/').pop()}.expected.json`);
    const actual = summarise(path);
    if (update) writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    // Note: a missing golden file fails; only UPDATE_FIXTURES=1 writes one, so a new fixture is read before it is trusted.
    expect(existsSync(expectedPath), `${expectedPath} is missing: run UPDATE_FIXTURES=1 npx vitest run src/read, then read it`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
});
