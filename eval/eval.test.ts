import { describe, expect, it } from 'vitest';
import { evaluateSeedMeta } from './seed-meta.js';
import { sharedPath, SHARED } from './shared.js';

const hasShared = sharedPath('gold') !== null;
if (!hasShared) console.warn(`eval tests skipped: ${SHARED} is absent (set WIREGRAPH_SHARED to point at it)`);

describe.skipIf(!hasShared)('evaluation against ../shared gold', () => {
  it('extracts exactly the gold meta of every seed story', () => {
    const results = evaluateSeedMeta()!;
    expect(results.length).toBeGreaterThan(0);
    for (const { fields } of results) {
      expect(fields.filter((f) => !f.ok)).toEqual([]);
    }
  });
});
