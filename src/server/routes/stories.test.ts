import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedBy, storyDocs, type StoryDocs } from '../../store/contract-docs.js';
import { openSqliteStore } from '../../store/sqlite/store.js';
import { buildApp } from '../app.js';

const store = openSqliteStore(':memory:');
const app = buildApp({ store });
let docs: StoryDocs;

beforeAll(async () => {
  docs = storyDocs();
  store.addBatch([
    { doc: docs.original, source: 'afp' },
    { doc: publishedBy(docs.original, 'BSS', null, '2025-03-03T08:40'), source: 'bss' },
    { doc: docs.cut, source: 'star' },
    { doc: docs.version, source: 'afp-2' },
    { doc: docs.different, source: 'reuters' },
  ]);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('stories API', () => {
  it('lists stories biggest first, paged like the other lists, with a total', async () => {
    const first = (await app.inject('/api/stories?limit=1')).json();
    expect(first.total).toBe(2);
    expect(first.items).toEqual([expect.objectContaining({ copies: 4, articles: 3, originator: 'AFP', first: docs.original.id, headline: docs.original.meta.headline })]);
    const second = (await app.inject(`/api/stories?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((s: { first: string }) => s.first)).toEqual([docs.different.id]);
    expect(second.nextCursor).toBeNull();
    const big = (await app.inject('/api/stories?minCopies=2')).json();
    expect(big.total).toBe(1);
    expect(big.items).toHaveLength(1);
  });

  it('gives one story with its copies in time order, roles and diffs', async () => {
    const id = (await app.inject('/api/stories?limit=1')).json().items[0].id as number;
    const res = await app.inject(`/api/stories/${id}`);
    expect(res.statusCode).toBe(200);
    const story = res.json();
    expect(story).toMatchObject({ id, originator: 'AFP', first: docs.original.id });
    expect(story.copies.map((c: { outlet: string; role: string; against: number | null }) => [c.outlet, c.role, c.against])).toEqual([
      ['AFP', 'original', null],
      ['BSS', 'copy', 0],
      ['Daily Star', 'copy', 1],
      ['AFP', 'version', 1],
    ]);
    const cutOps = story.copies[2].diff.map((d: { op: string }) => d.op);
    expect(cutOps.filter((op: string) => op === 'cut').length).toBeGreaterThanOrEqual(3);
    expect(cutOps.filter((op: string) => op === 'same')).toHaveLength(5);
  });

  it('leaves the diffs out when asked (diffs=false), the copies and roles the same', async () => {
    const id = (await app.inject('/api/stories?limit=1')).json().items[0].id as number;
    const full = (await app.inject(`/api/stories/${id}`)).json();
    const bare = (await app.inject(`/api/stories/${id}?diffs=false`)).json();
    expect(bare.copies.map((c: { article: string; role: string }) => [c.article, c.role])).toEqual(full.copies.map((c: { article: string; role: string }) => [c.article, c.role]));
    expect(full.copies.some((c: { diff: unknown[] }) => c.diff.length > 0)).toBe(true);
    expect(bare.copies.every((c: { diff: unknown[]; against: number | null }) => c.diff.length === 0 && c.against === null)).toBe(true);
    expect((await app.inject(`/api/stories/${id}?diffs=maybe`)).statusCode).toBe(400);
  });

  it('gives a story its related stories: in full on the story, by id in the list', async () => {
    // Note: the Reuters story on Hamburg's dock workers is about the Rotterdam strike (the same union dispute,
    // quotation and week) in words of its own: related, not a copy.
    const other = (await app.inject(`/api/articles/${docs.different.id}`)).json().story.id as number;
    const id = (await app.inject('/api/stories?limit=1')).json().items[0].id as number;
    const story = (await app.inject(`/api/stories/${id}?diffs=false`)).json();
    expect(story.related).toEqual([{ id: other, headline: docs.different.meta.headline, originator: 'Reuters', score: expect.any(Number), reasons: expect.arrayContaining([expect.stringMatching(/^actors: /u)]) }]);
    expect((await app.inject(`/api/stories/${other}`)).json().related.map((r: { id: number }) => r.id)).toEqual([id]);
    const listed = (await app.inject('/api/stories')).json().items.map((s: { id: number; related: number[] }) => [s.id, s.related]);
    expect(listed).toEqual([[id, [other]], [other, [id]]]);
  });

  it('gives each article its story: copies, originator and its place among the copies', async () => {
    const res = (await app.inject(`/api/articles/${docs.cut.id}`)).json();
    expect(res).toMatchObject({ schema: 'wiregraph/1', id: docs.cut.id });
    expect(res.story).toMatchObject({ copies: 4, originator: 'AFP', position: 3 });
    expect((await app.inject(`/api/articles/${docs.different.id}`)).json().story).toMatchObject({ copies: 1, originator: 'Reuters', position: 1 });
  });

  it('answers an unknown story with the not-found error of the other routes, and a bad id or option with 400', async () => {
    const missing = await app.inject('/api/stories/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('WG_NOT_FOUND');
    for (const url of ['/api/stories/abc', '/api/stories?minCopies=0', '/api/stories?limit=0', '/api/stories?bogus=1']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('WG_BAD_OPTION');
    }
  });

  it('describes the story routes in the OpenAPI document', async () => {
    const paths = Object.keys((await app.inject('/openapi.json')).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/stories', '/api/stories/{id}']));
  });
});
