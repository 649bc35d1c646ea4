/**
 * The fuzz loop: for each target, draws cases from its arbitrary (fast-check, seeded, so a run can be
 * repeated), checks each (see {@link checkCase}), and counts cases and failures per target.
 */
import fc from 'fast-check';
import { createPipeline, type Pipeline } from '../../pipeline/pipeline.js';
import { checkCase, type Failure } from './check.js';
import { casesFor, type CaseOptions, type FuzzCase, type Target } from './mutate.js';
import type { Seed } from './seeds.js';

/** What one target's run found. */
export interface TargetReport {
  readonly target: Target;
  cases: number;
  docs: number;
  ms: number;
  readonly failures: Array<Failure & { readonly label: string; readonly bytes: number }>;
}

/** One target's share of a run. */
export interface TargetPlan {
  readonly target: Target;
  /** The most cases to run. */
  readonly cases: number;
  /** The most milliseconds to spend on the target (the cases run so far count). */
  readonly timeCapMs: number;
}

/** Options for a run. */
export interface FuzzOptions extends CaseOptions {
  readonly seed: number;
  readonly plans: readonly TargetPlan[];
  /** The pipeline of the `pipeline` target (the default one when omitted). */
  readonly pipeline?: Pipeline;
  /** Milliseconds one case may take: readers, then the pipeline. */
  readonly readerLimitMs: number;
  readonly pipelineLimitMs: number;
  /** Run every `twiceEvery`-th case twice, for determinism (1: all). */
  readonly twiceEvery: number;
  /** Called after each case (progress), and on each failure. */
  readonly onCase?: (report: TargetReport, c: FuzzCase, failures: readonly Failure[]) => void;
}

// Note: cases are drawn in batches, so that a 10 MB case is not held in memory with thousands of others.
const BATCH = 50;

/** Runs the plans in order and returns one report per target. */
export function runFuzz(seeds: readonly Seed[], options: FuzzOptions): TargetReport[] {
  const readerPipeline = createPipeline([]);
  const reports: TargetReport[] = [];
  for (const [t, plan] of options.plans.entries()) {
    const report: TargetReport = { target: plan.target, cases: 0, docs: 0, ms: 0, failures: [] };
    reports.push(report);
    const arbitrary = casesFor(plan.target, seeds, options);
    const pipeline = plan.target === 'pipeline' ? (options.pipeline ?? createPipeline()) : readerPipeline;
    const timeLimitMs = plan.target === 'pipeline' ? options.pipelineLimitMs : options.readerLimitMs;
    const started = performance.now();
    for (let batch = 0; report.cases < plan.cases && performance.now() - started < plan.timeCapMs; batch++) {
      const cases = fc.sample(arbitrary, { seed: options.seed + t * 1_000_003 + batch, numRuns: Math.min(BATCH, plan.cases - report.cases) });
      for (const c of cases) {
        if (performance.now() - started >= plan.timeCapMs) break;
        // Note: a 10 MB input takes seconds of garbage collection alone (its text is copied by each step), so it gets three times the time.
        const limit = c.bytes.length > 1e6 ? timeLimitMs * 3 : timeLimitMs;
        const { failures, docs } = checkCase(c, { pipeline, timeLimitMs: limit, twice: report.cases % options.twiceEvery === 0 });
        report.cases++;
        report.docs += docs;
        for (const f of failures) report.failures.push({ ...f, label: c.label.slice(0, 500), bytes: c.bytes.length });
        options.onCase?.(report, c, failures);
      }
    }
    report.ms = performance.now() - started;
  }
  return reports;
}

/** The failures of a report grouped by property and first words of their detail, most frequent first. */
export function failureSummary(report: TargetReport): Array<{ key: string; count: number; example: string }> {
  const groups = new Map<string, { count: number; example: string }>();
  for (const f of report.failures) {
    const key = `${f.property}: ${f.detail.replace(/\[\d+\]/gu, '[]').replace(/\d+/gu, 'N').slice(0, 90)}`;
    const group = groups.get(key) ?? { count: 0, example: `${f.detail} | case: ${f.label}` };
    group.count++;
    groups.set(key, group);
  }
  return [...groups].map(([key, g]) => ({ key, ...g })).sort((a, b) => b.count - a.count);
}
