/**
 * The real inputs the fuzzer mutates: the reader fixtures and the bundled sample always; the seed story,
 * BBC News articles and Readability's test pages from `../shared` when that folder is there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The input kinds the fuzzer targets. */
export type SeedKind = 'text' | 'html' | 'feed' | 'jsonl';

/** One real input. */
export interface Seed {
  readonly name: string;
  readonly kind: SeedKind;
  readonly text: string;
}

/** The repository root (two levels above `src/test-support/fuzz`, or `dist/src/...`). */
export function repoRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const up = here.includes(`${join('dist', 'src')}`) ? '../../../..' : '../../..';
  return join(here, up);
}

const KIND_BY_EXTENSION: ReadonlyArray<[RegExp, SeedKind]> = [[/\.(?:html?|xhtml)$/u, 'html'], [/\.(?:rss|atom|xml)$/u, 'feed'], [/\.(?:jsonl|ndjson)$/u, 'jsonl'], [/\.txt$/u, 'text']];

function kindOf(name: string): SeedKind | null {
  return KIND_BY_EXTENSION.find(([re]) => re.test(name))?.[1] ?? null;
}

function filesIn(dir: string, limit: number, deep = false): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (out.length >= limit) break;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (deep) out.push(...filesIn(path, limit - out.length, deep));
    } else out.push(path);
  }
  return out;
}

function dirsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().map((entry) => join(dir, entry)).filter((path) => statSync(path).isDirectory());
}

/** How many inputs to take from each `../shared` collection (the fixtures are always all taken). */
export interface SeedLimits {
  readonly newsPerTopic: number;
  readonly htmlPages: number;
}

/**
 * Loads the seeds. `../shared` is optional: without it the fixtures and the bundled sample still give every
 * kind at least one seed.
 */
export function loadSeeds(limits: SeedLimits = { newsPerTopic: 20, htmlPages: 40 }): Seed[] {
  const root = repoRoot();
  const seeds: Seed[] = [];
  const add = (path: string, kind: SeedKind | null = kindOf(path)): void => {
    if (kind === null) return;
    const text = readFileSync(path, 'utf8');
    // Note: a seed over 2 MB would make every case slow; the 10 MB cases are made by repetition instead.
    if (text.length <= 2e6) seeds.push({ name: relative(root, path), kind, text });
  };
  for (const file of filesIn(join(root, 'src/read/fixtures'), 200)) if (!file.endsWith('.json')) add(file);
  for (const file of filesIn(join(root, 'data/sample'), 20, true)) if (!file.endsWith('.md')) add(file);
  const shared = join(root, '..', 'shared');
  for (const file of filesIn(join(shared, 'corpus/seed'), 5)) add(file);
  for (const topic of dirsIn(join(shared, 'data/news/bbc'))) for (const file of filesIn(topic, limits.newsPerTopic)) add(file, 'text');
  for (const page of dirsIn(join(shared, 'data/html/readability-test-pages')).slice(0, limits.htmlPages)) {
    const source = join(page, 'source.html');
    if (existsSync(source)) add(source, 'html');
  }
  return seeds;
}
