/**
 * `npm run fuzz`: fuzzes each reader and the whole pipeline with mutated real inputs and random ones (see
 * `src/test-support/fuzz/`), prints the cases run per target and every kind of failure found, and exits 1
 * when any property broke. Not part of `npm test`, which runs a 30-second version (`fuzz.test.ts`).
 *
 * Options: `--cases N` (per reader target, default 20,000), `--pipeline-cases N` (default 2,000),
 * `--minutes M` (a time cap per target, default 10), `--seed S` (default 1), `--no-big` (leave out the
 * 100,000-deep and 10 MB cases), `--twice-every K` (run every K-th case twice for determinism, default 1),
 * `--plan text=50000:6,html=2000:8,...` (cases and minutes per target, in place of the three above).
 * A case may take 20 s through a reader and 60 s through the pipeline, three times that when over 1 MB.
 */
import { parseArgs } from 'node:util';
import { failureSummary, runFuzz, type TargetPlan } from '../src/test-support/fuzz/run.js';
import { TARGETS } from '../src/test-support/fuzz/mutate.js';
import { loadSeeds } from '../src/test-support/fuzz/seeds.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '20000' },
    'pipeline-cases': { type: 'string', default: '2000' },
    minutes: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    'no-big': { type: 'boolean', default: false },
    'twice-every': { type: 'string', default: '1' },
    targets: { type: 'string', default: TARGETS.join(',') },
    plan: { type: 'string' },
  },
});

const seeds = loadSeeds();
const capMs = Number(values.minutes) * 60_000;
const plans: TargetPlan[] = values.plan
  ? values.plan.split(',').map((entry) => {
    const [target, cases, minutes] = entry.split(/[=:]/u);
    return { target: target as TargetPlan['target'], cases: Number(cases), timeCapMs: Number(minutes ?? values.minutes) * 60_000 };
  })
  : values.targets.split(',').map((target) => ({
    target: target as TargetPlan['target'],
    cases: Number(target === 'pipeline' ? values['pipeline-cases'] : values.cases),
    timeCapMs: capMs,
  }));
for (const plan of plans) if (!TARGETS.includes(plan.target)) throw new Error(`--targets: no target ${plan.target}; choose from ${TARGETS.join(', ')}.`);
const started = Date.now();
console.log(`fuzz: ${seeds.length} seeds (${['text', 'html', 'feed', 'jsonl'].map((k) => `${seeds.filter((s) => s.kind === k).length} ${k}`).join(', ')}), seed ${values.seed}`);
const reports = runFuzz(seeds, {
  seed: Number(values.seed),
  plans,
  big: !values['no-big'],
  readerLimitMs: 20_000,
  pipelineLimitMs: 60_000,
  twiceEvery: Number(values['twice-every']),
  onCase: (report, c, failures) => {
    for (const f of failures) console.log(`FAIL ${report.target} ${f.property}: ${f.detail.slice(0, 300)}\n     case (${c.bytes.length} bytes): ${c.label.slice(0, 300)}`);
    if (report.cases % 1000 === 0) console.log(`  ${report.target}: ${report.cases} cases, ${report.failures.length} failures, ${Math.round((Date.now() - started) / 1000)} s`);
  },
});
let total = 0;
let failed = 0;
console.log('\ntarget     cases   docs  failures  seconds');
for (const r of reports) {
  total += r.cases;
  failed += r.failures.length;
  console.log(`${r.target.padEnd(9)} ${String(r.cases).padStart(6)} ${String(r.docs).padStart(6)} ${String(r.failures.length).padStart(9)} ${(r.ms / 1000).toFixed(0).padStart(8)}`);
  for (const g of failureSummary(r)) console.log(`    ${g.count} x ${g.key}\n      e.g. ${g.example.slice(0, 400)}`);
}
console.log(`\nfuzz: ${total} cases in ${Math.round((Date.now() - started) / 1000)} s, ${failed} failures`);
process.exitCode = failed > 0 ? 1 : 0;
