/** An in-memory story index: keys to article ids, the lookup the store does in SQL, for eval and bench. */
import type { Fingerprint } from './fingerprint.js';

/** Keys → ids; candidates are the ids sharing most keys with a fingerprint. */
export class MemoryStoryIndex {
  private readonly postings = new Map<string, string[]>();
  private count = 0;

  /** Adds an article's keys. */
  add(id: string, f: Fingerprint): void {
    for (const key of f.keys) {
      const ids = this.postings.get(key);
      if (ids) ids.push(id);
      else this.postings.set(key, [id]);
    }
    this.count++;
  }

  /** How many articles were added. */
  get size(): number {
    return this.count;
  }

  /**
   * The stored ids sharing at least one key with `f`, most shared keys first (ties: earliest added first).
   * @param limit - at most this many (default 20)
   */
  candidates(f: Fingerprint, limit = 20): string[] {
    const shared = new Map<string, number>();
    for (const key of f.keys) {
      const ids = this.postings.get(key);
      if (!ids) continue;
      for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    return [...shared.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id]) => id);
  }
}
