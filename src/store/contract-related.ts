import { beforeAll, describe, expect, it } from 'vitest';
import { publishedBy } from './contract-docs.js';
import { relatedDocs, type RelatedDocs } from './contract-related-docs.js';
import type { ArticleStore } from './store.js';

/** The related-coverage part of the store contract: stories about one event linked (never merged), others not. */
export function runRelatedContract(current: () => ArticleStore): void {
  let docs: RelatedDocs;
  beforeAll(() => {
    docs = relatedDocs();
  });
  const storyId = (store: ArticleStore, id: string): number => store.storyOf(id)!.id;

  describe('related coverage', () => {
    it('links two agencies\' accounts of one event both ways, with the score and reasons, and keeps them two stories', () => {
      const store = current();
      store.addBatch([{ doc: docs.pact, source: 'ap' }, { doc: docs.pactElsewhere, source: 'reuters' }]);
      const ap = storyId(store, docs.pact.id);
      const reuters = storyId(store, docs.pactElsewhere.id);
      expect(ap).not.toBe(reuters);
      const fromAp = store.story(ap, { diffs: false })!.related;
      expect(fromAp.map((r) => [r.id, r.originator, r.headline])).toEqual([[reuters, 'Reuters', docs.pactElsewhere.meta.headline]]);
      expect(fromAp[0]!.score).toBeGreaterThan(0.125);
      expect(fromAp[0]!.reasons.join('; ')).toMatch(/actors: .*(Prabowo|Albanese)/u);
      const fromReuters = store.story(reuters, { diffs: false })!.related;
      expect(fromReuters.map((r) => [r.id, r.originator, r.score])).toEqual([[ap, 'AP', fromAp[0]!.score]]);
      const listed = new Map(store.stories({ limit: 10 }).items.map((s) => [s.id, s.related]));
      expect(listed).toEqual(new Map([[ap, [reuters]], [reuters, [ap]]]));
    });

    it('links them whichever is stored first', () => {
      const store = current();
      store.addBatch([{ doc: docs.pactElsewhere, source: 'reuters' }]);
      store.addBatch([{ doc: docs.pact, source: 'ap' }]);
      expect(store.story(storyId(store, docs.pactElsewhere.id))!.related.map((r) => r.id)).toEqual([storyId(store, docs.pact.id)]);
    });

    it('does not link a story about the same person on another event months later', () => {
      const store = current();
      store.addBatch([docs.pact, docs.pactElsewhere, docs.later].map((doc) => ({ doc, source: doc.meta.outlet ?? '' })));
      const later = storyId(store, docs.later.id);
      expect(store.story(later)!.related).toEqual([]);
      for (const id of [docs.pact.id, docs.pactElsewhere.id]) expect(store.story(storyId(store, id))!.related.map((r) => r.id)).not.toContain(later);
    });

    it('never links a story to itself, however many copies it has', () => {
      const store = current();
      store.addBatch([{ doc: docs.pact, source: 'ap' }, { doc: publishedBy(docs.pact, 'Jakarta Post', 'https://post.example/pact'), source: 'post' }]);
      store.addBatch([{ doc: docs.pactElsewhere, source: 'reuters' }]);
      const ap = storyId(store, docs.pact.id);
      expect(store.storyOf(docs.pact.id)!.copies).toBe(2);
      expect(store.story(ap)!.related.map((r) => r.id)).toEqual([storyId(store, docs.pactElsewhere.id)]);
      for (const s of store.stories({ limit: 10 }).items) expect(s.related).not.toContain(s.id);
    });
  });
}
