import { beforeAll, describe, expect, it } from 'vitest';
import { publishedBy } from './contract-docs.js';
import { relatedDocs, type RelatedDocs } from './contract-related-docs.js';
import type { AsyncArticleStore as ArticleStore } from './async.js';

/** The related-coverage part of the store contract: stories about one event linked (never merged), others not. */
export function runRelatedContract(current: () => ArticleStore): void {
  let docs: RelatedDocs;
  beforeAll(() => {
    docs = relatedDocs();
  });
  const storyId = async (store: ArticleStore, id: string): Promise<number> => (await store.storyOf(id))!.id;

  describe('related coverage', () => {
    it('links two agencies\' accounts of one event both ways, with the score and reasons, and keeps them two stories', async () => {
      const store = current();
      await store.addBatch([{ doc: docs.pact, source: 'ap' }, { doc: docs.pactElsewhere, source: 'reuters' }]);
      const ap = await storyId(store, docs.pact.id);
      const reuters = await storyId(store, docs.pactElsewhere.id);
      expect(ap).not.toBe(reuters);
      const fromAp = (await store.story(ap, { diffs: false }))!.related;
      expect(fromAp.map((r) => [r.id, r.originator, r.headline])).toEqual([[reuters, 'Reuters', docs.pactElsewhere.meta.headline]]);
      expect(fromAp[0]!.score).toBeGreaterThan(0.125);
      expect(fromAp[0]!.reasons.join('; ')).toMatch(/actors: .*(Prabowo|Albanese)/u);
      const fromReuters = (await store.story(reuters, { diffs: false }))!.related;
      expect(fromReuters.map((r) => [r.id, r.originator, r.score])).toEqual([[ap, 'AP', fromAp[0]!.score]]);
      const listed = new Map((await store.stories({ limit: 10 })).items.map((s) => [s.id, s.related]));
      expect(listed).toEqual(new Map([[ap, [reuters]], [reuters, [ap]]]));
    });

    it('links them whichever is stored first', async () => {
      const store = current();
      await store.addBatch([{ doc: docs.pactElsewhere, source: 'reuters' }]);
      await store.addBatch([{ doc: docs.pact, source: 'ap' }]);
      expect((await store.story((await storyId(store, docs.pactElsewhere.id))))!.related.map((r) => r.id)).toEqual([await storyId(store, docs.pact.id)]);
    });

    it('does not link a story about the same person on another event months later', async () => {
      const store = current();
      await store.addBatch([docs.pact, docs.pactElsewhere, docs.later].map((doc) => ({ doc, source: doc.meta.outlet ?? '' })));
      const later = await storyId(store, docs.later.id);
      expect((await store.story(later))!.related).toEqual([]);
      for (const id of [docs.pact.id, docs.pactElsewhere.id]) expect((await store.story((await storyId(store, id))))!.related.map((r) => r.id)).not.toContain(later);
    });

    it('never links a story to itself, however many copies it has', async () => {
      const store = current();
      await store.addBatch([{ doc: docs.pact, source: 'ap' }, { doc: publishedBy(docs.pact, 'Jakarta Post', 'https://post.example/pact'), source: 'post' }]);
      await store.addBatch([{ doc: docs.pactElsewhere, source: 'reuters' }]);
      const ap = await storyId(store, docs.pact.id);
      expect((await store.storyOf(docs.pact.id))!.copies).toBe(2);
      expect((await store.story(ap))!.related.map((r) => r.id)).toEqual([await storyId(store, docs.pactElsewhere.id)]);
      for (const s of (await store.stories({ limit: 10 })).items) expect(s.related).not.toContain(s.id);
    });
  });
}
