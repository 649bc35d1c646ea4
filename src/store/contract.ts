import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { docOf } from '../test-support/docs.js';
import { publishedBy, storyDocs, type StoryDocs } from './contract-docs.js';
import { runEventContract } from './contract-events.js';
import { runFactContract } from './contract-facts.js';
import { runFilterContract } from './contract-filters.js';
import { runRelatedContract } from './contract-related.js';
import { asyncStore, type AnyArticleStore, type AsyncArticleStore as ArticleStore } from './async.js';
import { renderSnippet, type StoryCopyDiff } from './store.js';

/** What a store implementation gives the contract suite. */
export interface StoreContractOptions {
  /** A new, empty store, of either kind (see {@link asyncStore}); the suite closes it after each test. */
  readonly newStore: () => AnyArticleStore | Promise<AnyArticleStore>;
  /** Parts of the contract the store does not implement yet: their tests are registered as skipped (pending). */
  readonly pending?: readonly ContractPart[];
}

/** The parts of the contract a store may leave {@link StoreContractOptions.pending}. */
export type ContractPart = 'facts' | 'related' | 'events' | 'graph-filters';

/**
 * The behaviour every store implementation must have (read through {@link ArticleStore}, its asynchronous face): one suite, run by each implementation's
 * test file (`sqlite/store.test.ts`). Storage details (schema versions, pragmas, migrations) are tested there.
 */
