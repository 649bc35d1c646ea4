import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  articleEntitiesShape, articlePageShape, corpusOverviewShape, globalEntityShape, jsonSchema, networkShape, pageShape, profileShape, quoteShape, searchHitShape,
  storedEventShape, storyDetailShape, storyPageShape, timelineShape,
} from '../contract/index.js';
import { packageRoot } from '../data-dir.js';
import { openSqliteStore } from '../store/sqlite/store.js';
import type { ArticleStore } from '../store/store.js';
import { seedStoryDoc } from '../test-support/docs.js';
import { buildApp } from './app.js';

let store: ArticleStore;
let app: ReturnType<typeof buildApp>;
let article: string;

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  const seed = seedStoryDoc();
  article = seed.id;
  store.addBatch([{ doc: seed, source: '/home/someone/seed.txt' }]);
  app = buildApp({ store });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  store.close();
});

const body = async (url: string): Promise<unknown> => {
  const res = await app.inject(url);
  expect(res.statusCode, url).toBe(200);
  return res.json();
};
const entityId = async (): Promise<number> => ((await body('/api/entities?q=Kim')) as { items: Array<{ id: number }> }).items[0]!.id;

/** The API routes the route files register (`app.get<...>('/api/...'` and the like), in OpenAPI's path form. */
function registeredRoutes(): string[] {
  const dir = join(packageRoot(), 'src', 'server', 'routes');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const routes = files.flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\bapp\.(?:get|post|put|delete|patch)(?:<[^(]*>)?\(\s*'(\/api\/[^']+)'/gu)].map((m) => m[1]!));
  return [...new Set(routes.map((r) => r.replace(/:(\w+)/gu, '{$1}')))].sort();
}

describe('one contract for the API', () => {
  it('lists every API route in the OpenAPI document', async () => {
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(13);
    const paths = Object.keys(((await body('/openapi.json')) as { paths: object }).paths);
    // Note: /api/extract is registered in a loop over its two URLs, and the merge actions by one function, so the files name them outside a call.
    expect(paths).toEqual(expect.arrayContaining([...routes, '/api/extract', '/api/merges/{id}/undo', '/api/merges/{id}/redo']));
  });

  it('sends answers of the shapes the contract declares, and nothing beyond them', async () => {
    const entity = await entityId();
    const story = ((await body('/api/stories')) as { items: Array<{ id: number }> }).items[0]!.id;
    const cases: Array<[string, z.ZodType]> = [
      ['/api/articles', articlePageShape],
      ['/api/search?q=Kim', pageShape(searchHitShape)],
      ['/api/overview', corpusOverviewShape],
      ['/api/entities?q=Korea', pageShape(globalEntityShape)],
      [`/api/entities/${entity}`, profileShape],
      [`/api/articles/${article}/entities`, articleEntitiesShape],
      ['/api/quotes', pageShape(quoteShape)],
      ['/api/events', pageShape(storedEventShape)],
      [`/api/network?actor=${entity}`, networkShape],
      ['/api/timeline', timelineShape],
      ['/api/stories', storyPageShape],
      [`/api/stories/${story}`, storyDetailShape],
    ];
    for (const [url, shape] of cases) {
      const answer = await body(url);
      const parsed = shape.safeParse(answer);
      expect(parsed.error?.issues ?? [], url).toEqual([]);
      // Note: zod drops keys it does not declare, so an answer equal to its parse carries nothing undeclared.
      expect(parsed.data, url).toEqual(answer);
    }
  });

  it("gives each route's 200 response the contract's JSON Schema", async () => {
    const doc = (await body('/openapi.json')) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>> };
    const schemaOf = (path: string) => doc.paths[path]!['get']!.responses['200']!.content!['application/json']!.schema;
    expect(Object.keys((schemaOf('/api/events')['properties'] as { items: { items: { properties: object } } }).items.items.properties)).toEqual(Object.keys(jsonSchema(storedEventShape)['properties'] as object));
    expect(Object.keys(schemaOf('/api/quotes')['properties'] as object)).toEqual(['items', 'nextCursor']);
    expect(Object.keys(((schemaOf('/api/quotes')['properties'] as { items: { items: { properties: object } } }).items.items.properties))).toContain('channels');
  });

  it("gives each quote the channels it was relayed through, and the seed's Kim quote the state-run agency", async () => {
    const quotes = ((await body('/api/quotes?limit=50')) as { items: Array<{ speakerText: string | null; content: string; channels: string[]; kind: string }> }).items;
    const kcna = quotes.find((q) => q.content.includes('simultaneously pushing forward'));
    expect(kcna).toMatchObject({ speakerText: 'Kim Jong Un', kind: 'mixed', channels: ['the state-run Korean Central News Agency'] });
    expect(quotes.find((q) => q.content.startsWith('Pyongyang will unveil'))?.channels).toEqual(['state media']);
    expect(quotes.filter((q) => q.channels.length === 0).length).toBeGreaterThan(3);
  });
});
