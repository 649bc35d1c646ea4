import { describe, expect, it } from 'vitest';
import { failureSummary, runFuzz, type TargetReport } from './run.js';
import { TARGETS } from './mutate.js';
import { loadSeeds, type Seed } from './seeds.js';
import { spanProblems } from './check.js';

// Note: the 30-second version of `npm run fuzz`: a few hundred cases per reader, a few dozen through the pipeline, each target time-capped.
// Note: pages over 60 KB take Readability a second each on a busy machine, too slow for a few hundred cases in seconds; npm run fuzz takes them all.
const seeds: Seed[] = loadSeeds({ newsPerTopic: 4, htmlPages: 30 }).filter((s) => s.kind !== 'html' || s.text.length <= 60_000);

describe('the fuzzer', () => {
  it('finds a span whose text is not its slice, and one that splits a surrogate pair', () => {
    expect(spanProblems({ text: 'Kim  Jong Un said', events: [{ source: [{ start: 0, end: 12, text: 'Kim Jong Un' }] }] } as { text: string })).toHaveLength(1);
    expect(spanProblems({ text: 'a😀b', entities: [{ mentions: [{ start: 0, end: 2, text: 'a\uD83D' }] }] } as { text: string })[0]).toContain('surrogate');
    expect(spanProblems({ text: 'abc', messages: [{ start: 0, end: 3, text: 'a note, not the slice' }] } as { text: string })).toEqual([]);
  });

  it('has seeds of every kind without ../shared', () => {
    for (const kind of ['text', 'html', 'feed', 'jsonl']) expect(seeds.some((s) => s.kind === kind && s.name.startsWith('src/read/fixtures'))).toBe(true);
  });

  it('runs every reader and the pipeline on mutated and random inputs with no crash, hang, bad span, invalid document or nondeterminism', () => {
    // Note: a new seed each run, so that the suite explores new cases; it is printed, so that a failing run can be repeated with it.
    const seed = Date.now() % 100_000;
    const reports: TargetReport[] = runFuzz(seeds, {
      seed,
      plans: TARGETS.map((target) => ({ target, cases: target === 'pipeline' ? 40 : 300, timeCapMs: target === 'pipeline' ? 8_000 : 3_500 })),
      big: false,
      readerLimitMs: 10_000,
      pipelineLimitMs: 20_000,
      twiceEvery: 2,
    });
    const lines = reports.map((r) => `${r.target}: ${r.cases} cases, ${r.failures.length} failures${failureSummary(r).map((g) => `\n  ${g.count} x ${g.example}`).join('')}`);
    console.log(`fuzz (suite, seed ${seed}): ${lines.join('; ')}`);
    for (const r of reports) expect(r.cases, r.target).toBeGreaterThanOrEqual(r.target === 'pipeline' ? 5 : 20);
    expect(reports.flatMap((r) => failureSummary(r).map((g) => `${r.target} ${g.count} x ${g.example}`))).toEqual([]);
  }, 90_000);
});