export function runStoreContract({ newStore, pending = [] }: StoreContractOptions): void {
  let store: ArticleStore;
  const kim = docOf('Kim unveils policy', 'North Korean leader Kim Jong Un said Pyongyang will unveil a policy.', '2025-09-13');
  const putin = docOf('Putin visits Pyongyang', 'Russian President Vladimir Putin visited the reclusive state.', '2024-06-19');

  beforeEach(async () => {
    store = asyncStore(await newStore());
  });
  afterEach(async () => store.close());

  describe('adding articles', () => {
    it('stores a text once however often the same record is added', async () => {
      expect(await store.addBatch([{ doc: kim, source: 'a' }, { doc: putin, source: 'b' }])).toEqual({ added: 2, copies: 0, skipped: 0, failures: [] });
      expect(await store.addBatch([{ doc: kim, source: 'a' }, { doc: kim, source: 'c' }])).toEqual({ added: 0, copies: 0, skipped: 2, failures: [] });
      expect(await store.count()).toBe(2);
      expect(await store.copiesOf(kim.id)).toHaveLength(1);
    });

    it('keeps the same text from two outlets as two copies of one article, both listed', async () => {
      const bss = publishedBy(kim, 'BSS', null, '2025-09-13T08:28');
      const yonhap = publishedBy(kim, 'Yonhap', 'https://yonhap.example/kim', '2025-09-13T07:00');
      expect(await store.addBatch([{ doc: bss, source: 'bss.txt' }, { doc: yonhap, source: 'yonhap.txt' }])).toEqual({ added: 1, copies: 1, skipped: 0, failures: [] });
      expect(await store.count()).toBe(1);
      const copies = await store.copiesOf(kim.id);
      expect(copies.map((c) => [c.outlet, c.url, c.published, c.source, c.role])).toEqual([
        ['Yonhap', 'https://yonhap.example/kim', '2025-09-13T07:00', 'yonhap.txt', 'original'],
        ['BSS', null, '2025-09-13T08:28', 'bss.txt', 'copy'],
      ]);
      expect(await store.storyOf(kim.id)).toMatchObject({ copies: 2, position: 1 });
    });

    it('tells records apart by URL, and by outlet only when there is no URL', async () => {
      const first = publishedBy(kim, 'BSS', 'https://bss.example/1');
      expect(await store.addBatch([{ doc: first, source: 'a' }, { doc: publishedBy(kim, 'BSS', 'https://bss.example/2'), source: 'b' }, { doc: first, source: 'c' }])).toMatchObject({ added: 1, copies: 1, skipped: 1 });
      expect(await store.addBatch([{ doc: publishedBy(kim, 'BSS', null), source: 'd' }, { doc: publishedBy(kim, 'BSS', null), source: 'e' }])).toMatchObject({ added: 0, copies: 1, skipped: 1 });
      expect(await store.copiesOf(kim.id)).toHaveLength(3);
    });

    it('gives back the same wiregraph/1 document it stored', async () => {
      await store.addBatch([{ doc: kim, source: 'a' }]);
      expect(await store.get(kim.id)).toEqual(JSON.parse(JSON.stringify(kim)));
    });

    it('finds an article by a unique id prefix', async () => {
      await store.addBatch([{ doc: kim, source: 'a' }]);
      expect((await store.get(kim.id.slice(0, 6)))?.id).toBe(kim.id);
      expect(await store.get('zzzz')).toBeNull();
      expect(await store.copiesOf(kim.id.slice(0, 6))).toHaveLength(1);
      expect(await store.copiesOf('ffffffffffff')).toEqual([]);
      expect(await store.storyOf('ffffffffffff')).toBeNull();
    });

    it('rolls back only the record that cannot be stored, and stores the rest of its batch', async () => {
      const broken = { ...putin, id: 'broken', text: '' };
      const result = await store.addBatch([{ doc: kim, source: 'a' }, { doc: broken, source: 'b' }, { doc: putin, source: 'c' }]);
      expect(result).toMatchObject({ added: 2, copies: 0, skipped: 0 });
      expect(result.failures.map((f) => [f.index, f.error.code, f.error.input])).toEqual([[1, 'WG_STORE_FAILED', 'b']]);
      expect(await store.count()).toBe(2);
      expect(await store.get('broken')).toBeNull();
    });
  });

  describe('listing', () => {
    it('pages with a cursor until the last page', async () => {
      const docs = Array.from({ length: 5 }, (_, i) => docOf(`Headline ${i}`, `Body number ${i}.`));
      await store.addBatch(docs.map((doc) => ({ doc, source: 's' })));
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await store.list({ limit: 2, cursor });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual(docs.map((d) => d.id).sort());
    });
  });

  describe('search', () => {
    beforeEach(async () => {
      await store.addBatch([{ doc: kim, source: 'a' }, { doc: putin, source: 'b' }]);
    });

    it('finds words and marks them in the snippet', async () => {
      const [hit] = (await store.search('Pyongyang unveil', { limit: 10 })).items;
      expect(hit?.id).toBe(kim.id);
      expect(renderSnippet(hit!.snippet, '[', ']')).toContain('[unveil]');
    });

    it('gives each hit a snippet from its own text', async () => {
      await store.addBatch(['Alpha', 'Bravo', 'Charlie'].map((name, i) => ({ doc: docOf(`${name} story`, `In story ${name} the minister spoke about ${name.toLowerCase()} matters number ${i}.`), source: 's' })));
      const hits = (await store.search('minister', { limit: 10 })).items;
      expect(hits).toHaveLength(3);
      for (const hit of hits) {
        const name = hit.headline!.split(' ')[0]!;
        expect(renderSnippet(hit.snippet, '', '')).toContain(`story ${name}`);
      }
    });

    it('matches prefixes with a star and phrases in quotes', async () => {
      expect((await store.search('Puti*', { limit: 10 })).items.map((h) => h.id)).toEqual([putin.id]);
      expect((await store.search('"reclusive state"', { limit: 10 })).items.map((h) => h.id)).toEqual([putin.id]);
      expect((await store.search('"state reclusive"', { limit: 10 })).items).toEqual([]);
    });

    it.each(['"', '"unbalanced', '(((', 'kim)', 'NEAR', 'a NEAR b', 'AND OR NOT', '*', 'kim -putin', "Kim's", '^', ':', 'col:umn', '', '   ', '💥', 'x'.repeat(1000)])(
      'never raises a query syntax error for %j',
      async (query) => {
        await expect(store.search(query, { limit: 5 })).resolves.toHaveProperty('items');
      },
    );
  });

  runStoryContract(() => store);
  const part = (name: ContractPart, run: () => void): void => {
    if (pending.includes(name)) describe.skip(`${name} (pending on this store)`, run);
    else run();
  };
  part('facts', () => runFactContract(() => store));
  part('related', () => runRelatedContract(() => store));
  part('events', () => runEventContract(() => store));
  runFilterContract(() => store, pending.includes('graph-filters'));
}

/** The stories part of the contract: copies and versions grouped at ingest, read back with their lineage. */
function runStoryContract(current: () => ArticleStore): void {
  let docs: StoryDocs;
  beforeAll(() => {
    docs = storyDocs();
  });

  describe('stories', () => {
    // Note: stored out of time order (the version before the cut copy), so roles follow publication, not ingest.
    const ingestAll = async (store: ArticleStore): Promise<void> => {
      await store.addBatch([{ doc: docs.original, source: 'afp' }, { doc: docs.version, source: 'afp-2' }, { doc: docs.different, source: 'reuters' }]);
      await store.addBatch([{ doc: docs.cut, source: 'star' }]);
    };

    it('puts a cut copy and a version in the story of their original, and a different story on the topic in its own', async () => {
      const store = current();
      await ingestAll(store);
      const story = (await store.storyOf(docs.original.id))!;
      expect((await store.storyOf(docs.cut.id))?.id).toBe(story.id);
      expect((await store.storyOf(docs.version.id))?.id).toBe(story.id);
      expect((await store.storyOf(docs.different.id))?.id).not.toBe(story.id);
      expect((await store.storyOf(docs.different.id))?.copies).toBe(1);
      expect(story).toMatchObject({ copies: 3, originator: 'AFP', position: 1 });
      expect((await store.storyOf(docs.version.id))?.position).toBe(3);
    });

    it('reads a story back: copies in time order with roles, the first copy, and each copy\'s diff', async () => {
      const store = current();
      await ingestAll(store);
      const detail = (await store.story((await store.storyOf(docs.cut.id))!.id))!;
      expect(detail.first).toBe(docs.original.id);
      expect(detail.originator).toBe('AFP');
      expect(detail.copies.map((c) => [c.article, c.outlet, c.role, c.against])).toEqual([
        [docs.original.id, 'AFP', 'original', null],
        [docs.cut.id, 'Daily Star', 'copy', 0],
        [docs.version.id, 'AFP', 'version', 0],
      ]);
      const [, cut, version] = detail.copies as [unknown, StoryCopyDiff, StoryCopyDiff];
      const texts = (ops: StoryCopyDiff['diff'], op: string, side: 'before' | 'after'): string[] => ops.filter((d) => d.op === op).map((d) => (d[side] ?? '').slice(0, 20));
      expect(texts(cut.diff, 'same', 'after')).toHaveLength(5);
      expect(texts(cut.diff, 'cut', 'before')).toEqual(expect.arrayContaining(['The Dutch economy mi', 'Union leaders said t', 'Rotterdam handled mo']));
      expect(texts(version.diff, 'same', 'after')).toHaveLength(7);
      expect(texts(version.diff, 'added', 'after')).toEqual(expect.arrayContaining(['Talks between the un', 'Workers at the port ', 'ROTTERDAM (AFP) - St']));
      expect(await store.story(999_999)).toBeNull();
    });

    it('pages stories biggest first, with a minimum number of copies', async () => {
      const store = current();
      await ingestAll(store);
      expect(await store.storyCount()).toBe(2);
      expect(await store.storyCount(2)).toBe(1);
      const first = await store.stories({ limit: 1 });
      expect(first.items.map((s) => [s.copies, s.articles, s.first, s.originator])).toEqual([[3, 3, docs.original.id, 'AFP']]);
      const second = await store.stories({ limit: 1, cursor: first.nextCursor });
      expect(second.items.map((s) => s.first)).toEqual([docs.different.id]);
      expect(second.nextCursor).toBeNull();
      expect((await store.stories({ limit: 10, minCopies: 2 })).items).toHaveLength(1);
    });

    it('gives the roles by publication time when the earliest copy is stored last', async () => {
      const store = current();
      await store.addBatch([{ doc: docs.version, source: 'afp-2' }]);
      await store.addBatch([{ doc: docs.cut, source: 'star' }]);
      await store.addBatch([{ doc: docs.original, source: 'afp' }]);
      const detail = (await store.story((await store.storyOf(docs.version.id))!.id, { diffs: false }))!;
      expect(detail.first).toBe(docs.original.id);
      expect(detail.copies.map((c) => [c.outlet, c.role])).toEqual([['AFP', 'original'], ['Daily Star', 'copy'], ['AFP', 'version']]);
      expect(detail.copies.every((c) => c.against === null && c.diff.length === 0)).toBe(true);
      expect(await store.storyOf(docs.original.id)).toMatchObject({ copies: 3, position: 1, originator: 'AFP' });
    });

    it('makes an identical text from another outlet a copy in its story', async () => {
      const store = current();
      await ingestAll(store);
      await store.addBatch([{ doc: publishedBy(docs.cut, 'Morning Post', 'https://post.example/strike', '2025-03-03T10:00'), source: 'post' }]);
      const detail = (await store.story((await store.storyOf(docs.original.id))!.id))!;
      expect(detail.copies.map((c) => [c.outlet, c.role])).toEqual([['AFP', 'original'], ['Daily Star', 'copy'], ['Morning Post', 'copy'], ['AFP', 'version']]);
      expect(detail.copies[2]!.against).toBe(1);
      expect(detail.copies[2]!.diff.every((d) => d.op === 'same')).toBe(true);
    });
  });
}
